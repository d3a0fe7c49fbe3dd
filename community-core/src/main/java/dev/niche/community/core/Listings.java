package dev.niche.community.core;

import dev.niche.community.Page;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Thread listings, of one community or merged over several (a home feed), and how they page.
 *
 * <p>NEW never changes a thread's key, so it pages by keyset. The vote-ranked sorts page by
 * exclusion: each page is the best threads, by the keys at the time it is read, that the
 * sequence's earlier pages did not list; the cursor carries their fingerprints. A sequence thus
 * never lists a thread twice nor skips one, however votes move threads between pages, and ends
 * after {@value #MOST_LISTED} threads.
 */
final class Listings {
    /** The most threads a vote-ranked page sequence lists, as on Reddit. */
    static final int MOST_LISTED = 1000;

    private static final Comparator<Ranked> BEST_FIRST =
            Comparator.comparingDouble(Ranked::value).thenComparing(r -> r.post().id()).reversed();

    private Listings() {}

    /** A thread with the value it is merged by: its sort value, scaled by its community's size if asked. */
    private record Ranked(PostRecord post, double value) {}

    /**
     * One page of the threads of {@code communities}, merged.
     *
     * @param listing names the listing in cursors, so that a cursor of another listing is refused
     * @param scaled  whether to scale each community's values by its size
     */
    static Page<PostView> page(StoreTransaction tx, Viewer viewer, Collection<CommunityRecord> communities,
            ThreadOrder order, boolean scaled, @Nullable String cursor, int size, Instant now, String listing) {
        if (order.sort() == ThreadSort.NEW) {
            return byKeyset(tx, viewer, communities, cursor, size, listing);
        }
        return byExclusion(tx, viewer, communities, order, scaled, cursor, size, now, listing);
    }

    private static Page<PostView> byKeyset(StoreTransaction tx, Viewer viewer, Collection<CommunityRecord> communities,
            @Nullable String cursor, int size, String listing) {
        SortKey after = cursor == null ? null : Cursors.keysetAfter(listing, cursor);
        List<Ranked> merged = new ArrayList<>();
        for (List<PostRecord> threads : threadsOf(tx, communities, ThreadSort.NEW, null, after, size + 1).values()) {
            for (PostRecord post : threads) {
                merged.add(new Ranked(post, SortKey.of(post, ThreadSort.NEW).value()));
            }
        }
        merged.sort(BEST_FIRST);
        boolean more = merged.size() > size;
        List<PostRecord> items = posts(merged.subList(0, Math.min(size, merged.size())));
        String next = more ? Cursors.ofKeyset(listing, SortKey.of(items.get(items.size() - 1), ThreadSort.NEW)) : null;
        return new Page<>(Views.posts(tx, items, viewer), next);
    }

    private static Page<PostView> byExclusion(StoreTransaction tx, Viewer viewer, Collection<CommunityRecord> communities,
            ThreadOrder order, boolean scaled, @Nullable String cursor, int size, Instant now, String listing) {
        long[] shown = cursor == null ? new long[0] : Cursors.exclusionOf(listing, cursor);
        Set<Long> excluded = new HashSet<>();
        for (long fingerprint : shown) {
            excluded.add(fingerprint);
        }
        int room = Math.min(size, MOST_LISTED - shown.length);
        Instant since = order.window().length().map(now::minus).orElse(null);
        List<Ranked> merged = new ArrayList<>();
        // Every excluded thread may rank above the page, so fetch past all of them.
        Map<CommunityId, List<PostRecord>> listed =
                threadsOf(tx, communities, order.sort(), since, null, shown.length + room + 1);
        for (CommunityRecord community : communities) {
            for (PostRecord post : listed.getOrDefault(community.id(), List.of())) {
                if (excluded.isEmpty() || !excluded.contains(Cursors.fingerprint(post.id()))) {
                    double value = SortKey.of(post, order.sort()).value();
                    merged.add(new Ranked(post, scaled ? scale(order.sort(), value, community.memberCount()) : value));
                }
            }
        }
        merged.sort(BEST_FIRST);
        List<PostRecord> items = posts(merged.subList(0, Math.min(room, merged.size())));
        boolean more = merged.size() > room && shown.length + items.size() < MOST_LISTED;
        String next = null;
        if (more) {
            long[] nowShown = Arrays.copyOf(shown, shown.length + items.size());
            for (int i = 0; i < items.size(); i++) {
                nowShown[shown.length + i] = Cursors.fingerprint(items.get(i).id());
            }
            next = Cursors.ofExclusion(listing, nowShown);
        }
        return new Page<>(Views.posts(tx, items, viewer), next);
    }

    /** The threads of every community in one store call: one query on a store that batches them. */
    private static Map<CommunityId, List<PostRecord>> threadsOf(StoreTransaction tx,
            Collection<CommunityRecord> communities, ThreadSort sort, @Nullable Instant since, @Nullable SortKey after,
            int limit) {
        if (communities.size() == 1) {
            CommunityRecord only = communities.iterator().next();
            return Map.of(only.id(), tx.posts().threads(only.id(), sort, since, after, limit));
        }
        List<CommunityId> ids = new ArrayList<>(communities.size());
        for (CommunityRecord community : communities) {
            ids.add(community.id());
        }
        return tx.posts().threadsOf(ids, sort, since, after, limit);
    }

    /** A community's sort value divided by its size, in the sort's own scale; see HomeFeed. */
    static double scale(ThreadSort sort, double value, int members) {
        int size = Math.max(members, 1);
        return switch (sort) {
            case HOT -> value - Math.log10(size);
            case TOP, CONTROVERSIAL -> value / size;
            case NEW -> value;
        };
    }

    /** The name of a listing in its cursors. */
    static String name(@Nullable CommunityId community, ThreadOrder order, boolean scaled) {
        return (community == null ? "feed" : community.value()) + "/" + order.sort() + "/" + order.window()
                + (scaled ? "/scaled" : "");
    }

    private static List<PostRecord> posts(List<Ranked> ranked) {
        List<PostRecord> posts = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            posts.add(r.post());
        }
        return posts;
    }
}
