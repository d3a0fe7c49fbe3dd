package dev.niche.community.trust;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import org.jspecify.annotations.Nullable;

/**
 * Where a pseudonym stands in one community.
 *
 * <p>Reputation belongs to the pseudonym. The level and the trust score belong to the account, so
 * they are shown only on the pseudonym that holds the account's membership now; a pseudonym the
 * account held the membership through before it left and rejoined shows {@link TrustLevel#NEW}, not
 * granted by hand, and no score. No standing ever ties two pseudonyms of one account together.
 *
 * @param community     the community
 * @param member        the pseudonym
 * @param reputation    its reputation in the community: the sum of its ledger
 * @param level         its account's trust level there, if it holds the membership
 * @param grantedByHand whether the owner set the level ({@link TrustLevel#LEADER}) rather than the rules
 * @param trust         its account's trust score at the last {@link Trust#recompute}, scaled so that the
 *                      average member has 1.0; {@code null} if it was not scored yet or the
 *                      pseudonym does not hold the account's membership
 */
public record Standing(
        CommunityId community, PseudonymView member, long reputation, TrustLevel level, boolean grantedByHand,
        @Nullable Double trust) {}
