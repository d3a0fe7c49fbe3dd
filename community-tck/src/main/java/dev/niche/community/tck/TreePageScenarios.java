package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pages of a reply tree: at most {@code maxReplies} replies down to {@code maxDepth} levels, chosen
 * best first, with {@link MoreReplies} stubs that count and load exactly what was left out, and
 * continued from any reply.
 */
abstract class TreePageScenarios extends EngineFixture {
    private Actor owner;
    private Actor member;
    private List<Actor> voters;
    private PostView root;

    TreePageScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void thread() {
        owner = person("founder");
        CommunityView community = openCommunity(owner, "trees");
        member = member(community, owner, "member");
        voters = members(community, owner, "voter", 5);
        root = thread(owner, community);
    }

    private ThreadView page(PostView from, ReplySort sort, int maxReplies, int maxDepth) {
        return engine.posts().thread(Viewer.anonymous(), from.id(), new TreeRequest(sort, maxReplies, maxDepth));
    }

    private ReplyPage more(@Nullable MoreReplies stub) {
        assertThat(stub).as("a stub for replies left out").isNotNull();
        return engine.posts().moreReplies(Viewer.anonymous(), stub.cursor());
    }

    /** {@code count} replies to {@code parent}, a second apart. */
    private List<PostView> replies(PostView parent, int count) {
        List<PostView> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tick();
            made.add(reply(member, parent));
        }
        return made;
    }

    private static List<PostId> ids(List<ReplyNode> nodes) {
        return nodes.stream().map(node -> node.post().id()).toList();
    }

    /** Every node a page shows, parents before their replies. */
    private static List<ReplyNode> shown(List<ReplyNode> nodes) {
        List<ReplyNode> all = new ArrayList<>();
        for (ReplyNode node : nodes) {
            all.add(node);
            all.addAll(shown(node.replies()));
        }
        return all;
    }

    /** A post's shown replies plus those its stub says were left out: all of its replies, no more, no less. */
    private static void assertStubCounts(PostView parent, List<ReplyNode> replies, @Nullable MoreReplies more) {
        int left = more == null ? 0 : more.count();
        if (more != null) {
            assertThat(more.parent()).isEqualTo(parent.id());
            assertThat(more.count()).as("replies of %s left out", parent.id()).isPositive();
        }
        assertThat(replies.size() + left).as("shown plus left-out replies of %s", parent.id())
                .isEqualTo(parent.replyCount());
        for (ReplyNode node : replies) {
            assertStubCounts(node.post(), node.replies(), node.more());
        }
    }

    @Test
    @DisplayName("a page shows at most maxReplies replies, at most maxDepth levels down, and stubs for the rest")
    void limits() {
        for (PostView child : replies(root, 5)) {
            for (PostView grandchild : replies(child, 3)) {
                replies(grandchild, 2);
            }
        }

        ThreadView page = page(root, ReplySort.OLD, 12, 2);

        List<ReplyNode> shown = shown(page.replies());
        assertThat(shown).hasSize(12);
        assertThat(shown).allSatisfy(node -> assertThat(node.post().depth()).isBetween(1, 2));
        assertThat(shown).filteredOn(node -> node.post().depth() == 2)
                .isNotEmpty()
                .allSatisfy(node -> {
                    assertThat(node.replies()).isEmpty();
                    assertThat(node.more()).isNotNull();
                });
        // Oldest first: the 5 children, then the 7 oldest grandchildren; the rest hide behind stubs.
        assertThat(shown).filteredOn(node -> node.post().depth() == 1).hasSize(5);
        assertThat(shown).filteredOn(node -> node.post().depth() == 1 && node.more() != null).hasSize(3);
        assertStubCounts(page.root(), page.replies(), page.more());
    }

    @Test
    @DisplayName("replies are chosen best first: a strong reply deep in a branch beats a weak one near the top")
    void bestFirst() {
        PostView strong = reply(member, root);
        PostView weak = reply(member, root);
        PostView ignored = reply(member, root);
        PostView deepStrong = reply(member, strong);
        votes(strong, voters, 3, 0);
        votes(deepStrong, voters, 5, 0);
        votes(weak, voters, 1, 0);

        ThreadView two = page(root, ReplySort.TOP, 2, 10);
        assertThat(ids(two.replies())).containsExactly(strong.id());
        assertThat(ids(two.replies().get(0).replies())).containsExactly(deepStrong.id());
        assertThat(two.more()).extracting(MoreReplies::count).isEqualTo(2);

        ThreadView three = page(root, ReplySort.TOP, 3, 10);
        assertThat(ids(three.replies())).containsExactly(strong.id(), weak.id());
        assertThat(three.more()).extracting(MoreReplies::count).isEqualTo(1);
        assertThat(ids(more(three.more()).replies())).containsExactly(ignored.id());
    }

    @Test
    @DisplayName("a stub cut by size loads the next siblings, page after page, in order")
    void siblingStubs() {
        List<PostView> children = replies(root, 7);

        ThreadView first = page(root, ReplySort.OLD, 3, 10);
        assertThat(ids(first.replies())).containsExactly(children.get(0).id(), children.get(1).id(), children.get(2).id());
        assertThat(first.more()).extracting(MoreReplies::parent, MoreReplies::count).containsExactly(root.id(), 4);

        ReplyPage second = more(first.more());
        assertThat(second.parent()).isEqualTo(root.id());
        assertThat(ids(second.replies())).containsExactly(children.get(3).id(), children.get(4).id(), children.get(5).id());
        assertThat(second.more()).extracting(MoreReplies::count).isEqualTo(1);

        ReplyPage last = more(second.more());
        assertThat(ids(last.replies())).containsExactly(children.get(6).id());
        assertThat(last.more()).isNull();
    }

    @Test
    @DisplayName("a stub cut by depth loads the replies below, with their own replies")
    void depthStubs() {
        PostView child = reply(member, root);
        List<PostView> grandchildren = replies(child, 2);
        PostView greatGrandchild = reply(member, grandchildren.get(1));

        ThreadView page = page(root, ReplySort.OLD, 50, 1);
        ReplyNode shownChild = page.replies().get(0);
        assertThat(shownChild.replies()).isEmpty();
        assertThat(shownChild.more()).extracting(MoreReplies::parent, MoreReplies::count).containsExactly(child.id(), 2);
        assertThat(page.more()).isNull();

        ReplyPage below = more(shownChild.more());
        assertThat(below.parent()).isEqualTo(child.id());
        assertThat(ids(below.replies())).containsExactly(grandchildren.get(0).id(), grandchildren.get(1).id());
        assertThat(below.replies().get(1).replies()).isEmpty();
        assertThat(below.replies().get(1).more()).extracting(MoreReplies::count).isEqualTo(1);
        assertThat(ids(more(below.replies().get(1).more()).replies())).containsExactly(greatGrandchild.id());
    }

    @ParameterizedTest(name = "by {0}")
    @EnumSource(ReplySort.class)
    @DisplayName("following every stub from the first page yields every reply of the thread exactly once")
    void everyStubFollowed(ReplySort sort) {
        List<PostView> posts = randomTree(new Random(5), 40);

        ThreadView first = page(root, sort, 5, 2);
        assertStubCounts(first.root(), first.replies(), first.more());
        assertThat(levels(first.replies())).isLessThanOrEqualTo(2);
        Map<PostId, Integer> seen = new HashMap<>();
        List<MoreReplies> stubs = new ArrayList<>();
        collect(first.replies(), first.more(), seen, stubs);
        while (!stubs.isEmpty()) {
            MoreReplies stub = stubs.remove(stubs.size() - 1);
            List<PostId> loaded = new ArrayList<>();
            @Nullable MoreReplies next = stub;
            while (next != null) {
                ReplyPage page = more(next);
                assertThat(page.parent()).isEqualTo(stub.parent());
                assertThat(shown(page.replies())).as("replies on a page of 5").hasSizeLessThanOrEqualTo(5);
                assertThat(levels(page.replies())).as("levels on a page 2 deep").isLessThanOrEqualTo(2);
                page.replies().forEach(node -> assertStubCounts(node.post(), node.replies(), node.more()));
                page.replies().forEach(node -> loaded.add(node.post().id()));
                collect(page.replies(), null, seen, stubs);
                next = page.more();
            }
            assertThat(loaded).as("replies of %s loaded through its stub", stub.parent()).hasSize(stub.count());
        }

        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(posts.stream().map(PostView::id).toList());
        assertThat(seen).allSatisfy((id, times) -> assertThat(times).as("times %s was shown", id).isOne());
    }

    /** How many levels of replies a page shows. */
    private static int levels(List<ReplyNode> nodes) {
        return nodes.stream().mapToInt(node -> 1 + levels(node.replies())).max().orElse(0);
    }

    /** Counts each shown reply, checks its depth below the page's root, and queues the stubs found. */
    private static void collect(List<ReplyNode> nodes, @Nullable MoreReplies more, Map<PostId, Integer> seen,
            List<MoreReplies> stubs) {
        if (more != null) {
            stubs.add(more);
        }
        for (ReplyNode node : nodes) {
            seen.merge(node.post().id(), 1, Integer::sum);
            for (ReplyNode reply : node.replies()) {
                assertThat(reply.post().parent()).isEqualTo(node.post().id());
            }
            collect(node.replies(), node.more(), seen, stubs);
        }
    }

    /** {@code count} replies under the root, each to the root or a random earlier reply, some voted on. */
    private List<PostView> randomTree(Random random, int count) {
        List<PostView> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                tick();
            }
            PostView parent = posts.isEmpty() || random.nextInt(4) == 0 ? root : posts.get(random.nextInt(posts.size()));
            PostView reply = reply(member, parent);
            posts.add(reply);
            int ups = random.nextInt(3);
            votes(reply, voters, ups, random.nextInt(3));
        }
        return posts;
    }

    @Test
    @DisplayName("a deleted reply keeps its place as a tombstone, with its replies below it")
    void tombstonesKeepTheirPlace() {
        List<PostView> children = replies(root, 3);
        PostView below = reply(owner, children.get(1));
        votes(children.get(1), voters, 2, 0);
        engine.posts().delete(member, children.get(1).id());

        for (ReplySort sort : List.of(ReplySort.OLD, ReplySort.TOP)) {
            ThreadView page = page(root, sort, 10, 5);
            ReplyNode tombstone = sort == ReplySort.OLD ? page.replies().get(1) : page.replies().get(0);
            assertThat(tombstone.post().id()).as("the tombstone's place by %s", sort).isEqualTo(children.get(1).id());
            assertThat(tombstone.post().deleted()).isTrue();
            assertThat(tombstone.post().author()).isNull();
            assertThat(tombstone.post().body()).isEmpty();
            assertThat(ids(tombstone.replies())).containsExactly(below.id());
        }
    }

    @Test
    @DisplayName("a tree can be continued from any reply, down to the page's depth below it")
    void continueFromReply() {
        PostView one = reply(member, root);
        PostView two = reply(member, one);
        PostView three = reply(member, two);
        PostView four = reply(member, three);
        reply(member, root);

        ThreadView fromTwo = page(two, ReplySort.BEST, 10, 1);
        assertThat(fromTwo.root().id()).isEqualTo(two.id());
        assertThat(fromTwo.root().depth()).isEqualTo(2);
        assertThat(ids(fromTwo.replies())).containsExactly(three.id());
        assertThat(fromTwo.replies().get(0).more()).extracting(MoreReplies::parent, MoreReplies::count)
                .containsExactly(three.id(), 1);
        assertThat(fromTwo.more()).isNull();

        ThreadView whole = page(two, ReplySort.BEST, 10, 10);
        assertThat(ids(whole.replies().get(0).replies())).containsExactly(four.id());
        ThreadView fromLeaf = page(four, ReplySort.BEST, 10, 10);
        assertThat(fromLeaf.replies()).isEmpty();
        assertThat(fromLeaf.more()).isNull();
    }
}
