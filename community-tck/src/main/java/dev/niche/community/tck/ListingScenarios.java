package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.TopWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A community's thread listings in each order, as the formulas of
 * {@link dev.niche.community.post.ThreadSort} say, and how their pages follow one another.
 */
abstract class ListingScenarios extends EngineFixture {
    private Actor owner;
    private CommunityView community;
    private List<Actor> voters;

    ListingScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void community() {
        owner = person("founder");
        community = openCommunity(owner, "ranked");
        voters = members(community, owner, "voter", 7);
    }

    /** A thread started at {@code at}; the clock stays there. */
    private PostView threadAt(Instant at) {
        clock.set(at);
        return thread(owner, community);
    }

    /** Every page of the listing in {@code order}, {@code size} at a time. */
    private List<PostId> listed(ThreadOrder order, int size) {
        List<PostId> all = new ArrayList<>();
        Page<PostView> page = engine.posts().threads(Viewer.anonymous(), community.id(), order, PageRequest.first(size));
        all.addAll(ids(page));
        while (page.hasNext()) {
            assertThat(page.items()).as("a page before the last").hasSize(size);
            page = engine.posts().threads(Viewer.anonymous(), community.id(), order,
                    PageRequest.after(page.next().orElseThrow(), size));
            all.addAll(ids(page));
        }
        return all;
    }

    private static List<PostId> ids(Page<PostView> page) {
        return page.items().stream().map(PostView::id).toList();
    }

    /** Ids of posts that tie on the sort value, in their listing order: id descending. */
    private static Stream<PostId> tied(PostView... posts) {
        return Stream.of(posts).map(PostView::id).sorted(Comparator.reverseOrder());
    }

    @Test
    @DisplayName("HOT ranks by sign(s)·log10(max(|s|,1)) + age/45000 s, and its order stays as time passes")
    void hot() {
        Instant base = START.plus(Duration.ofDays(1));
        PostView yesterday = threadAt(base.minus(Duration.ofHours(24)));
        PostView older = threadAt(base);
        PostView mid = threadAt(base.plus(Duration.ofHours(6)));
        PostView fresh = threadAt(base.plus(Duration.ofHours(12)));
        PostView sunk = thread(owner, community);
        votes(yesterday, voters, 7, 0);
        votes(older, voters, 5, 0);
        votes(mid, voters, 1, 0);
        votes(sunk, voters, 0, 3);

        // Relative to "older": yesterday 0.845 - 1.92 = -1.075; older 0.699; mid 0 + 0.48;
        // fresh 0 + 0.96; sunk -0.477 + 0.96 = 0.483.
        List<PostId> hot = List.of(fresh.id(), older.id(), sunk.id(), mid.id(), yesterday.id());
        assertThat(listed(ThreadOrder.HOT, 2)).containsExactlyElementsOf(hot);
        clock.advance(Duration.ofDays(30));
        assertThat(listed(ThreadOrder.HOT, 10)).as("a month later, with no new votes").containsExactlyElementsOf(hot);
        assertThat(listed(ThreadOrder.NEW, 10))
                .containsExactlyElementsOf(Stream.concat(tied(fresh, sunk), Stream.of(mid.id(), older.id(), yesterday.id()))
                        .toList());
    }

    @Test
    @DisplayName("TOP ranks by score within each window, the window's start included")
    void topWindows() {
        Instant now = START.plus(Duration.ofDays(800));
        PostView ancient = threadAt(now.minus(Duration.ofDays(730)));
        PostView lastYear = threadAt(now.minus(Duration.ofDays(200)));
        PostView lastMonth = threadAt(now.minus(Duration.ofDays(20)));
        PostView lastWeek = threadAt(now.minus(Duration.ofDays(3)));
        PostView today = threadAt(now.minus(Duration.ofHours(5)));
        PostView pastTheHour = threadAt(now.minus(Duration.ofHours(1)).minusSeconds(1));
        PostView anHourAgo = threadAt(now.minus(Duration.ofHours(1)));
        PostView justNow = threadAt(now.minus(Duration.ofMinutes(30)));
        clock.set(now);
        // Scores do not follow age, so the order within a window is the score's, and the window's
        // start alone decides which threads are in.
        int score = 7;
        for (PostView thread : List.of(ancient, lastYear, lastMonth, pastTheHour, lastWeek, today, anHourAgo)) {
            votes(thread, voters, score--, 0);
        }

        List<PostId> hour = List.of(anHourAgo.id(), justNow.id());
        List<PostId> day = List.of(pastTheHour.id(), today.id(), anHourAgo.id(), justNow.id());
        assertThat(listed(ThreadOrder.top(TopWindow.HOUR), 10)).containsExactlyElementsOf(hour);
        assertThat(listed(ThreadOrder.top(TopWindow.DAY), 3)).containsExactlyElementsOf(day);
        assertThat(listed(ThreadOrder.top(TopWindow.WEEK), 10))
                .containsExactly(pastTheHour.id(), lastWeek.id(), today.id(), anHourAgo.id(), justNow.id());
        assertThat(listed(ThreadOrder.top(TopWindow.MONTH), 10)).containsExactly(lastMonth.id(), pastTheHour.id(),
                lastWeek.id(), today.id(), anHourAgo.id(), justNow.id());
        assertThat(listed(ThreadOrder.top(TopWindow.YEAR), 10)).containsExactly(lastYear.id(), lastMonth.id(),
                pastTheHour.id(), lastWeek.id(), today.id(), anHourAgo.id(), justNow.id());
        assertThat(listed(ThreadOrder.top(TopWindow.ALL), 4)).containsExactly(ancient.id(), lastYear.id(),
                lastMonth.id(), pastTheHour.id(), lastWeek.id(), today.id(), anHourAgo.id(), justNow.id());
        clock.advance(Duration.ofMinutes(31));
        assertThat(listed(ThreadOrder.top(TopWindow.HOUR), 10)).as("31 minutes later").isEmpty();
    }

    @Test
    @DisplayName("CONTROVERSIAL ranks by (ups + downs)^(min/max), 0 when a side has no votes")
    void controversial() {
        PostView even = thread(owner, community);
        PostView small = thread(owner, community);
        PostView lopsided = thread(owner, community);
        PostView single = thread(owner, community);
        PostView loved = thread(owner, community);
        PostView ignored = thread(owner, community);
        votes(even, voters, 3, 3);
        votes(small, voters, 2, 2);
        votes(lopsided, voters, 4, 2);
        votes(single, voters, 1, 1);
        votes(loved, voters, 5, 0);

        // 6^1 = 6, 4^1 = 4, 6^0.5 = 2.449, 2^1 = 2, then 0 twice.
        assertThat(listed(ThreadOrder.CONTROVERSIAL, 4)).containsExactlyElementsOf(Stream.concat(
                Stream.of(even.id(), small.id(), lopsided.id(), single.id()), tied(loved, ignored)).toList());
    }

    @Test
    @DisplayName("a vote moves a thread in the listing at once")
    void voteMovesAtOnce() {
        PostView first = thread(owner, community);
        tick();
        PostView second = thread(owner, community);
        assertThat(listed(ThreadOrder.HOT, 10)).containsExactly(second.id(), first.id());
        assertThat(listed(ThreadOrder.top(TopWindow.ALL), 10)).containsExactlyElementsOf(tied(first, second).toList());

        PostView liked = votes(first, voters, 1, 0);
        assertThat(listed(ThreadOrder.top(TopWindow.ALL), 10)).containsExactly(first.id(), second.id());
        votes(liked, voters.subList(1, voters.size()), 1, 0);
        assertThat(listed(ThreadOrder.HOT, 10)).as("log10(2) outweighs a second of age").containsExactly(first.id(),
                second.id());
        votes(second, voters, 2, 2);
        assertThat(listed(ThreadOrder.CONTROVERSIAL, 10)).containsExactly(second.id(), first.id());
    }

    @Test
    @DisplayName("a vote-ranked page sequence ends after 1,000 threads; NEW pages on")
    void thousandThreadsAtMost() {
        List<PostId> made = new ArrayList<>();
        for (int i = 0; i < 1_003; i++) {
            made.add(thread(owner, community).id());
        }

        List<PostId> hot = listed(ThreadOrder.HOT, 100);
        assertThat(hot).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(made).containsAll(hot);
        assertThat(listed(ThreadOrder.NEW, 100)).hasSize(1_003).doesNotHaveDuplicates();
    }
}
