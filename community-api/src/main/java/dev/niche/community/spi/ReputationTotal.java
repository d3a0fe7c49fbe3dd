package dev.niche.community.spi;

import dev.niche.community.identity.PseudonymId;

/**
 * A pseudonym's reputation total in one community; also the keyset position of a leaderboard page.
 *
 * @param pseudonym the pseudonym
 * @param points    the total
 */
public record ReputationTotal(PseudonymId pseudonym, long points) {}
