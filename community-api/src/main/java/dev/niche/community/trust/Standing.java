package dev.niche.community.trust;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import org.jspecify.annotations.Nullable;

/**
 * Where a pseudonym stands in one community.
 *
 * <p>Reputation belongs to the pseudonym. The level and the trust score belong to the account, so
 * they are shown only on the pseudonym that holds the account's active membership now; any other
 * pseudonym, one that left among them, shows {@link TrustLevel#NEW}, not granted by hand, and no score.
 * An account that rejoins under another pseudonym starts over: its level goes back to NEW (a LEADER
 * grant included) and its score is dropped until the next recompute, so the new pseudonym never shows
 * what the old one showed. No standing ever ties two pseudonyms of one account together.
 *
 * @param community     the community
 * @param member        the pseudonym
 * @param reputation    its reputation in the community: the sum of its ledger
 * @param level         its account's trust level there, if it holds the active membership
 * @param grantedByHand whether the owner set the level ({@link TrustLevel#LEADER}) rather than the rules
 * @param trust         its account's trust score at the last {@link Trust#recompute}, scaled so that the
 *                      average member has 1.0; {@code null} if it was not scored yet or the
 *                      pseudonym does not hold the account's membership
 */
public record Standing(
        CommunityId community, PseudonymView member, long reputation, TrustLevel level, boolean grantedByHand,
        @Nullable Double trust) {}
