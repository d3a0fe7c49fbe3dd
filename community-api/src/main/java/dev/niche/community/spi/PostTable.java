package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Posts: thread roots and replies. */
public interface PostTable {

    /** Stores a new post, counters included. */
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
     * the counters as they are after this addition, within this unit of work.
     *
     * @throws IllegalStateException if there is no such post
     */
    PostCounters addVotes(PostId post, int ups, int downs);

    /**
     * Counts one new reply, atomically: the parent's {@code replyCount} and the thread root's
     * {@code threadReplyCount} each grow by one (both on the root when it is the parent).
     *
     * @throws IllegalStateException if either post does not exist
     */
    void addReply(PostId parent, PostId thread);

    /**
     * A community's thread roots, newest first ({@code createdAt} descending, then id descending),
     * starting after {@code after} (exclusive) when given, at most {@code limit} (at least 1).
     */
    List<PostRecord> threads(CommunityId community, @Nullable ThreadKey after, int limit);

    /** Every reply in a thread (not the root), ordered by {@code createdAt} then id, ascending. */
    List<PostRecord> replies(PostId thread);
}
