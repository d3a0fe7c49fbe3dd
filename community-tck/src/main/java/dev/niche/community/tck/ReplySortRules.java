package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules for {@link dev.niche.community.spi.PostTable#children} in every {@link ReplySort}: the
 * order {@link SortKey} defines, OLD ascending and the others descending, and keyset positions. The
 * replies share few distinct times, scores and rank keys, so that ties are the rule.
 */
abstract class ReplySortRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final CommunityRecord community = Rows.community("replies");
    private final PostRecord root = Rows.thread(community, author, Rows.T0);
    private final List<PostRecord> replies = new ArrayList<>();

    ReplySortRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeTiedReplies() {
        Random random = new Random(13);
        for (int i = 0; i < 16; i++) {
            PostCounters counters = new PostCounters(random.nextInt(4), random.nextInt(4), 0, 0);
            Ranks ranks = new Ranks(random.nextInt(3), random.nextInt(5) / 4d, random.nextInt(3) / 2d);
            replies.add(Rows.reply(root, author, Rows.at(1 + random.nextInt(4))).withCounters(counters).withRanks(ranks));
        }
        PostRecord other = Rows.thread(community, author, Rows.T0);
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            tx.posts().insert(root);
            tx.posts().insert(other);
            replies.forEach(tx.posts()::insert);
            tx.posts().insert(Rows.reply(replies.get(0), author, Rows.at(2)).withRanks(new Ranks(9, 1, 9)));
            tx.posts().insert(Rows.reply(other, author, Rows.at(2)).withRanks(new Ranks(9, 1, 9)));
        });
    }

    private List<PostRecord> expected(ReplySort sort) {
        return replies.stream().sorted(ListingOrder.of(sort)).toList();
    }

    private List<PostRecord> children(ReplySort sort, @Nullable SortKey after, int limit) {
        return committed().posts().children(root.id(), sort, after, limit);
    }

    /**
     * If this fails, check the ORDER BY of children() for the failing sort: its value (best, score,
     * createdAt or controversy, as SortKey says) descending, then id descending; OLD is createdAt
     * ascending, then id ascending. Only direct replies of the parent are listed.
     */
    @ParameterizedTest(name = "by {0}")
    @EnumSource(ReplySort.class)
    @DisplayName("a post's replies come in the sort's order, ties broken by id, and only its direct replies")
    void inOrder(ReplySort sort) {
        assertThat(children(sort, null, 100)).containsExactlyElementsOf(expected(sort));
    }

    /** If this fails, check that OLD is NEW read backwards, ids included: an index on (createdAt, id) walked ascending. */
    @Test
    @DisplayName("OLD is exactly NEW reversed, ties included")
    void oldIsNewReversed() {
        List<PostRecord> newest = new ArrayList<>(children(ReplySort.NEW, null, 100));
        Collections.reverse(newest);

        assertThat(children(ReplySort.OLD, null, 100)).containsExactlyElementsOf(newest);
    }

    /**
     * If this fails, check the keyset predicate of the failing sort, ties included: for the
     * descending sorts {@code (value < ?) OR (value = ? AND id < ?)}, for OLD
     * {@code (value > ?) OR (value = ? AND id > ?)}.
     */
    @ParameterizedTest(name = "walked by {0}")
    @EnumSource(ReplySort.class)
    @DisplayName("walking the pages after each last key yields every reply once, in order")
    void keysetWalk(ReplySort sort) {
        for (int size : new int[] {1, 2, 3, 5}) {
            List<PostRecord> walked = new ArrayList<>();
            List<PostRecord> page = children(sort, null, size);
            while (!page.isEmpty()) {
                assertThat(page).hasSizeLessThanOrEqualTo(size);
                walked.addAll(page);
                page = children(sort, SortKey.of(page.get(page.size() - 1), sort), size);
            }
            assertThat(walked).as("walked %d at a time", size).containsExactlyElementsOf(expected(sort));
        }
    }

    /**
     * If this fails, check that the page starts strictly after the given key, in the sort's own
     * direction, even when no row holds it (a reply's rank key moves when votes arrive).
     */
    @ParameterizedTest(name = "by {0}")
    @EnumSource(ReplySort.class)
    @DisplayName("a page starts right after its key in the sort's direction, even a key no reply holds")
    void afterAnyKey(ReplySort sort) {
        List<PostRecord> all = expected(sort);
        SortKey third = SortKey.of(all.get(2), sort);
        boolean ascending = sort == ReplySort.OLD;
        // Stored values lie on a grid of quarters (whole microseconds for NEW and OLD): this one lies
        // between, just past the third reply's value in the listing's direction.
        double step = sort == ReplySort.NEW || sort == ReplySort.OLD ? 1 : 0.125;
        SortKey unheld = new SortKey(third.value() + (ascending ? step : -step), third.id());

        assertThat(children(sort, third, 3)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(children(sort, unheld, 100)).containsExactlyElementsOf(all.stream()
                .filter(post -> ascending
                        ? SortKey.of(post, sort).value() > third.value()
                        : SortKey.of(post, sort).value() < third.value())
                .toList());
        assertThat(children(sort, SortKey.of(all.get(all.size() - 1), sort), 10)).isEmpty();
    }
}
