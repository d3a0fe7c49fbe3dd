package dev.niche.community.spi;

import dev.niche.community.membership.InviteId;
import java.util.Optional;

/** Invites. */
public interface InviteTable {

    /**
     * Stores a new invite.
     *
     * @throws DuplicateKeyException with {@link UniqueKey#INVITE_CODE} if the code is taken
     */
    void insert(InviteRecord invite);

    Optional<InviteRecord> byId(InviteId id);

    /** The invite with exactly this code (case-sensitive). */
    Optional<InviteRecord> byCode(String code);

    /**
     * Marks an invite revoked.
     *
     * @throws IllegalStateException if there is no such invite
     */
    void revoke(InviteId id);

    /**
     * Counts one use of an invite, atomically, if it has been used fewer than {@code maxUses} times.
     *
     * @return whether the use was counted; {@code false} when the invite was already used up or does not
     *         exist
     */
    boolean use(InviteId id, int maxUses);
}
