package dev.niche.community.tck;

import dev.niche.community.membership.InviteId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.InviteTable;
import dev.niche.community.spi.UniqueKey;
import java.util.Optional;

final class ReferenceInvites implements InviteTable {
    private final ReferenceData data;

    ReferenceInvites(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void insert(InviteRecord invite) {
        if (data.invites.containsKey(invite.id())) {
            throw new DuplicateKeyException(UniqueKey.ID);
        }
        if (byCode(invite.code()).isPresent()) {
            throw new DuplicateKeyException(UniqueKey.INVITE_CODE);
        }
        data.invites.put(invite.id(), invite);
    }

    @Override
    public Optional<InviteRecord> byId(InviteId id) {
        return Optional.ofNullable(data.invites.get(id));
    }

    @Override
    public Optional<InviteRecord> byCode(String code) {
        return data.invites.values().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    @Override
    public void revoke(InviteId id) {
        InviteRecord i = existing(id);
        data.invites.put(id, new InviteRecord(i.id(), i.community(), i.code(), i.createdBy(), i.createdAt(),
                i.expiresAt(), i.maxUses(), i.uses(), true));
    }

    @Override
    public boolean use(InviteId id, int maxUses) {
        InviteRecord i = existing(id);
        if (i.uses() >= maxUses) {
            return false;
        }
        data.invites.put(id, new InviteRecord(i.id(), i.community(), i.code(), i.createdBy(), i.createdAt(),
                i.expiresAt(), i.maxUses(), i.uses() + 1, i.revoked()));
        return true;
    }

    private InviteRecord existing(InviteId id) {
        InviteRecord i = data.invites.get(id);
        if (i == null) {
            throw new IllegalStateException("invite " + id + " does not exist");
        }
        return i;
    }
}
