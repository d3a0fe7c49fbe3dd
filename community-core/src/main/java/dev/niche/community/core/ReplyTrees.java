package dev.niche.community.core;

import dev.niche.community.Viewer;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.StoreTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Chooses one page of a reply tree, best first as Reddit does, and assembles it.
 *
 * <p>A reply becomes a candidate once its parent is on the page; the candidate ranking highest in
 * the sort is taken next, until the page is full. Each parent's replies come from the store in
 * sort order, never by a sort of the thread. When the page needs a parent's first replies, it asks
 * for them together with the first few replies of up to {@value #BATCH} other replies it already
 * holds that have replies of their own ({@link dev.niche.community.spi.PostTable#childrenOf}), since
 * those are the next ones it is likely to open; so a page costs about one store call per level of
 * depth, not one per reply that shows its own replies. A parent whose first replies all made the
 * page is read on with {@link dev.niche.community.spi.PostTable#children}. Where a parent's replies
 * were cut, by the page's size or depth, a {@link MoreReplies} stub records how many and where to
 * continue.
 */
final class ReplyTrees {
    /** Replies fetched per store call beyond what the page still has room for; keeps calls few and small. */
    private static final int MAX_FETCH = 64;
    /** The most parents whose first replies one store call reads. */
    static final int BATCH = 50;
    /** How many first replies of each parent a batched read takes, beyond one to tell whether there are more. */
    static final int FIRST_REPLIES = 8;

    /** One page: the replies chosen under each parent, in sort order, and the stubs for those cut. */
    record Page(Map<PostId, List<PostRecord>> children, Map<PostId, MoreReplies> more, int size) {
        List<PostRecord> all() {
            List<PostRecord> all = new ArrayList<>(size);
            for (List<PostRecord> siblings : children.values()) {
                all.addAll(siblings);
            }
            return all;
        }
    }

    private final StoreTransaction tx;
    private final ReplySort sort;
    private final int maxReplies;
    private final int maxDepth;
    private final Comparator<SortKey> order;
    /** Replies read so far that have replies of their own, not yet asked for, in the order read. */
    private final ArrayDeque<Opening> unasked = new ArrayDeque<>();
    /** First replies read ahead by a batched read, by parent, until the page opens the parent. */
    private final Map<PostId, ReadAhead> readAhead = new HashMap<>();
    /** Parents whose first replies were read, so never read again. */
    private final java.util.Set<PostId> asked = new java.util.HashSet<>();

    ReplyTrees(StoreTransaction tx, ReplySort sort, int maxReplies, int maxDepth) {
        this.tx = tx;
        this.sort = sort;
        this.maxReplies = maxReplies;
        this.maxDepth = maxDepth;
        Comparator<SortKey> ascending = Comparator.comparingDouble(SortKey::value).thenComparing(SortKey::id);
        this.order = sort == ReplySort.OLD ? ascending : ascending.reversed();
    }

    /**
     * Chooses the page below {@code root}, starting after {@code after} among the root's replies.
     *
     * @param remaining how many of the root's replies lie after {@code after}
     */
    Page choose(PostRecord root, @Nullable SortKey after, int remaining) {
        Map<PostId, List<PostRecord>> children = new HashMap<>();
        Map<PostId, Siblings> sources = new HashMap<>();
        PriorityQueue<Candidate> candidates = new PriorityQueue<>((a, b) -> order.compare(a.key(), b.key()));
        int chosen = 0;

        Siblings top = new Siblings(root.id(), 1, after, remaining);
        sources.put(root.id(), top);
        offerNext(top, candidates, 0);
        while (chosen < maxReplies && !candidates.isEmpty()) {
            Candidate next = candidates.poll();
            PostRecord reply = next.post();
            children.computeIfAbsent(reply.parent(), parent -> new ArrayList<>()).add(reply);
            next.source().taken++;
            next.source().pending = false;
            chosen++;
            if (chosen == maxReplies) {
                break;
            }
            offerNext(next.source(), candidates, chosen);
            if (next.source().depth < maxDepth && reply.counters().replyCount() > 0) {
                Siblings below = new Siblings(reply.id(), next.source().depth + 1, null, reply.counters().replyCount());
                sources.put(reply.id(), below);
                offerNext(below, candidates, chosen);
            }
        }
        return new Page(children, stubs(children, sources), chosen);
    }

    /** The stubs for every parent on the page whose replies were not all shown. */
    private Map<PostId, MoreReplies> stubs(Map<PostId, List<PostRecord>> children, Map<PostId, Siblings> sources) {
        Map<PostId, MoreReplies> more = new HashMap<>();
        for (Siblings source : sources.values()) {
            boolean cut = source.pending || !source.buffer.isEmpty() || !source.exhausted;
            // Replies posted since the counters were read can make the count lag; never show less than one.
            int left = Math.max(source.remaining - source.taken, 1);
            if (cut) {
                List<PostRecord> shown = children.getOrDefault(source.parent, List.of());
                SortKey resume = shown.isEmpty() ? source.start : SortKey.of(shown.get(shown.size() - 1), sort);
                more.put(source.parent, stub(source.parent, resume, left));
            }
        }
        // Replies on the page whose own replies were never opened: at the deepest level, or last in.
        for (List<PostRecord> siblings : children.values()) {
            for (PostRecord reply : siblings) {
                if (reply.counters().replyCount() > 0 && !sources.containsKey(reply.id())) {
                    more.put(reply.id(), stub(reply.id(), null, reply.counters().replyCount()));
                }
            }
        }
        return more;
    }

    private MoreReplies stub(PostId parent, @Nullable SortKey after, int count) {
        return new MoreReplies(parent, count, Cursors.ofReplies(
                new Cursors.ReplyPosition(parent, sort, maxReplies, maxDepth, after, count)));
    }

    /** Offers the next reply of {@code source} as a candidate, fetching more of them if needed. */
    private void offerNext(Siblings source, PriorityQueue<Candidate> candidates, int chosen) {
        if (source.buffer.isEmpty() && !source.exhausted) {
            int limit = Math.min(maxReplies - chosen, MAX_FETCH) + 1;
            ReadAhead ahead = source.last == null ? readAhead.remove(source.parent) : null;
            if (ahead == null && source.last == null && source.depth > 1) {
                ahead = readFirst(source, limit);
            }
            List<PostRecord> fetched;
            if (ahead != null) {
                fetched = ahead.replies();
                source.exhausted = fetched.size() < ahead.limit();
            } else {
                fetched = tx.posts().children(source.parent, sort, source.last, limit);
                source.exhausted = fetched.size() < limit;
                learn(fetched, source.depth);
            }
            source.buffer.addAll(fetched);
            if (!fetched.isEmpty()) {
                source.last = SortKey.of(fetched.get(fetched.size() - 1), sort);
            }
        }
        PostRecord post = source.buffer.poll();
        source.pending = post != null;
        if (post != null) {
            candidates.add(new Candidate(post, SortKey.of(post, sort), source));
        }
    }

    /**
     * Reads the first replies of {@code source}'s parent together with those of up to
     * {@value #BATCH} - 1 other replies already read that have replies of their own, in one call;
     * keeps the others' for when the page opens them, and returns the parent's own.
     */
    private ReadAhead readFirst(Siblings source, int limit) {
        Map<PostId, Integer> depths = new java.util.LinkedHashMap<>();
        depths.put(source.parent, source.depth);
        while (!unasked.isEmpty() && depths.size() < BATCH) {
            Opening next = unasked.poll();
            if (!asked.contains(next.parent())) {
                depths.putIfAbsent(next.parent(), next.depth());
            }
        }
        int each = Math.min(limit, FIRST_REPLIES + 1);
        Map<PostId, List<PostRecord>> read = tx.posts().childrenOf(depths.keySet(), sort, each);
        depths.forEach((parent, depth) -> {
            asked.add(parent);
            List<PostRecord> replies = read.getOrDefault(parent, List.of());
            learn(replies, depth);
            readAhead.put(parent, new ReadAhead(replies, each));
        });
        return Objects.requireNonNull(readAhead.remove(source.parent), "read above");
    }

    /** Notes which of {@code replies}, at {@code depth} below the page's root, have replies the page may open. */
    private void learn(List<PostRecord> replies, int depth) {
        if (depth >= maxDepth) {
            return;
        }
        for (PostRecord reply : replies) {
            if (reply.counters().replyCount() > 0) {
                unasked.add(new Opening(reply.id(), depth + 1));
            }
        }
    }

    /** Assembles chosen replies, already in sort order under each parent, into nodes. */
    static List<ReplyNode> nodes(PostId parent, Page page, Map<PostId, PostView> views) {
        List<PostRecord> siblings = page.children().getOrDefault(parent, List.of());
        List<ReplyNode> nodes = new ArrayList<>(siblings.size());
        for (PostRecord reply : siblings) {
            nodes.add(new ReplyNode(Objects.requireNonNull(views.get(reply.id()), "every chosen reply has a view"), nodes(reply.id(), page, views), page.more().get(reply.id())));
        }
        return nodes;
    }

    /** The views of a page's posts, with authors and the viewer's votes loaded in one batch each. */
    static Map<PostId, PostView> views(StoreTransaction tx, List<PostRecord> posts, Viewer viewer) {
        Map<PostId, PostView> views = new HashMap<>();
        for (PostView view : Views.posts(tx, posts, viewer)) {
            views.put(view.id(), view);
        }
        return views;
    }

    /** A reply whose replies the page may open, and the depth below the root those replies would have. */
    private record Opening(PostId parent, int depth) {}

    /** A parent's first replies, read ahead, and the limit they were read with. */
    private record ReadAhead(List<PostRecord> replies, int limit) {}

    /** A reply waiting to be chosen. */
    private record Candidate(PostRecord post, SortKey key, Siblings source) {}

    /** The replies of one parent, read from the store in sort order as the page needs them. */
    private static final class Siblings {
        final PostId parent;
        final int depth;
        final @Nullable SortKey start;
        final int remaining;
        final ArrayDeque<PostRecord> buffer = new ArrayDeque<>();
        boolean pending;
        @Nullable SortKey last;
        boolean exhausted;
        int taken;

        Siblings(PostId parent, int depth, @Nullable SortKey start, int remaining) {
            this.parent = parent;
            this.depth = depth;
            this.start = start;
            this.remaining = remaining;
            this.last = start;
        }
    }
}
