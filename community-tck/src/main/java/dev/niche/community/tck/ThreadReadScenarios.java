package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a thread's whole tree and a community's thread list, with each viewer's own votes. */
abstract class ThreadReadScenarios extends EngineFixture {
    private Actor owner;
    private Actor member;
    private CommunityView community;

    ThreadReadScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void community() {
        owner = person("founder");
        community = openCommunity(owner, "readers");
        member = member(community, owner, "member");
    }

    private ThreadView tree(PostView root, ReplySort sort) {
        return engine.posts().thread(Viewer.anonymous(), root.id(), TreeRequest.of(sort));
    }

    private static List<PostId> ids(List<ReplyNode> nodes) {
        return nodes.stream().map(node -> node.post().id()).toList();
    }

    @Test
    @DisplayName("a thread comes with its whole tree, siblings oldest or newest first at every level")
    void wholeTreeInOrder() {
        PostView root = thread(owner, community);
        tick();
        PostView a = reply(member, root);
        tick();
        PostView b = reply(owner, root);
        tick();
        PostView a1 = reply(owner, a);
        tick();
        PostView a2 = reply(member, a);
        tick();
        PostView a2x = reply(owner, a2);

        ThreadView oldest = tree(root, ReplySort.OLD);
        assertThat(oldest.root()).isEqualTo(reread(root));
        assertThat(ids(oldest.replies())).containsExactly(a.id(), b.id());
        assertThat(ids(oldest.replies().get(0).replies())).containsExactly(a1.id(), a2.id());
        assertThat(ids(oldest.replies().get(0).replies().get(1).replies())).containsExactly(a2x.id());
        assertThat(oldest.replies().get(1).replies()).isEmpty();
        assertThat(oldest.replies().get(0).descendantCount()).isEqualTo(3);

        ThreadView newest = tree(root, ReplySort.NEW);
        assertThat(ids(newest.replies())).containsExactly(b.id(), a.id());
        assertThat(ids(newest.replies().get(1).replies())).containsExactly(a2.id(), a1.id());
        assertThat(ids(newest.replies().get(1).replies().get(0).replies())).containsExactly(a2x.id());
    }

    @Test
    @DisplayName("siblings posted at the same instant still come in one stable order, reversed by NEW")
    void sameInstantSiblings() {
        PostView root = thread(owner, community);
        for (int i = 0; i < 5; i++) {
            reply(i % 2 == 0 ? owner : member, root);
        }

        List<PostId> oldest = ids(tree(root, ReplySort.OLD).replies());
        List<PostId> newest = ids(tree(root, ReplySort.NEW).replies());

        assertThat(oldest).hasSize(5).doesNotHaveDuplicates();
        List<PostId> reversed = new ArrayList<>(oldest);
        Collections.reverse(reversed);
        assertThat(newest).containsExactlyElementsOf(reversed);
        assertThat(ids(tree(root, ReplySort.OLD).replies())).containsExactlyElementsOf(oldest);
    }

    @Test
    @DisplayName("reply counts equal a recount of the tree")
    void countsMatchTree() {
        PostView root = thread(owner, community);
        List<PostView> posts = new ArrayList<>(List.of(root));
        for (int i = 0; i < 12; i++) {
            posts.add(reply(i % 2 == 0 ? owner : member, posts.get((i * 7) % posts.size())));
        }

        ThreadView tree = tree(root, ReplySort.OLD);

        assertThat(tree.root().threadReplyCount()).isEqualTo(12);
        assertThat(tree.root().replyCount()).isEqualTo(tree.replies().size());
        assertThat(tree.replies().stream().mapToInt(node -> 1 + node.descendantCount()).sum()).isEqualTo(12);
        assertCountsMatch(tree.replies());
    }

    private static void assertCountsMatch(List<ReplyNode> nodes) {
        for (ReplyNode node : nodes) {
            assertThat(node.post().replyCount()).as("replies of %s", node.post().id()).isEqualTo(node.replies().size());
            assertThat(node.post().threadReplyCount()).isZero();
            assertCountsMatch(node.replies());
        }
    }

    @Test
    @DisplayName("an unknown post has no tree: NOT_FOUND")
    void unknownPost() {
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.posts().thread(Viewer.anonymous(),
                PostId.of("00000000-0000-7000-8000-000000000000"), TreeRequest.of(ReplySort.OLD)));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.posts()
                .get(Viewer.anonymous(), PostId.of("00000000-0000-7000-8000-000000000000")));
    }

    private List<PostView> allThreads(Viewer viewer, int size) {
        List<PostView> all = new ArrayList<>();
        Page<PostView> page = engine.posts().threads(viewer, community.id(), ThreadOrder.NEW, PageRequest.first(size));
        all.addAll(page.items());
        while (page.hasNext()) {
            assertThat(page.items()).hasSize(size);
            page = engine.posts().threads(viewer, community.id(), ThreadOrder.NEW,
                    PageRequest.after(page.next().orElseThrow(), size));
            all.addAll(page.items());
        }
        return all;
    }

    private List<PostId> sevenThreads() {
        List<PostView> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if (i % 3 == 0) {
                tick();
            }
            PostView thread = thread(i % 2 == 0 ? owner : member, community);
            made.add(thread);
            reply(owner, thread);
        }
        thread(member, openCommunity(member, "elsewhere"));
        return made.stream()
                .sorted(Comparator.comparing(PostView::createdAt).thenComparing(PostView::id).reversed())
                .map(PostView::id).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 100})
    @DisplayName("threads come newest first (ties by id, descending) in pages that concatenate exactly, without replies")
    void threadsNewestFirst(int size) {
        List<PostId> expected = sevenThreads();

        assertThat(allThreads(Viewer.anonymous(), size)).extracting(PostView::id).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("each viewer sees their own vote on thread pages, trees and single posts; anonymous sees none")
    void viewerVotes() {
        Actor third = member(community, owner, "third");
        PostView root = thread(owner, community);
        PostView reply = reply(owner, root);
        engine.votes().cast(member, new CastVote(root.id(), Direction.UP));
        engine.votes().cast(member, new CastVote(reply.id(), Direction.DOWN));
        engine.votes().cast(third, new CastVote(root.id(), Direction.DOWN));

        assertThat(allThreads(member.asViewer(), 10).get(0).viewerVote()).isEqualTo(Direction.UP);
        assertThat(allThreads(third.asViewer(), 10).get(0).viewerVote()).isEqualTo(Direction.DOWN);
        assertThat(allThreads(owner.asViewer(), 10).get(0).viewerVote()).isNull();
        assertThat(allThreads(Viewer.anonymous(), 10).get(0).viewerVote()).isNull();

        ThreadView seenByMember = engine.posts().thread(member.asViewer(), root.id(), TreeRequest.of(ReplySort.OLD));
        assertThat(seenByMember.root().viewerVote()).isEqualTo(Direction.UP);
        assertThat(seenByMember.replies().get(0).post().viewerVote()).isEqualTo(Direction.DOWN);
        ThreadView seenByThird = engine.posts().thread(third.asViewer(), root.id(), TreeRequest.of(ReplySort.OLD));
        assertThat(seenByThird.root().viewerVote()).isEqualTo(Direction.DOWN);
        assertThat(seenByThird.replies().get(0).post().viewerVote()).isNull();
        assertThat(engine.posts().get(member.asViewer(), reply.id()).viewerVote()).isEqualTo(Direction.DOWN);
        assertThat(tree(root, ReplySort.OLD).root().viewerVote()).isNull();
    }

    @Test
    @DisplayName("a viewer sees the account's vote, also after it rejoined under another pseudonym")
    void viewerVoteIsPerAccount() {
        PostView root = thread(owner, community);
        engine.votes().cast(member, new CastVote(root.id(), Direction.UP));
        engine.memberships().leave(member, community.id());
        Actor alias = otherIdentity(member, "member-alias");
        engine.memberships().join(alias, JoinCommunity.of(community.id()));

        assertThat(engine.posts().get(alias.asViewer(), root.id()).viewerVote()).isEqualTo(Direction.UP);
    }
}
