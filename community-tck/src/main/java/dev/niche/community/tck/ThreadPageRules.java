package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for the keyset pages of {@link dev.niche.community.spi.PostTable#threads} in the NEW sort,
 * whose keys never change, while threads are posted; {@link ThreadSortRules} covers the other sorts.
 */
abstract class ThreadPageRules extends RuleFamily {
    /** The thread list's order: newest first, ties broken by id, descending. */
    private static final Comparator<PostRecord> NEWEST_FIRST = ListingOrder.of(ThreadSort.NEW);

    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final CommunityRecord community = Rows.community("paged");
    private final Random random = new Random(7);

    ThreadPageRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeAuthorAndCommunity() {
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
        });
    }

    /** A new thread posted at one of five instants, so that many share a time. */
    private PostRecord threadAtATiedTime() {
        return Rows.thread(community, author, Rows.at(random.nextInt(5)));
    }

    private List<PostRecord> storeThreads(int count) {
        List<PostRecord> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(threadAtATiedTime());
        }
        given(tx -> threads.forEach(tx.posts()::insert));
        return threads;
    }

    private static SortKey keyOf(PostRecord post) {
        return SortKey.of(post, ThreadSort.NEW);
    }

    private List<PostRecord> threads(@Nullable SortKey after, int limit) {
        return committed().posts().threads(community.id(), ThreadSort.NEW, null, after, limit);
    }

    /** Reads every page of {@code size}, running {@code betweenPages} with the last thread of each full page before the next. */
    private List<PostRecord> walk(int size, Consumer<PostRecord> betweenPages) {
        List<PostRecord> seen = new ArrayList<>();
        @Nullable SortKey after = null;
        while (true) {
            List<PostRecord> page = threads(after, size);
            assertThat(page).as("a page of at most %d threads", size).hasSizeLessThanOrEqualTo(size);
            seen.addAll(page);
            if (page.size() < size) {
                return seen;
            }
            after = keyOf(page.get(size - 1));
            betweenPages.accept(page.get(size - 1));
        }
    }

    /** If this fails, check the ORDER BY of threads() in the NEW sort: createdAt descending, then id descending, and that only roots of the community are listed. */
    @Test
    @DisplayName("threads come newest first, ties broken by id, and only the community's roots")
    void newestFirst() {
        List<PostRecord> threads = storeThreads(12);
        PostRecord reply = Rows.reply(threads.get(0), author, Rows.at(9));
        CommunityRecord elsewhere = Rows.community("elsewhere");
        given(tx -> {
            tx.posts().insert(reply);
            tx.communities().insert(elsewhere);
            tx.posts().insert(Rows.thread(elsewhere, author, Rows.at(2)));
        });

        assertThat(threads(null, 100))
                .containsExactlyElementsOf(threads.stream().sorted(NEWEST_FIRST).toList());
    }

    /** If this fails, check that the page starts strictly after the cursor: (createdAt, id) < (after's time, after.id), and that limit applies; NEW's sort value is createdAt in microseconds. */
    @Test
    @DisplayName("a page starts right after its cursor and holds at most limit threads")
    void afterIsExclusive() {
        List<PostRecord> sorted = storeThreads(10).stream().sorted(NEWEST_FIRST).toList();

        assertThat(threads(keyOf(sorted.get(3)), 4))
                .containsExactlyElementsOf(sorted.subList(4, 8));
        assertThat(threads(keyOf(sorted.get(9)), 4)).isEmpty();
        assertThat(threads(null, 1)).containsExactly(sorted.get(0));
    }

    /** If this fails, check the keyset predicate for ties: rows with the cursor's createdAt and a smaller id must follow it, as in {@code (t < ?) OR (t = ? AND id < ?)}. */
    @Test
    @DisplayName("walking the pages yields every thread once, in order, though many share a time")
    void walkSkipsAndRepeatsNothing() {
        List<PostRecord> threads = storeThreads(23);

        for (int size : new int[] {1, 2, 3, 7}) {
            assertThat(walk(size, last -> {}))
                    .as("every thread, walked %d at a time", size)
                    .containsExactlyElementsOf(threads.stream().sorted(NEWEST_FIRST).toList());
        }
    }

    /** If this fails, check that pages are keyset scans from the cursor, not OFFSET scans, and that commits on other threads are visible to the next page. */
    @Test
    @DisplayName("threads posted from another thread between pages neither shift nor repeat the walk")
    void walkWhileOthersPost() {
        List<PostRecord> expected = new ArrayList<>(storeThreads(15));

        List<PostRecord> seen = walk(4, last -> {
            List<PostRecord> posted = List.of(threadAtATiedTime(), threadAtATiedTime(),
                    Rows.thread(community, author, last.createdAt()));
            Race.elsewhere(() -> {
                given(tx -> posted.forEach(tx.posts()::insert));
                return null;
            });
            posted.stream().filter(p -> ListingOrder.DESCENDING.compare(keyOf(p), keyOf(last)) > 0).forEach(expected::add);
        });

        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted(NEWEST_FIRST).toList());
    }

    /** If this fails, check that a page is read in one consistent unit of work and that the key predicate is applied on committed rows only. */
    @Test
    @DisplayName("a walk racing 8 posting threads sees every older thread once and nothing twice")
    void walkRacingPosters() {
        List<PostRecord> before = storeThreads(30);

        List<Race.Outcome<List<PostRecord>>> outcomes = Race.run(Race.THREADS + 1, i -> {
            if (i == Race.THREADS) {
                return walk(3, last -> {});
            }
            for (int n = 0; n < 5; n++) {
                PostRecord post = threadAtATiedTime();
                writeRetrying(tx -> {
                    tx.posts().insert(post);
                    return Boolean.TRUE;
                });
            }
            return List.of();
        });

        Race.assertAllSucceeded(outcomes);
        List<PostRecord> seen = outcomes.get(Race.THREADS).value();
        assertThat(seen).as("the walk").doesNotHaveDuplicates().isSortedAccordingTo(NEWEST_FIRST).containsAll(before);
        assertThat(threads(null, 100)).hasSize(30 + Race.THREADS * 5);
    }
}
