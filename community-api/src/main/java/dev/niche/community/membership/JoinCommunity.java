package dev.niche.community.membership;

import dev.niche.community.community.CommunityId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Joins a community under the actor's pseudonym.
 *
 * @param community  the community to join
 * @param inviteCode an invite code, needed for INVITE_ONLY communities; a valid one admits at once
 *                   under every join policy
 */
public record JoinCommunity(
        @NotNull CommunityId community,
        @Nullable @Size(min = 1, max = 64, message = "must be 1 to 64 characters long") String inviteCode) {

    /** Joins without an invite. */
    public static JoinCommunity of(CommunityId community) {
        return new JoinCommunity(community, null);
    }

    /** Joins with an invite code. */
    public static JoinCommunity withInvite(CommunityId community, String inviteCode) {
        return new JoinCommunity(community, inviteCode);
    }
}
