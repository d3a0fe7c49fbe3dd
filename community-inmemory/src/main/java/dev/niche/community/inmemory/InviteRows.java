package dev.niche.community.inmemory;

import dev.niche.community.membership.InviteId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.InviteTable;
import dev.niche.community.spi.UniqueKey;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;

/** The invite table: rows by id, indexed by code (case-sensitive). */
final class InviteRows {
    private final HashMap<InviteId, InviteRecord> byId = new HashMap<>();
    // Holds ids, not rows, so that revoking or using an invite touches one map only.
    private final HashMap<String, InviteId> byCode = new HashMap<>();

    InviteTable table(UnitOfWork unit) {
        return new View(unit);
    }

    private void restore(InviteRecord invite) {
        byId.put(invite.id(), invite);
    }

    private final class View implements InviteTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void insert(InviteRecord invite) {
            unit.checkWritable();
            if (byId.containsKey(invite.id())) {
                throw new DuplicateKeyException(UniqueKey.ID);
            }
            if (byCode.containsKey(invite.code())) {
                throw new DuplicateKeyException(UniqueKey.INVITE_CODE);
            }
            byId.put(invite.id(), invite);
            byCode.put(invite.code(), invite.id());
            unit.onUndo(() -> {
                byId.remove(invite.id());
                byCode.remove(invite.code());
            });
        }

        @Override
        public Optional<InviteRecord> byId(InviteId id) {
            unit.checkOpen();
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<InviteRecord> byCode(String code) {
            unit.checkOpen();
            InviteId id = byCode.get(code);
            return id == null ? Optional.empty() : Optional.of(Objects.requireNonNull(byId.get(id), "a code names a row"));
        }

        @Override
        public void revoke(InviteId id) {
            unit.checkWritable();
            InviteRecord stored = byId.get(id);
            if (stored == null) {
                throw new IllegalStateException("there is no invite with id " + id);
            }
            restore(new InviteRecord(stored.id(), stored.community(), stored.code(), stored.createdBy(),
                    stored.createdAt(), stored.expiresAt(), stored.maxUses(), stored.uses(), true));
            unit.onUndo(() -> restore(stored));
        }

        /** Counts nothing for a missing invite, as a conditional SQL update of no row would. */
        @Override
        public boolean use(InviteId id, int maxUses) {
            unit.checkWritable();
            InviteRecord stored = byId.get(id);
            if (stored == null || stored.uses() >= maxUses) {
                return false;
            }
            restore(new InviteRecord(stored.id(), stored.community(), stored.code(), stored.createdBy(),
                    stored.createdAt(), stored.expiresAt(), stored.maxUses(), stored.uses() + 1, stored.revoked()));
            unit.onUndo(() -> restore(stored));
            return true;
        }
    }
}
