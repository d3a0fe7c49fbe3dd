package dev.niche.community.inmemory;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.ThreadKey;
import dev.niche.community.spi.UniqueKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The post table: rows by id, indexed per community by thread roots newest first and per thread by
 * replies oldest first.
 *
 * <p>The indexes hold keys, not rows: a post's {@code createdAt}, community and thread never change,
 * so updates and counter changes replace the row by id and leave the indexes alone.
 */
final class PostRows {
    private static final Comparator<PostKey> OLDEST_FIRST = (a, b) -> {
        int byTime = a.createdAt().compareTo(b.createdAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    };
    private static final Comparator<PostKey> NEWEST_FIRST = (a, b) -> OLDEST_FIRST.compare(b, a);

    private final HashMap<PostId, PostRecord> byId = new HashMap<>();
    private final HashMap<CommunityId, TreeSet<PostKey>> threadsByCommunity = new HashMap<>();
    private final HashMap<PostId, TreeSet<PostKey>> repliesByThread = new HashMap<>();

    /** A post's place in an index. */
    private record PostKey(Instant createdAt, PostId id) {}

    PostTable table(UnitOfWork unit) {
        return new View(unit);
    }

    private TreeSet<PostKey> indexOf(PostRecord post) {
        return post.isRoot()
                ? threadsByCommunity.computeIfAbsent(post.community(), community -> new TreeSet<>(NEWEST_FIRST))
                : repliesByThread.computeIfAbsent(post.thread(), thread -> new TreeSet<>(OLDEST_FIRST));
    }

    private void restore(PostRecord post) {
        byId.put(post.id(), post);
    }

    private PostRecord existing(PostId id) {
        PostRecord post = byId.get(id);
        if (post == null) {
            throw new IllegalStateException("there is no post with id " + id);
        }
        return post;
    }

    private static PostCounters counters(PostCounters base, int ups, int downs, int replies, int threadReplies) {
        return new PostCounters(base.ups() + ups, base.downs() + downs,
                base.replyCount() + replies, base.threadReplyCount() + threadReplies);
    }

    private List<PostRecord> resolve(Iterable<PostKey> keys, int limit) {
        List<PostRecord> posts = new ArrayList<>();
        if (limit <= 0) {
            return posts;
        }
        for (PostKey key : keys) {
            posts.add(byId.get(key.id()));
            if (posts.size() == limit) {
                break;
            }
        }
        return posts;
    }

    private final class View implements PostTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void insert(PostRecord post) {
            unit.checkWritable();
            if (byId.containsKey(post.id())) {
                throw new DuplicateKeyException(UniqueKey.ID);
            }
            PostKey key = new PostKey(post.createdAt(), post.id());
            TreeSet<PostKey> index = indexOf(post);
            byId.put(post.id(), post);
            index.add(key);
            unit.onUndo(() -> {
                byId.remove(post.id());
                index.remove(key);
            });
        }

        @Override
        public Optional<PostRecord> byId(PostId id) {
            unit.checkOpen();
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Map<PostId, PostRecord> byIds(Collection<PostId> ids) {
            unit.checkOpen();
            Map<PostId, PostRecord> found = new HashMap<>();
            for (PostId id : ids) {
                PostRecord post = byId.get(id);
                if (post != null) {
                    found.put(id, post);
                }
            }
            return found;
        }

        @Override
        public void update(PostRecord post) {
            unit.checkWritable();
            PostRecord stored = existing(post.id());
            restore(new PostRecord(stored.id(), stored.community(), stored.thread(), stored.parent(), stored.depth(),
                    stored.author(), stored.authorAccount(), post.title(), post.body(), post.link(),
                    stored.createdAt(), post.editedAt(), post.deleted(), post.locked(), stored.counters()));
            unit.onUndo(() -> restore(stored));
        }

        @Override
        public PostCounters addVotes(PostId post, int ups, int downs) {
            unit.checkWritable();
            PostRecord stored = existing(post);
            PostCounters added = counters(stored.counters(), ups, downs, 0, 0);
            restore(stored.withCounters(added));
            unit.onUndo(() -> restore(stored));
            return added;
        }

        @Override
        public void addReply(PostId parent, PostId thread) {
            unit.checkWritable();
            PostRecord storedParent = existing(parent);
            PostRecord storedRoot = existing(thread);
            if (parent.equals(thread)) {
                restore(storedRoot.withCounters(counters(storedRoot.counters(), 0, 0, 1, 1)));
                unit.onUndo(() -> restore(storedRoot));
            } else {
                restore(storedParent.withCounters(counters(storedParent.counters(), 0, 0, 1, 0)));
                restore(storedRoot.withCounters(counters(storedRoot.counters(), 0, 0, 0, 1)));
                unit.onUndo(() -> {
                    restore(storedRoot);
                    restore(storedParent);
                });
            }
        }

        @Override
        public List<PostRecord> threads(CommunityId community, @Nullable ThreadKey after, int limit) {
            unit.checkOpen();
            TreeSet<PostKey> roots = threadsByCommunity.get(community);
            if (roots == null) {
                return new ArrayList<>();
            }
            NavigableSet<PostKey> from =
                    after == null ? roots : roots.tailSet(new PostKey(after.createdAt(), after.id()), false);
            return resolve(from, limit);
        }

        @Override
        public List<PostRecord> replies(PostId thread) {
            unit.checkOpen();
            TreeSet<PostKey> replies = repliesByThread.get(thread);
            return replies == null ? new ArrayList<>() : resolve(replies, replies.size());
        }
    }
}
