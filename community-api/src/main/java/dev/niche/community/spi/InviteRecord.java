package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import java.time.Instant;

/**
 * A stored invite.
 *
 * @param id        its id
 * @param community the community it admits to
 * @param code      its secret code, unique
 * @param createdBy the moderator's pseudonym
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param maxUses   how many joins it may admit
 * @param uses      how many it has admitted; changed only by {@link InviteTable#use}
 * @param revoked   whether it was revoked
 */
public record InviteRecord(
        InviteId id,
        CommunityId community,
        String code,
        PseudonymId createdBy,
        Instant createdAt,
        Instant expiresAt,
        int maxUses,
        int uses,
        boolean revoked) {}
