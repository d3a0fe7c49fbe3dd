package dev.niche.community.trust;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import org.jspecify.annotations.Nullable;

/**
 * Where a pseudonym stands in one community.
 *
 * @param community     the community
 * @param member        the pseudonym
 * @param reputation    its reputation in the community: the sum of its ledger
 * @param level         its trust level there
 * @param grantedByHand whether the owner set the level ({@link TrustLevel#LEADER}) rather than the rules
 * @param trust         its account's trust score at the last {@link Trust#recompute}, scaled so that the
 *                      average member has 1.0; {@code null} if it was not scored yet
 */
public record Standing(
        CommunityId community, PseudonymView member, long reputation, TrustLevel level, boolean grantedByHand,
        @Nullable Double trust) {}
