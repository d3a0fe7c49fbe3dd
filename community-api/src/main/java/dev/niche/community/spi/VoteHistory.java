package dev.niche.community.spi;

/**
 * What the ledger says about one vote being judged, read together by
 * {@link ReputationTable#voteHistory}.
 *
 * @param recentVotes how many vote entries the voter's account gave the author's account in the
 *                    community within the serial-voting window ({@link ReputationTable#votesSince})
 * @param gainsToday  the author pseudonym's up-vote gains in the community on the day
 *                    ({@link ReputationTable#upvoteGains})
 * @param held        what the voter's earlier vote on the post still holds ({@link ReputationTable#voteNet})
 * @since 0.2
 */
public record VoteHistory(long recentVotes, long gainsToday, long held) {}
