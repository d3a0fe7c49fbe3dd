package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.TopWindow;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The home feed: the threads of the viewer's communities merged under one order, plain or scaled by size. */
abstract class HomeFeedScenarios extends EngineFixture {
    private Actor owner;
    private Actor reader;

    HomeFeedScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void people() {
        owner = person("founder");
        reader = person("reader");
    }

    /** Every page of {@code viewer}'s feed, {@code size} at a time. */
    private List<PostView> feed(Actor viewer, HomeFeed feed, int size) {
        List<PostView> all = new ArrayList<>();
        Page<PostView> page = engine.posts().homeFeed(viewer.asViewer(), feed, PageRequest.first(size));
        all.addAll(page.items());
        while (page.hasNext()) {
            assertThat(page.items()).as("a page before the last").hasSize(size);
            page = engine.posts().homeFeed(viewer.asViewer(), feed, PageRequest.after(page.next().orElseThrow(), size));
            all.addAll(page.items());
        }
        return all;
    }

    private static List<PostId> ids(List<PostView> posts) {
        return posts.stream().map(PostView::id).toList();
    }

    /** Threads, one a second, in {@code community}. */
    private List<PostView> threads(CommunityView community, int count) {
        List<PostView> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tick();
            made.add(thread(owner, community));
        }
        return made;
    }

    @Test
    @DisplayName("merges the threads of every community the viewer is an active member of, PRIVATE ones too, and no others")
    void joinedCommunitiesOnly() {
        CommunityView first = openCommunity(owner, "first");
        CommunityView second = openCommunity(owner, "second");
        CommunityView secret = community(owner, "secret", Visibility.PRIVATE, JoinPolicy.APPROVAL);
        CommunityView unjoined = openCommunity(owner, "unjoined");
        CommunityView left = openCommunity(owner, "left");
        List.of(first, second, secret, left).forEach(community -> admit(community, owner, reader));
        Actor outsider = admit(first, owner, person("outsider"));
        engine.memberships().leave(reader, left.id());
        List<PostView> mine = new ArrayList<>();
        for (CommunityView community : List.of(first, second, secret, unjoined, left, first, secret)) {
            List<PostView> made = threads(community, 2);
            if (community != unjoined && community != left) {
                mine.addAll(made);
            }
        }

        List<PostId> newestFirst = mine.stream()
                .sorted(Comparator.comparing(PostView::createdAt).thenComparing(PostView::id).reversed())
                .map(PostView::id).toList();
        assertThat(ids(feed(reader, HomeFeed.of(ThreadOrder.NEW), 3))).containsExactlyElementsOf(newestFirst);
        assertThat(ids(feed(reader, HomeFeed.of(ThreadOrder.HOT), 4))).containsExactlyInAnyOrderElementsOf(newestFirst);
        assertThat(feed(outsider, HomeFeed.of(ThreadOrder.NEW), 10)).extracting(PostView::community)
                .containsOnly(first.id()).hasSize(4);
        assertThat(feed(person("loner"), HomeFeed.of(ThreadOrder.HOT), 10)).isEmpty();
    }

    @Test
    @DisplayName("scaled divides each community's values by its size, so that a small community's good thread rises")
    void scaled() {
        CommunityView big = openCommunity(owner, "big");
        CommunityView small = openCommunity(owner, "small");
        admit(big, owner, reader);
        admit(small, owner, reader);
        List<Actor> bigVoters = members(big, owner, "big-voter", 6);
        List<Actor> smallVoters = new ArrayList<>(members(small, owner, "small-voter", 2));
        smallVoters.add(reader);
        // 8 members in big, 4 in small; all four threads start at one instant.
        PostView bigTop = votes(thread(owner, big), bigVoters, 4, 0);
        PostView bigSplit = votes(thread(owner, big), bigVoters, 4, 2);
        PostView smallTop = votes(thread(owner, small), smallVoters, 3, 0);
        PostView smallSplit = votes(thread(owner, small), smallVoters, 1, 1);
        PostView bigStrong = votes(thread(owner, big), bigVoters, 6, 0);

        // TOP: 4 > 3 plain; 4/8 < 3/4 scaled. HOT: log10 4 > log10 3 plain; log10(4/8) < log10(3/4) scaled.
        for (ThreadOrder order : List.of(ThreadOrder.top(TopWindow.DAY), ThreadOrder.HOT)) {
            assertThat(before(feed(reader, HomeFeed.of(order), 2), bigTop, smallTop)).as("plain %s", order).isTrue();
            assertThat(before(feed(reader, HomeFeed.scaled(order), 2), smallTop, bigTop)).as("scaled %s", order).isTrue();
        }
        // HOT subtracts log10(size), which divides the score, not the hot value: log10(6/8) > log10(0/4).
        assertThat(before(feed(reader, HomeFeed.scaled(ThreadOrder.HOT), 2), bigStrong, smallSplit)).isTrue();
        // CONTROVERSIAL: 6^0.5 = 2.449 > 2 plain; 2.449/8 < 2/4 scaled.
        assertThat(before(feed(reader, HomeFeed.of(ThreadOrder.CONTROVERSIAL), 2), bigSplit, smallSplit)).isTrue();
        assertThat(before(feed(reader, HomeFeed.scaled(ThreadOrder.CONTROVERSIAL), 2), smallSplit, bigSplit)).isTrue();
        assertThat(ids(feed(reader, HomeFeed.scaled(ThreadOrder.NEW), 3)))
                .containsExactlyElementsOf(ids(feed(reader, HomeFeed.of(ThreadOrder.NEW), 3)));
        assertThat(feed(reader, HomeFeed.scaled(ThreadOrder.HOT), 10)).filteredOn(post -> post.id().equals(smallTop.id()))
                .singleElement().extracting(PostView::viewerVote).isEqualTo(Direction.UP);
    }

    private static boolean before(List<PostView> feed, PostView first, PostView second) {
        List<PostId> ids = ids(feed);
        assertThat(ids).contains(first.id(), second.id());
        return ids.indexOf(first.id()) < ids.indexOf(second.id());
    }

    @Test
    @DisplayName("a vote between pages neither repeats nor skips a thread of the feed")
    void votesBetweenPages() {
        CommunityView first = openCommunity(owner, "first");
        CommunityView second = openCommunity(owner, "second");
        admit(first, owner, reader);
        admit(second, owner, reader);
        List<PostView> all = Stream.concat(threads(first, 4).stream(), threads(second, 4).stream()).toList();
        List<Actor> voters = members(first, owner, "voter", 2);
        voters.forEach(voter -> admit(second, owner, voter));

        HomeFeed feed = HomeFeed.of(ThreadOrder.HOT);
        Page<PostView> page = engine.posts().homeFeed(reader.asViewer(), feed, PageRequest.first(3));
        List<PostView> seen = new ArrayList<>(page.items());
        // The lowest-ranked thread rises to the top, and the first page's top thread sinks to the bottom.
        votes(all.get(0), voters, 2, 0);
        votes(all.get(7), voters, 0, 2);
        while (page.hasNext()) {
            page = engine.posts().homeFeed(reader.asViewer(), feed, PageRequest.after(page.next().orElseThrow(), 3));
            seen.addAll(page.items());
        }

        assertThat(ids(seen)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(all));
    }

    @Test
    @DisplayName("an anonymous viewer has no home feed: INVALID_INPUT on viewer")
    void anonymousRefused() {
        assertInvalid("viewer", () -> engine.posts().homeFeed(Viewer.anonymous(), HomeFeed.of(ThreadOrder.HOT),
                PageRequest.first(10)));
    }
}
