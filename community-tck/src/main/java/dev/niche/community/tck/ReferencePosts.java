package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.ThreadKey;
import dev.niche.community.spi.UniqueKey;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

final class ReferencePosts implements PostTable {
    private static final Comparator<ThreadKey> NEWEST_FIRST =
            Comparator.comparing(ThreadKey::createdAt).thenComparing(ThreadKey::id).reversed();

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
                post.editedAt(), post.deleted(), post.locked(), old.counters()));
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
    public List<PostRecord> threads(CommunityId community, @Nullable ThreadKey after, int limit) {
        return data.posts.values().stream()
                .filter(p -> p.community().equals(community) && p.isRoot())
                .filter(p -> after == null || NEWEST_FIRST.compare(keyOf(p), after) > 0)
                .sorted(Comparator.comparing(ReferencePosts::keyOf, NEWEST_FIRST))
                .limit(limit)
                .toList();
    }

    @Override
    public List<PostRecord> replies(PostId thread) {
        return data.posts.values().stream()
                .filter(p -> p.thread().equals(thread) && !p.isRoot())
                .sorted(Comparator.comparing(PostRecord::createdAt).thenComparing(PostRecord::id))
                .toList();
    }

    private static ThreadKey keyOf(PostRecord p) {
        return new ThreadKey(p.createdAt(), p.id());
    }

    private PostRecord existing(PostId id) {
        PostRecord p = data.posts.get(id);
        if (p == null) {
            throw new IllegalStateException("post " + id + " does not exist");
        }
        return p;
    }
}
