package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Posts: thread roots and replies. */
public interface PostTable {

    /** Stores a new post, counters and rank keys included. */
    void insert(PostRecord post);

    Optional<PostRecord> byId(PostId id);

    /** Those of {@code ids} that exist, by id; one query however many ids. */
    Map<PostId, PostRecord> byIds(Collection<PostId> ids);

    /**
     * Replaces the title, body, link, {@code editedAt}, {@code deleted} and {@code locked} of a
     * stored post. Never touches its counters.
     *
     * @throws IllegalStateException if there is no such post
     */
    void update(PostRecord post);

    /**
     * Adds to a post's vote counters atomically (concurrent additions never lose one) and returns
     * the counters as they are after this addition, within this unit of work. Listings by score
     * (TOP) reflect the change at once. The row stays locked against other writers until this unit
     * of work ends, so that the rank keys the engine then writes with {@link #setRanks} belong to
     * these counters.
     *
     * @throws IllegalStateException if there is no such post
     */
    PostCounters addVotes(PostId post, int ups, int downs);

    /**
     * Moves a post's vote counters by {@code ups} and {@code downs} as {@link #addVotes} does, and its
     * rank keys to {@code ranks} of the counters after the move, as {@link #setRanks} does; returns the
     * counters after the move. {@code read} is the post as this unit of work read it.
     *
     * <p>The default runs {@link #addVotes}, then {@link #setRanks} with the counters it returned. A
     * store that knows it holds the post's row lock since {@code read} was read, with no change to its
     * counters since, may instead compute the counters from {@code read}'s and write both at once,
     * without waiting for an answer.
     *
     * @throws IllegalStateException if there is no such post
     * @since 0.2
     */
    default PostCounters moveVotes(PostRecord read, int ups, int downs, Function<PostCounters, Ranks> ranks) {
        PostCounters after = addVotes(read.id(), ups, downs);
        setRanks(read.id(), ranks.apply(after));
        return after;
    }

    /**
     * Counts one new reply, atomically: the parent's {@code replyCount} and the thread root's
     * {@code threadReplyCount} each grow by one (both on the root when it is the parent).
     *
     * @throws IllegalStateException if either post does not exist
     */
    void addReply(PostId parent, PostId thread);

    /**
     * Replaces a post's rank keys; the engine calls it after every change of the post's votes.
     * Every listing sorted by a rank key reflects the new keys from then on.
     *
     * @throws IllegalStateException if there is no such post
     */
    void setRanks(PostId post, Ranks ranks);

    /**
     * A community's thread roots in {@code sort}'s order ({@link SortKey}), only those created at or
     * after {@code createdSince} when given, starting after {@code after} (exclusive) when given, at
     * most {@code limit} (at least 1). A store serves this from an index on
     * {@code (community, sort value, id)}; it never sorts the community's threads. With
     * {@code createdSince}, walking the score index and skipping older threads is correct but costs
     * the older threads it passes; a narrow window over a large community may instead be read by
     * creation time.
     */
    List<PostRecord> threads(CommunityId community, ThreadSort sort, @Nullable Instant createdSince,
            @Nullable SortKey after, int limit);

    /**
     * {@link #threads} of several communities at once: for each of {@code communities}, the list that
     * {@code threads(community, sort, createdSince, after, limit)} answers, by community; communities
     * without a thread to list are absent. The default asks {@link #threads} once per community; a
     * store that can answer in a fixed number of queries should, since a home feed asks for every
     * community an account joined.
     *
     * @since 0.2
     */
    default Map<CommunityId, List<PostRecord>> threadsOf(Collection<CommunityId> communities, ThreadSort sort,
            @Nullable Instant createdSince, @Nullable SortKey after, int limit) {
        Map<CommunityId, List<PostRecord>> found = new HashMap<>();
        for (CommunityId community : communities) {
            List<PostRecord> threads = threads(community, sort, createdSince, after, limit);
            if (!threads.isEmpty()) {
                found.put(community, threads);
            }
        }
        return found;
    }

    /**
     * A post's direct replies in {@code sort}'s order ({@link SortKey}), starting after {@code after}
     * (exclusive) when given, at most {@code limit} (at least 1). A store serves this from an index
     * on {@code (parent, sort value, id)}; it never sorts a whole thread.
     */
    List<PostRecord> children(PostId parent, ReplySort sort, @Nullable SortKey after, int limit);

    /**
     * {@link #children} of several parents at once, each from its first reply: for each of
     * {@code parents}, the list that {@code children(parent, sort, null, limit)} answers, by parent;
     * parents without a reply are absent. The default asks {@link #children} once per parent; a store
     * that can answer in a fixed number of queries should, since a page of a reply tree asks for the
     * first replies of every reply on it that has replies of its own.
     *
     * @since 0.2
     */
    default Map<PostId, List<PostRecord>> childrenOf(Collection<PostId> parents, ReplySort sort, int limit) {
        Map<PostId, List<PostRecord>> found = new HashMap<>();
        for (PostId parent : parents) {
            List<PostRecord> replies = children(parent, sort, null, limit);
            if (!replies.isEmpty()) {
                found.put(parent, replies);
            }
        }
        return found;
    }
}
