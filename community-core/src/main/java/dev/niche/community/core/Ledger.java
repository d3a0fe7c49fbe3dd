package dev.niche.community.core;

import dev.niche.community.Actor;
import dev.niche.community.membership.Role;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteHistory;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What votes do to their authors' reputation. Every vote that changes direction appends ledger
 * entries: one that reverses exactly what the account's earlier vote on the post still held, if it had
 * one, and one for the new vote. Each entry's points are added to the author's total in the same unit
 * of work.
 */
final class Ledger {
    private Ledger() {}

    /**
     * How a vote is judged, with what the ledger held when it was judged.
     *
     * @param kind       the ledger entry it gets, or {@code null} for a vote by the author's own account,
     *                   which the ledger ignores
     * @param counted    whether it counts in the post's counters
     * @param held       what the account's earlier vote on the post still holds in the ledger
     * @param gainsToday the author's up-vote gains in the community today, before this vote
     */
    record Judgement(@Nullable LedgerKind kind, boolean counted, long held, long gainsToday) {}

    /**
     * Judges a vote being cast or changed to {@code direction}. Locks the author's account, so that the
     * daily cap and the serial-voting count hold when votes arrive at once, then reads what the ledger
     * says about the vote in one call ({@link dev.niche.community.spi.ReputationTable#voteHistory}).
     * Where votes are weighed by trust, the owner and moderators, who seed the score, always count.
     */
    static Judgement judge(StoreTransaction tx, TrustPolicy policy, PostRecord post, Actor voter, Role voterRole,
            Direction direction, Instant now) {
        if (post.authorAccount().equals(voter.account())) {
            return new Judgement(null, false, 0, 0);
        }
        tx.lockAccount(post.authorAccount());
        boolean weigh = policy.score().weighVotes();
        TrustPolicy.SerialVotes guard = policy.serialVotes();
        VoteHistory history = tx.reputation().voteHistory(post.id(), post.community(), voter.account(),
                post.authorAccount(), post.author(), now.minus(guard.window()), Days.of(now));
        long held = history.held();
        long gains = history.gainsToday();
        if (history.recentVotes() + 1 >= guard.votes()) {
            return new Judgement(LedgerKind.SERIAL_VOTE, !weigh, held, gains);
        }
        if (weigh && !voterRole.moderates()) {
            double score = tx.trust().scores(post.community(), List.of(voter.account()))
                    .getOrDefault(voter.account(), 0.0);
            if (score < policy.score().floor()) {
                return new Judgement(LedgerKind.UNTRUSTED_VOTE, false, held, gains);
            }
        }
        return new Judgement(direction == Direction.UP ? LedgerKind.UPVOTE : LedgerKind.DOWNVOTE, true, held, gains);
    }

    /**
     * Reverses what the account's vote on the post still holds in the ledger, when the vote is changed or
     * retracted. Call it only when the account has a vote on the post: the entries of a vote that is gone
     * already net to zero, since retracting is the only way a vote goes and it reverses them.
     */
    static void reverse(StoreTransaction tx, PostRecord post, Actor voter, Instant now) {
        if (post.authorAccount().equals(voter.account())) {
            return;
        }
        reverse(tx, post, voter, tx.reputation().voteNet(post.id(), voter.account()), now);
    }

    /** {@link #reverse(StoreTransaction, PostRecord, Actor, Instant)}, where the vote's judgement read what it held. */
    static void reverse(StoreTransaction tx, PostRecord post, Actor voter, long held, Instant now) {
        if (held != 0) {
            append(tx, post, voter, LedgerKind.REVERSAL, Math.toIntExact(-held), now);
        }
    }

    /**
     * Appends the entry of a vote being cast or changed, as {@code judgement} judged it, after
     * {@link #reverse} took back what an earlier vote held; a vote by the author's own account gets none.
     */
    static void record(StoreTransaction tx, TrustPolicy policy, PostRecord post, Actor voter, Judgement judgement,
            Instant now) {
        if (judgement.kind() == null) {
            return;
        }
        TrustPolicy.Reputation rules = policy.reputation();
        int points = switch (judgement.kind()) {
            case UPVOTE -> (int) Math.max(0, Math.min(rules.upvote(), rules.dailyCap() - judgement.gainsToday()));
            case DOWNVOTE -> rules.downvote();
            case SERIAL_VOTE, UNTRUSTED_VOTE, REVERSAL -> 0;
        };
        append(tx, post, voter, judgement.kind(), points, now);
        if (judgement.kind() == LedgerKind.UPVOTE) {
            ActivityLog.upvoted(tx, post.community(), voter.account(), post.authorAccount(), now);
        }
    }

    private static void append(StoreTransaction tx, PostRecord post, Actor voter, LedgerKind kind, int points,
            Instant now) {
        tx.reputation().append(new LedgerEntry(post.community(), post.author(), post.authorAccount(), kind, points,
                post.id(), voter.account(), voter.pseudonym(), Days.of(now), now));
        if (points != 0) {
            tx.reputation().add(post.community(), post.author(), points);
        }
    }
}
