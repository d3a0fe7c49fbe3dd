package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.UniqueKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

final class ReferencePosts implements PostTable {
    private final ReferenceData data;

    ReferencePosts(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void insert(PostRecord post) {
        if (data.posts.containsKey(post.id())) {
            throw new DuplicateKeyException(UniqueKey.ID);
        }
        data.posts.put(post.id(), post);
    }

    @Override
    public Optional<PostRecord> byId(PostId id) {
        return Optional.ofNullable(data.posts.get(id));
    }

    @Override
    public Map<PostId, PostRecord> byIds(Collection<PostId> ids) {
        Map<PostId, PostRecord> found = new HashMap<>();
        for (PostId id : ids) {
            byId(id).ifPresent(p -> found.put(id, p));
        }
        return found;
    }

    @Override
    public void update(PostRecord post) {
        PostRecord old = existing(post.id());
        data.posts.put(old.id(), new PostRecord(old.id(), old.community(), old.thread(), old.parent(), old.depth(),
                old.author(), old.authorAccount(), post.title(), post.body(), post.link(), old.createdAt(),
                post.editedAt(), post.deleted(), post.locked(), old.counters(), old.ranks()));
    }

    @Override
    public PostCounters addVotes(PostId post, int ups, int downs) {
        PostRecord old = existing(post);
        PostCounters c = old.counters();
        PostCounters now = new PostCounters(c.ups() + ups, c.downs() + downs, c.replyCount(), c.threadReplyCount());
        data.posts.put(post, old.withCounters(now));
        return now;
    }

    @Override
    public void addReply(PostId parent, PostId thread) {
        PostRecord p = existing(parent);
        existing(thread);
        PostCounters pc = p.counters();
        data.posts.put(parent, p.withCounters(
                new PostCounters(pc.ups(), pc.downs(), pc.replyCount() + 1, pc.threadReplyCount())));
        PostRecord t = existing(thread);
        PostCounters tc = t.counters();
        data.posts.put(thread, t.withCounters(
                new PostCounters(tc.ups(), tc.downs(), tc.replyCount(), tc.threadReplyCount() + 1)));
    }

    @Override
    public void setRanks(PostId post, Ranks ranks) {
        data.posts.put(post, existing(post).withRanks(ranks));
    }

    @Override
    public List<PostRecord> threads(CommunityId community, ThreadSort sort, @Nullable Instant createdSince,
            @Nullable SortKey after, int limit) {
        return listing(data.posts.values().stream()
                .filter(p -> p.community().equals(community) && p.isRoot())
                .filter(p -> createdSince == null || !p.createdAt().isBefore(createdSince)),
                p -> SortKey.of(p, sort), ListingOrder.DESCENDING, after, limit);
    }

    @Override
    public List<PostRecord> children(PostId parent, ReplySort sort, @Nullable SortKey after, int limit) {
        return listing(data.posts.values().stream().filter(p -> parent.equals(p.parent())),
                p -> SortKey.of(p, sort), ListingOrder.keys(sort), after, limit);
    }

    /** The posts after {@code after} in {@code order} of their keys, at most {@code limit}: a sort on the fly. */
    private static List<PostRecord> listing(Stream<PostRecord> posts, Function<PostRecord, SortKey> key,
            Comparator<SortKey> order, @Nullable SortKey after, int limit) {
        return posts.filter(p -> after == null || order.compare(key.apply(p), after) > 0)
                .sorted(Comparator.comparing(key, order))
                .limit(limit)
                .toList();
    }

    private PostRecord existing(PostId id) {
        PostRecord p = data.posts.get(id);
        if (p == null) {
            throw new IllegalStateException("post " + id + " does not exist");
        }
        return p;
    }
}
