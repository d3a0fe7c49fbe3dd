package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules for {@link dev.niche.community.spi.PostTable#threads} in every {@link ThreadSort}: the
 * order {@link SortKey} defines, the {@code createdSince} window and keyset positions. The threads
 * share few distinct times, scores and rank keys, so that ties are the rule, not the exception.
 */
abstract class ThreadSortRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final CommunityRecord community = Rows.community("sorted");
    private final List<PostRecord> threads = new ArrayList<>();

    ThreadSortRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeTiedThreads() {
        Random random = new Random(11);
        for (int i = 0; i < 16; i++) {
            PostCounters counters = new PostCounters(random.nextInt(4), random.nextInt(4), 0, 0);
            Ranks ranks = new Ranks(random.nextInt(5) / 2d - 1, random.nextInt(3) / 2d, random.nextInt(3));
            threads.add(Rows.thread(community, author, Rows.at(random.nextInt(4))).withCounters(counters).withRanks(ranks));
        }
        CommunityRecord elsewhere = Rows.community("elsewhere");
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            tx.communities().insert(elsewhere);
            threads.forEach(tx.posts()::insert);
            tx.posts().insert(Rows.reply(threads.get(0), author, Rows.at(1)).withRanks(new Ranks(9, 1, 9)));
            tx.posts().insert(Rows.thread(elsewhere, author, Rows.at(1)).withRanks(new Ranks(9, 1, 9)));
        });
    }

    private List<PostRecord> expected(ThreadSort sort, @Nullable Instant since) {
        return threads.stream()
                .filter(thread -> since == null || !thread.createdAt().isBefore(since))
                .sorted(ListingOrder.of(sort))
                .toList();
    }

    private List<PostRecord> threads(ThreadSort sort, @Nullable Instant since, @Nullable SortKey after, int limit) {
        return committed().posts().threads(community.id(), sort, since, after, limit);
    }

    /**
     * If this fails, check the ORDER BY of threads() for the failing sort: its value (hot, score,
     * createdAt or controversy, as SortKey says) descending, then id descending; and that only the
     * community's roots are listed, never replies or other communities' threads.
     */
    @ParameterizedTest(name = "by {0}")
    @EnumSource(ThreadSort.class)
    @DisplayName("threads come in the sort's order, ties broken by id, and only the community's roots")
    void inOrder(ThreadSort sort) {
        assertThat(threads(sort, null, null, 100)).containsExactlyElementsOf(expected(sort, null));
    }

    /**
     * If this fails, check the createdSince predicate: {@code createdAt >= ?}, inclusive, applied in
     * every sort and together with the order and the limit.
     */
    @ParameterizedTest(name = "by {0}")
    @EnumSource(ThreadSort.class)
    @DisplayName("createdSince keeps the threads created at or after it, in order")
    void createdSince(ThreadSort sort) {
        Instant since = Rows.at(2);
        List<PostRecord> recent = expected(sort, since);

        assertThat(recent).as("the threads created since then").isNotEmpty().hasSizeLessThan(threads.size());
        assertThat(threads(sort, since, null, 100)).containsExactlyElementsOf(recent);
        assertThat(threads(sort, since, null, 2)).containsExactlyElementsOf(recent.subList(0, 2));
        assertThat(threads(sort, Rows.at(4), null, 100)).isEmpty();
    }

    /**
     * If this fails, check the keyset predicate of the failing sort, ties included:
     * {@code (value < ?) OR (value = ? AND id < ?)}; a predicate on the value alone skips ties, and
     * {@code <=} repeats the cursor's row.
     */
    @ParameterizedTest(name = "walked by {0}")
    @EnumSource(ThreadSort.class)
    @DisplayName("walking the pages after each last key yields every thread once, in order, with or without a window")
    void keysetWalk(ThreadSort sort) {
        for (@Nullable Instant since : new Instant[] {null, Rows.at(1)}) {
            for (int size : new int[] {1, 2, 3, 5}) {
                List<PostRecord> walked = new ArrayList<>();
                List<PostRecord> page = threads(sort, since, null, size);
                while (!page.isEmpty()) {
                    assertThat(page).hasSizeLessThanOrEqualTo(size);
                    walked.addAll(page);
                    page = threads(sort, since, SortKey.of(page.get(page.size() - 1), sort), size);
                }
                assertThat(walked).as("walked %d at a time since %s", size, since)
                        .containsExactlyElementsOf(expected(sort, since));
            }
        }
    }

    /**
     * If this fails, check that the page starts strictly after the given key, which need not be a
     * stored row's: a rank key moves when votes arrive, so a position may name a value no row holds.
     */
    @ParameterizedTest(name = "by {0}")
    @EnumSource(ThreadSort.class)
    @DisplayName("a page starts right after its key, even a key no thread holds")
    void afterAnyKey(ThreadSort sort) {
        List<PostRecord> all = expected(sort, null);
        SortKey third = SortKey.of(all.get(2), sort);
        // Stored values lie on a grid of halves (whole microseconds for NEW): this one lies between.
        SortKey unheld = new SortKey(third.value() - (sort == ThreadSort.NEW ? 1 : 0.25), third.id());

        assertThat(threads(sort, null, third, 3)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(threads(sort, null, unheld, 100)).containsExactlyElementsOf(all.stream()
                .filter(post -> SortKey.of(post, sort).value() < third.value()).toList());
        assertThat(threads(sort, null, SortKey.of(all.get(all.size() - 1), sort), 10)).isEmpty();
    }
}
