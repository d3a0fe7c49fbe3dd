package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reputation ledger, append-only, and the totals kept beside it. The engine appends an entry and
 * adds its points to the total in the same unit of work, so a total always equals its ledger's sum.
 */
public interface ReputationTable {

    /** Appends an entry. Entries are never changed or removed. */
    void append(LedgerEntry entry);

    /**
     * Adds {@code delta} to the pseudonym's total in the community, atomically, starting from 0 if it
     * has none yet, and returns the new total.
     */
    long addToTotal(CommunityId community, PseudonymId pseudonym, long delta);

    /**
     * {@link #addToTotal} for a caller that does not need the new total, which lets a store send the
     * addition without waiting for its answer. The default calls {@link #addToTotal}.
     *
     * @since 0.2
     */
    default void add(CommunityId community, PseudonymId pseudonym, long delta) {
        addToTotal(community, pseudonym, delta);
    }

    /** The pseudonym's total in the community; 0 if it has none. */
    long total(CommunityId community, PseudonymId pseudonym);

    /** The sum of the pseudonym's totals in every community; 0 if it has none. */
    long totalAcross(PseudonymId pseudonym);

    /**
     * The community's totals ordered by points descending, then pseudonym id ascending, starting after
     * {@code after} (exclusive) when given, at most {@code limit} (at least 1).
     */
    List<ReputationTotal> leaderboard(CommunityId community, @Nullable ReputationTotal after, int limit);

    /** The sum of the points of every entry with this post and source account: what the vote still holds. */
    long voteNet(PostId post, AccountId sourceAccount);

    /** The sum of the points of the pseudonym's {@link LedgerKind#UPVOTE} entries in the community on {@code day}. */
    long upvoteGains(CommunityId community, PseudonymId pseudonym, long day);

    /**
     * How many entries of a vote kind ({@link LedgerKind#isVote()}) the community's ledger has with this
     * source account and this {@code account}, at or after {@code since}.
     */
    long votesSince(CommunityId community, AccountId sourceAccount, AccountId account, Instant since);

    /**
     * What judging a vote on {@code post} by {@code sourceAccount} needs from the ledger:
     * {@link #votesSince}{@code (community, sourceAccount, account, since)},
     * {@link #upvoteGains}{@code (community, author, day)} and {@link #voteNet}{@code (post, sourceAccount)}.
     * The default asks each; a store that can answer in one query should, since every vote asks.
     *
     * @param account the account of the post's author
     * @param author  the pseudonym that wrote the post
     * @since 0.2
     */
    default VoteHistory voteHistory(PostId post, CommunityId community, AccountId sourceAccount, AccountId account,
            PseudonymId author, Instant since, long day) {
        return new VoteHistory(votesSince(community, sourceAccount, account, since),
                upvoteGains(community, author, day), voteNet(post, sourceAccount));
    }

    /** The sum of the points of the pseudonym's entries in the community, recounted from the ledger. */
    long recount(CommunityId community, PseudonymId pseudonym);

    /**
     * The community's {@link LedgerKind#SERIAL_VOTE} entries grouped by (source pseudonym, pseudonym),
     * ordered by source pseudonym id then pseudonym id ascending, starting after {@code after}'s pair
     * (exclusive) when given, at most {@code limit} (at least 1).
     */
    List<SerialPair> serialPairs(CommunityId community, @Nullable SerialPair after, int limit);
}
