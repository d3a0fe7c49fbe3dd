package dev.niche.community.membership;

import dev.niche.community.community.CommunityId;
import java.time.Instant;

/**
 * An invite. Its {@code code} is a secret with 130 random bits: share it only with the invitees.
 *
 * @param id        the invite's id, for revoking it
 * @param community the community it admits to
 * @param code      the secret code an invitee passes to {@link JoinCommunity}
 * @param expiresAt when it stops working
 * @param maxUses   how many joins it admits
 * @param uses      how many joins it has admitted
 * @param revoked   whether a moderator revoked it
 */
public record InviteView(
        InviteId id, CommunityId community, String code, Instant expiresAt, int maxUses, int uses, boolean revoked) {}
