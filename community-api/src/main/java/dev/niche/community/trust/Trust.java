package dev.niche.community.trust;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import java.time.Duration;

/**
 * Reputation, trust levels and trust scores, per community.
 *
 * <h2>Reputation</h2>
 * Every counted vote a post receives appends an entry to its author's ledger in the community: by
 * default +10 for an up vote and -2 for a down vote, with up-vote gains capped at 200 a UTC day. When
 * the vote is changed or retracted, its entries are reversed exactly, by a new entry. Reputation is the
 * sum of the ledger. Votes between pseudonyms of one account, serial votes and, when votes are weighed
 * by trust, votes from untrusted accounts are recorded with no points.
 *
 * <h2>Trust levels</h2>
 * Each membership has a {@link TrustLevel}. The host reports visits and reading; the engine counts
 * replies and votes. Levels are re-evaluated when a visit or reading is reported, following the
 * community's {@link TrustPolicy.Levels}; a member who meets the next level's requirements rises one
 * level per report. Privileges ({@link Privilege}) are gated by level.
 *
 * <h2>Trust score</h2>
 * {@link #recompute} scores the community's active members by personalised PageRank over the
 * endorsement graph, stopped early as SybilRank does: an account endorses another by up-voting its
 * posts and by replying to them, edges are per account (an account's pseudonyms are one node, its
 * votes on itself are ignored), and many votes on one author count only logarithmically. The walk
 * restarts at the seeds: the owner, the moderators and the members of long standing. Trust reaches a
 * ring of fake accounts only through the endorsements honest members gave it, however many accounts
 * the ring holds and however they vote for each other, and no endorsement carries more than the
 * average endorsement's share, however trusted its giver. See {@code docs/trust.md} for the guarantee
 * and the cost.
 */
public interface Trust {

    /**
     * Records that the actor's member visited the community today; a day counts once however often
     * it is reported. Re-evaluates the member's level.
     *
     * @return the member's trust level after the visit
     * @throws dev.niche.community.ForbiddenException if the actor has no active membership there
     */
    TrustLevel recordVisit(Actor actor, CommunityId community);

    /**
     * Records that the actor's member read {@code postsRead} posts of a thread for {@code readingTime}.
     * Re-evaluates the member's level.
     *
     * @param thread      any post of the thread
     * @param postsRead   posts read in this report, 0 to 500
     * @param readingTime time read in this report, 0 to 1 hour
     * @return the member's trust level after the report
     * @throws dev.niche.community.InvalidInputException if a count is out of range
     * @throws dev.niche.community.ForbiddenException if the actor has no active membership in the
     *         thread's community
     */
    TrustLevel recordReading(Actor actor, PostId thread, int postsRead, Duration readingTime);

    /**
     * Where {@code member} stands in a community the viewer may read. Any pseudonym has a standing
     * there, member or not: one without a membership shows its reputation (0 if it never earned any),
     * {@link TrustLevel#NEW} and no score. Whether a pseudonym has a standing thus never changes when
     * another pseudonym of its account leaves or joins.
     *
     * @throws dev.niche.community.NotFoundException if there is no such pseudonym, or the viewer may
     *         not read the community
     */
    Standing standing(Viewer viewer, CommunityId community, PseudonymId member);

    /**
     * A pseudonym's reputation summed over every community, private ones included; show it only to
     * those who may know the pseudonym's standing.
     */
    long reputation(PseudonymId pseudonym);

    /**
     * Everyone who has gained or lost reputation in the community, by reputation, highest first (ties
     * by pseudonym id), paged by keyset. Members who left or were banned keep their place; a member
     * never voted on is not listed (its {@link #standing} says 0). A member whose reputation changes
     * between pages may be seen twice or not at all. A cursor works only for the community it came from.
     */
    Page<Standing> leaderboard(Viewer viewer, CommunityId community, PageRequest page);

    /** The actor's own progress in a community where it has an active membership. */
    TrustProgress progress(Actor actor, CommunityId community);

    /**
     * Grants {@link TrustLevel#LEADER}; only the owner may.
     *
     * @throws dev.niche.community.ConflictException if the member has no active membership
     */
    Standing grantLeader(Actor owner, CommunityId community, PseudonymId member);

    /** Takes a granted level back; the member returns to level 3 and the rules apply again. */
    Standing revokeLeader(Actor owner, CommunityId community, PseudonymId member);

    /** The community's policy, or the engine's default if it has none of its own. */
    TrustPolicy policy(Viewer viewer, CommunityId community);

    /** Replaces the community's policy; only the owner may. Levels already reached are kept. */
    TrustPolicy setPolicy(Actor owner, CommunityId community, TrustPolicy policy);

    /**
     * Recomputes the community's trust scores and stores them; a batch job for the host's scheduler,
     * not a member's action. Costs O((members + endorsements) · log2(members)) time and one read of
     * the endorsement graph; scores are replaced in one unit of work.
     *
     * @throws dev.niche.community.NotFoundException if there is no such community
     */
    TrustRun recompute(CommunityId community);

    /** Serial-voting clusters in the community, for its moderators, by voter then author id. */
    Page<SerialVoting> serialVoting(Actor moderator, CommunityId community, PageRequest page);
}
