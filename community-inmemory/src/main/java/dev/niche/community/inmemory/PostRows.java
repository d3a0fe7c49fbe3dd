package dev.niche.community.inmemory;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The post table: rows by id, and sorted indexes of keys ({@link SortKey}) by which every listing is
 * a walk from a position, never a sort: per community, its thread roots by each {@link ThreadSort};
 * per post, its direct replies by each {@link ReplySort} (OLD walks the NEW index backwards).
 *
 * <p>A vote changes a post's score and rank keys; {@link #reindex} then moves the post within the
 * indexes whose key changed, and an undo moves it back.
 *
 * <p>Each community's post ids are also kept in insert order, for the batch reads of other tables
 * that need every post of one community ({@link #forEachIn}).
 */
final class PostRows {
    private static final Comparator<SortKey> DESCENDING =
            Comparator.comparingDouble(SortKey::value).thenComparing(SortKey::id).reversed();
    private static final ThreadSort[] THREAD_SORTS = ThreadSort.values();
    /** The reply indexes kept: OLD is NEW walked backwards. */
    private static final ReplySort[] REPLY_INDEXES = {ReplySort.BEST, ReplySort.TOP, ReplySort.NEW, ReplySort.CONTROVERSIAL};

    private final HashMap<PostId, PostRecord> byId = new HashMap<>();
    private final HashMap<CommunityId, EnumMap<ThreadSort, TreeSet<SortKey>>> threadIndexes = new HashMap<>();
    private final HashMap<PostId, EnumMap<ReplySort, TreeSet<SortKey>>> replyIndexes = new HashMap<>();
    private final HashMap<CommunityId, ArrayList<PostId>> byCommunity = new HashMap<>();

    PostTable table(UnitOfWork unit) {
        return new View(unit);
    }

    /** The post with this id, or null; for other tables' reads inside a unit of work. */
    @Nullable PostRecord row(PostId id) {
        return byId.get(id);
    }

    /** Passes every post of the community to {@code action}, in insert order. */
    void forEachIn(CommunityId community, Consumer<PostRecord> action) {
        ArrayList<PostId> ids = byCommunity.get(community);
        if (ids != null) {
            for (PostId id : ids) {
                action.accept(byId.get(id));
            }
        }
    }

    /** Adds a new post to the indexes of its community or parent. */
    private void index(PostRecord post) {
        PostId parent = post.parent();
        if (parent == null) {
            EnumMap<ThreadSort, TreeSet<SortKey>> indexes =
                    threadIndexes.computeIfAbsent(post.community(), c -> newIndexes(ThreadSort.class, THREAD_SORTS));
            for (ThreadSort sort : THREAD_SORTS) {
                sorted(indexes, sort).add(SortKey.of(post, sort));
            }
        } else {
            EnumMap<ReplySort, TreeSet<SortKey>> indexes =
                    replyIndexes.computeIfAbsent(parent, p -> newIndexes(ReplySort.class, REPLY_INDEXES));
            for (ReplySort sort : REPLY_INDEXES) {
                sorted(indexes, sort).add(SortKey.of(post, sort));
            }
        }
    }

    private void unindex(PostRecord post) {
        PostId parent = post.parent();
        if (parent == null) {
            EnumMap<ThreadSort, TreeSet<SortKey>> indexes =
                    Objects.requireNonNull(threadIndexes.get(post.community()), "indexed on insert");
            for (ThreadSort sort : THREAD_SORTS) {
                sorted(indexes, sort).remove(SortKey.of(post, sort));
            }
        } else {
            EnumMap<ReplySort, TreeSet<SortKey>> indexes =
                    Objects.requireNonNull(replyIndexes.get(parent), "indexed on insert");
            for (ReplySort sort : REPLY_INDEXES) {
                sorted(indexes, sort).remove(SortKey.of(post, sort));
            }
        }
    }

    /** Replaces a row, moving it within every index whose key differs between the two versions. */
    private void reindex(PostRecord before, PostRecord after) {
        byId.put(after.id(), after);
        PostId parent = before.parent();
        if (parent == null) {
            EnumMap<ThreadSort, TreeSet<SortKey>> indexes =
                    Objects.requireNonNull(threadIndexes.get(before.community()), "indexed on insert");
            for (ThreadSort sort : THREAD_SORTS) {
                move(sorted(indexes, sort), SortKey.of(before, sort), SortKey.of(after, sort));
            }
        } else {
            EnumMap<ReplySort, TreeSet<SortKey>> indexes =
                    Objects.requireNonNull(replyIndexes.get(parent), "indexed on insert");
            for (ReplySort sort : REPLY_INDEXES) {
                move(sorted(indexes, sort), SortKey.of(before, sort), SortKey.of(after, sort));
            }
        }
    }

    /** The index of {@code sort}: each map of indexes holds one for every sort it keeps. */
    private static <S extends Enum<S>> TreeSet<SortKey> sorted(EnumMap<S, TreeSet<SortKey>> indexes, S sort) {
        return Objects.requireNonNull(indexes.get(sort), "an index for every sort kept");
    }

    private static void move(TreeSet<SortKey> index, SortKey from, SortKey to) {
        if (Double.compare(from.value(), to.value()) != 0) {
            index.remove(from);
            index.add(to);
        }
    }

    private static <S extends Enum<S>> EnumMap<S, TreeSet<SortKey>> newIndexes(Class<S> type, S[] sorts) {
        EnumMap<S, TreeSet<SortKey>> indexes = new EnumMap<>(type);
        for (S sort : sorts) {
            indexes.put(sort, new TreeSet<>(DESCENDING));
        }
        return indexes;
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

    /** The rows of up to {@code limit} keys, skipping roots created before {@code since} when given. */
    private List<PostRecord> resolve(Iterable<SortKey> keys, @Nullable Instant since, int limit) {
        List<PostRecord> posts = new ArrayList<>(Math.min(limit, 256));
        if (limit <= 0) {
            return posts;
        }
        for (SortKey key : keys) {
            PostRecord post = Objects.requireNonNull(byId.get(key.id()), "every indexed key has a row");
            if (since == null || !post.createdAt().isBefore(since)) {
                posts.add(post);
                if (posts.size() == limit) {
                    break;
                }
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
            byId.put(post.id(), post);
            index(post);
            ArrayList<PostId> inCommunity = byCommunity.computeIfAbsent(post.community(), c -> new ArrayList<>());
            inCommunity.add(post.id());
            unit.onUndo(() -> {
                byId.remove(post.id());
                unindex(post);
                // Undone newest first, so this post is again the community's last.
                inCommunity.remove(inCommunity.size() - 1);
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
            // Text and flags are in no index: the row is replaced in place.
            byId.put(stored.id(), new PostRecord(stored.id(), stored.community(), stored.thread(), stored.parent(),
                    stored.depth(), stored.author(), stored.authorAccount(), post.title(), post.body(), post.link(),
                    stored.createdAt(), post.editedAt(), post.deleted(), post.locked(), stored.counters(),
                    stored.ranks()));
            unit.onUndo(() -> byId.put(stored.id(), stored));
        }

        @Override
        public PostCounters addVotes(PostId post, int ups, int downs) {
            unit.checkWritable();
            PostRecord stored = existing(post);
            PostCounters added = counters(stored.counters(), ups, downs, 0, 0);
            PostRecord changed = stored.withCounters(added);
            reindex(stored, changed);
            unit.onUndo(() -> reindex(changed, stored));
            return added;
        }

        @Override
        public void setRanks(PostId post, Ranks ranks) {
            unit.checkWritable();
            PostRecord stored = existing(post);
            PostRecord changed = stored.withRanks(ranks);
            reindex(stored, changed);
            unit.onUndo(() -> reindex(changed, stored));
        }

        @Override
        public void addReply(PostId parent, PostId thread) {
            unit.checkWritable();
            PostRecord storedParent = existing(parent);
            PostRecord storedRoot = existing(thread);
            // Reply counts are in no index: the rows are replaced in place.
            if (parent.equals(thread)) {
                byId.put(thread, storedRoot.withCounters(counters(storedRoot.counters(), 0, 0, 1, 1)));
                unit.onUndo(() -> byId.put(thread, storedRoot));
            } else {
                byId.put(parent, storedParent.withCounters(counters(storedParent.counters(), 0, 0, 1, 0)));
                byId.put(thread, storedRoot.withCounters(counters(storedRoot.counters(), 0, 0, 0, 1)));
                unit.onUndo(() -> {
                    byId.put(thread, storedRoot);
                    byId.put(parent, storedParent);
                });
            }
        }

        @Override
        public List<PostRecord> threads(CommunityId community, ThreadSort sort, @Nullable Instant createdSince,
                @Nullable SortKey after, int limit) {
            unit.checkOpen();
            EnumMap<ThreadSort, TreeSet<SortKey>> indexes = threadIndexes.get(community);
            if (indexes == null) {
                return new ArrayList<>();
            }
            TreeSet<SortKey> index = sorted(indexes, sort);
            return resolve(after == null ? index : index.tailSet(after, false), createdSince, limit);
        }

        @Override
        public List<PostRecord> children(PostId parent, ReplySort sort, @Nullable SortKey after, int limit) {
            unit.checkOpen();
            EnumMap<ReplySort, TreeSet<SortKey>> indexes = replyIndexes.get(parent);
            if (indexes == null) {
                return new ArrayList<>();
            }
            NavigableSet<SortKey> index = sort == ReplySort.OLD
                    ? sorted(indexes, ReplySort.NEW).descendingSet()
                    : sorted(indexes, sort);
            return resolve(after == null ? index : index.tailSet(after, false), null, limit);
        }
    }
}
