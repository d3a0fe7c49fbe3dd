package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.FieldViolation;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.Visibility;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.TopWindow;
import dev.niche.community.post.TreeRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cursors are opaque and checked: a forged or foreign one is INVALID_INPUT on field cursor; real ones page by keyset. */
abstract class CursorScenarios extends EngineFixture {
    private Actor owner;
    private CommunityView community;

    CursorScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void content() {
        owner = person("founder");
        community = openCommunity(owner, "paged");
        openCommunity(owner, "paged-too");
        for (int i = 0; i < 5; i++) {
            tick();
            thread(member(community, owner, "member-" + i), community);
        }
    }

    private Page<PostView> threads(PageRequest page) {
        return engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.NEW, page);
    }

    private Page<MembershipView> members(PageRequest page) {
        return engine.memberships().members(Viewer.anonymous(), community.id(), MemberState.ACTIVE, page);
    }

    private String threadsCursor() {
        return threads(PageRequest.first(2)).next().orElseThrow();
    }

    private static String replaced(String text, int at) {
        char swapped = text.charAt(at) == 'A' ? 'B' : 'A';
        return text.substring(0, at) + swapped + text.substring(at + 1);
    }

    private void assertBadCursor(String cursor) {
        FieldViolation violation = assertInvalid("cursor", () -> threads(PageRequest.after(cursor, 2)));
        assertThat(violation.message()).contains("cursor");
    }

    @Test
    @DisplayName("a tampered cursor is refused")
    void tampered() {
        String cursor = threadsCursor();

        assertBadCursor(replaced(cursor, 0));
        assertBadCursor(replaced(cursor, cursor.length() / 2));
        assertBadCursor(cursor.substring(0, cursor.length() - 4));
        assertBadCursor(cursor + "AAAA");
    }

    @Test
    @DisplayName("a made-up cursor is refused")
    void madeUp() {
        assertBadCursor("not-a-cursor");
        assertBadCursor("");
        assertBadCursor("eyJzaW5jZSI6MCwiaWQiOiIwMDAwIn0");
        assertBadCursor("x".repeat(500));
    }

    @Test
    @DisplayName("a cursor of another listing is refused")
    void foreign() {
        String membersCursor = members(PageRequest.first(2)).next().orElseThrow();
        String discoverCursor = engine.communities()
                .discover(Viewer.anonymous(), DiscoveryQuery.everything(), PageRequest.first(1)).next().orElseThrow();
        String threadsCursor = threadsCursor();

        assertBadCursor(membersCursor);
        assertBadCursor(discoverCursor);
        assertInvalid("cursor", () -> members(PageRequest.after(threadsCursor, 2)));
        assertInvalid("cursor", () -> engine.communities()
                .discover(Viewer.anonymous(), DiscoveryQuery.everything(), PageRequest.after(threadsCursor, 1)));
    }

    @Test
    @DisplayName("a cursor keeps its place when newer threads arrive between pages")
    void keysetSurvivesInserts() {
        Page<PostView> first = threads(PageRequest.first(2));
        tick();
        thread(owner, community);

        List<PostId> seen = new ArrayList<>(first.items().stream().map(PostView::id).toList());
        Page<PostView> page = first;
        while (page.hasNext()) {
            page = threads(PageRequest.after(page.next().orElseThrow(), 2));
            page.items().forEach(post -> seen.add(post.id()));
        }

        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a members cursor keeps its place when new members join between pages")
    void memberKeysetSurvivesJoins() {
        Page<MembershipView> first = members(PageRequest.first(3));
        tick();
        Actor late = member(community, owner, "late");

        List<String> seen = new ArrayList<>(first.items().stream().map(m -> m.member().handle()).toList());
        Page<MembershipView> page = first;
        while (page.hasNext()) {
            page = members(PageRequest.after(page.next().orElseThrow(), 3));
            page.items().forEach(m -> seen.add(m.member().handle()));
        }

        assertThat(seen).hasSize(7).doesNotHaveDuplicates().endsWith(pseudonym(late).handle());
    }

    @Test
    @DisplayName("a members cursor pages only its community and state, and a discovery cursor only its query")
    void membersAndDiscoveryCursorsAreBound() {
        CommunityView other = community(owner, "paged-three", Visibility.PUBLIC, JoinPolicy.OPEN);
        for (int i = 0; i < 3; i++) {
            member(other, owner, "other-" + i);
        }
        String active = members(PageRequest.first(2)).next().orElseThrow();

        assertInvalid("cursor", () -> engine.memberships().members(Viewer.anonymous(), other.id(), MemberState.ACTIVE,
                PageRequest.after(active, 2)));
        assertInvalid("cursor", () -> engine.memberships().members(owner.asViewer(), community.id(), MemberState.LEFT,
                PageRequest.after(active, 2)));

        String everything = engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.everything(),
                PageRequest.first(1)).next().orElseThrow();
        assertInvalid("cursor", () -> engine.communities().discover(Viewer.anonymous(),
                new DiscoveryQuery(null, "paged"), PageRequest.after(everything, 1)));
        assertThat(engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.everything(),
                PageRequest.after(everything, 1)).items()).hasSize(1);
    }

    private String cursorOf(ThreadOrder order) {
        return engine.posts().threads(Viewer.anonymous(), community.id(), order, PageRequest.first(2)).next().orElseThrow();
    }

    private String feedCursor(HomeFeed feed) {
        return engine.posts().homeFeed(owner.asViewer(), feed, PageRequest.first(2)).next().orElseThrow();
    }

    @Test
    @DisplayName("a cursor of another order, window, community or feed is refused")
    void otherListing() {
        String hot = cursorOf(ThreadOrder.HOT);
        String topDay = cursorOf(ThreadOrder.top(TopWindow.DAY));
        String newest = cursorOf(ThreadOrder.NEW);
        String feed = feedCursor(HomeFeed.of(ThreadOrder.HOT));
        String scaledFeed = feedCursor(HomeFeed.scaled(ThreadOrder.HOT));
        CommunityView other = engine.communities().getBySlug(Viewer.anonymous(), "paged-too");

        for (ThreadOrder order : List.of(ThreadOrder.NEW, ThreadOrder.CONTROVERSIAL, ThreadOrder.top(TopWindow.ALL))) {
            assertInvalid("cursor", () -> engine.posts().threads(Viewer.anonymous(), community.id(), order,
                    PageRequest.after(hot, 2)));
        }
        assertInvalid("cursor", () -> engine.posts().threads(Viewer.anonymous(), community.id(),
                ThreadOrder.top(TopWindow.WEEK), PageRequest.after(topDay, 2)));
        assertInvalid("cursor", () -> engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.HOT,
                PageRequest.after(newest, 2)));
        assertInvalid("cursor", () -> engine.posts().threads(Viewer.anonymous(), other.id(), ThreadOrder.HOT,
                PageRequest.after(hot, 2)));
        assertInvalid("cursor", () -> engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.HOT,
                PageRequest.after(feed, 2)));
        assertInvalid("cursor", () -> engine.posts().homeFeed(owner.asViewer(), HomeFeed.of(ThreadOrder.HOT),
                PageRequest.after(hot, 2)));
        assertInvalid("cursor", () -> engine.posts().homeFeed(owner.asViewer(), HomeFeed.of(ThreadOrder.HOT),
                PageRequest.after(scaledFeed, 2)));
        assertThat(engine.posts().homeFeed(owner.asViewer(), HomeFeed.of(ThreadOrder.HOT), PageRequest.after(feed, 2))
                .items()).as("the feed's own cursor").hasSize(2);
    }

    @Test
    @DisplayName("a reply stub's cursor is refused by listings, and a listing's or a tampered one by moreReplies")
    void stubCursors() {
        PostView root = engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.NEW, PageRequest.first(1))
                .items().get(0);
        engine.posts().reply(owner, new Reply(root.id(), "First"));
        engine.posts().reply(owner, new Reply(root.id(), "Second"));
        MoreReplies stub = engine.posts().thread(Viewer.anonymous(), root.id(), new TreeRequest(ReplySort.OLD, 1, 10))
                .more();
        assertThat(stub).isNotNull();

        assertBadCursor(stub.cursor());
        assertInvalid("cursor", () -> engine.posts().moreReplies(Viewer.anonymous(), threadsCursor()));
        assertInvalid("cursor", () -> engine.posts().moreReplies(Viewer.anonymous(), replaced(stub.cursor(), 5)));
        assertInvalid("cursor", () -> engine.posts().moreReplies(Viewer.anonymous(), "not-a-cursor"));
        assertThat(engine.posts().moreReplies(Viewer.anonymous(), stub.cursor()).replies()).hasSize(1);
    }
}
