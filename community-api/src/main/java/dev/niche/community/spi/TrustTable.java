package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.trust.Activity;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Members' activity, trust levels, trust scores, and each community's trust policy. */
public interface TrustTable {

    /**
     * Adds to the member's activity of {@code change.day()}, atomically, creating the day if needed:
     * the counts are added and {@code visited} is or-ed.
     */
    void addActivity(ActivityRecord change);

    /**
     * Records that the member entered ({@code replied == false}) or replied in ({@code replied == true})
     * a thread on {@code day}: the thread's last day of that kind becomes the later of the stored one
     * and {@code day}.
     */
    void touchThread(CommunityId community, AccountId account, PostId thread, long day, boolean replied);

    /**
     * The member's activity from {@code fromDay} (inclusive) on: sums of the days' counts, the number of
     * visited days, and the number of threads whose last entered, or last replied, day is at or after
     * {@code fromDay}.
     */
    Activity activity(CommunityId community, AccountId account, long fromDay);

    /** The member's stored level. */
    Optional<LevelRecord> level(CommunityId community, AccountId account);

    /** The stored levels of those of {@code accounts} that have one; one query for them all. */
    Map<AccountId, LevelRecord> levels(CommunityId community, Collection<AccountId> accounts);

    /** Stores the member's level, replacing any. */
    void putLevel(LevelRecord level);

    /** The community's own policy, in the engine's text form. */
    Optional<String> policy(CommunityId community);

    /** Stores the community's policy, replacing any. */
    void putPolicy(CommunityId community, String policy);

    /**
     * Every vote and reply between accounts in the community, grouped by (from, to, kind, counted,
     * replyDeleted, postDeleted) and counted, in any order; pairs with {@code from} equal to {@code to}
     * included. Only posts of this community count: a vote on one of its posts, a reply in it to one of
     * its posts. The engine derives the trust score's endorsements from these rows; a store answers
     * with one grouped read, since this serves the batch {@code recompute}.
     *
     * <p>The default answers from {@link #endorsements}, for a store written before 0.2 that
     * implements that instead: it reports each of its endorsements as counted up votes and replies on
     * posts that are not deleted, so the engine's rule gives back exactly those endorsements.
     *
     * @since 0.2
     */
    @SuppressWarnings("deprecation")
    default List<Interaction> interactions(CommunityId community) {
        List<Interaction> rows = new ArrayList<>();
        for (Endorsement endorsement : endorsements(community)) {
            if (endorsement.upvotes() > 0) {
                rows.add(Interaction.vote(endorsement.from(), endorsement.to(), Direction.UP, true, false,
                        endorsement.upvotes()));
            }
            if (endorsement.replies() > 0) {
                rows.add(Interaction.reply(endorsement.from(), endorsement.to(), false, false, endorsement.replies()));
            }
        }
        return rows;
    }

    /**
     * Every pair of distinct accounts where one endorsed the other in the community, in any order.
     *
     * @deprecated since 0.2 the engine decides what endorses; implement {@link #interactions} instead.
     *     The engine no longer calls this method except through the default of {@code interactions}.
     * @throws UnsupportedOperationException by default, naming the method to implement
     */
    @Deprecated(since = "0.2", forRemoval = true)
    default List<Endorsement> endorsements(CommunityId community) {
        throw new UnsupportedOperationException(getClass().getName()
                + " implements neither TrustTable.interactions nor the older endorsements; implement interactions"
                + " (the kit's family \"Trust\" checks it)");
    }

    /** Replaces every trust score of the community by {@code scores}. */
    void replaceScores(CommunityId community, Map<AccountId, Double> scores);

    /** The scores of those of {@code accounts} that have one; one query for them all. */
    Map<AccountId, Double> scores(CommunityId community, Collection<AccountId> accounts);
}
