package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.trust.Activity;
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

    /** Every pair of distinct accounts where one endorsed the other in the community, in any order. */
    List<Endorsement> endorsements(CommunityId community);

    /** Replaces every trust score of the community by {@code scores}. */
    void replaceScores(CommunityId community, Map<AccountId, Double> scores);

    /** The scores of those of {@code accounts} that have one; one query for them all. */
    Map<AccountId, Double> scores(CommunityId community, Collection<AccountId> accounts);
}
