package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.NicheException;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.spi.PostRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Plays random replies and deletions on one thread against a tiny model of the tree, expecting the
 * engine to accept or refuse each step as the model says, then compares the stored and shown tree
 * with the model. Replies nest at most {@value #MAX_DEPTH} deep, so the limit is met often.
 */
final class ReplyTrees {
    static final int MAX_DEPTH = 3;

    /**
     * One step: reply to, or delete, the post at {@code target} (modulo the posts so far).
     *
     * @param delete      whether the step deletes (as the post's author) rather than replies
     * @param target      which post, modulo the number of posts so far
     * @param replier     which of the two members replies
     * @param sameInstant whether the clock stays put before this step
     */
    record Step(boolean delete, int target, int replier, boolean sameInstant) {}

    /** A post of the model. */
    private record Node(PostView post, int parent, int depth, Actor author, boolean deleted) {
        Node asDeleted() {
            return new Node(post, parent, depth, author, true);
        }
    }

    static Arbitrary<List<Step>> sessions() {
        return Combinators.combine(Arbitraries.integers().between(0, 99).map(roll -> roll < 25),
                        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 3).map(roll -> roll == 0))
                .as(Step::new).list().ofMaxSize(30);
    }

    private final Sandbox box;
    private final List<Actor> repliers;
    private final List<Node> nodes = new ArrayList<>();

    ReplyTrees(Sandbox box) {
        this.box = box;
        box.engine = box.newEngine(5, MAX_DEPTH);
        Actor owner = box.person("founder");
        CommunityView community = box.openCommunity(owner, "trees");
        repliers = List.of(owner, box.member(community, owner, "replier"));
        nodes.add(new Node(box.thread(owner, community), -1, 0, owner, false));
    }

    void play(List<Step> session) {
        for (Step step : session) {
            if (!step.sameInstant()) {
                box.tick();
            }
            int target = step.target() % nodes.size();
            if (step.delete()) {
                delete(target);
            } else {
                reply(target, repliers.get(step.replier()));
            }
        }
        checkShownTree();
        checkStoredTree();
    }

    private void delete(int target) {
        Node node = nodes.get(target);
        if (node.deleted()) {
            box.assertRejected(ErrorCode.CONFLICT, () -> box.engine.posts().delete(node.author(), node.post().id()));
            return;
        }
        assertThat(box.engine.posts().delete(node.author(), node.post().id()).deleted()).isTrue();
        nodes.set(target, node.asDeleted());
    }

    private void reply(int target, Actor replier) {
        Node parent = nodes.get(target);
        boolean tooDeep = parent.depth() == MAX_DEPTH;
        if (parent.deleted() || tooDeep) {
            NicheException refused = refusal(() -> box.engine.posts().reply(replier, new Reply(parent.post().id(), "r")));
            if (!parent.deleted()) {
                assertThat(refused).isInstanceOfSatisfying(InvalidInputException.class, invalid ->
                        assertThat(invalid.violations()).extracting(FieldViolation::field).contains("parent"));
            } else if (!tooDeep) {
                assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT);
            }
            return;
        }
        PostView posted = box.engine.posts().reply(replier, new Reply(parent.post().id(), "reply " + nodes.size()));
        assertThat(posted.parent()).isEqualTo(parent.post().id());
        assertThat(posted.thread()).isEqualTo(root().id());
        assertThat(posted.depth()).isEqualTo(parent.depth() + 1);
        nodes.add(new Node(posted, target, posted.depth(), replier, false));
    }

    /** A refusal that may be INVALID_INPUT or CONFLICT: a deleted post at the deepest level is both. */
    private NicheException refusal(ThrowingCallable command) {
        int published = box.events.size();
        Throwable thrown = Assertions.catchThrowable(command);
        assertThat(box.events).hasSize(published);
        assertThat(thrown).isInstanceOf(NicheException.class);
        NicheException refused = (NicheException) thrown;
        assertThat(refused.code()).isIn(ErrorCode.INVALID_INPUT, ErrorCode.CONFLICT);
        return refused;
    }

    private PostView root() {
        return nodes.get(0).post();
    }

    private List<PostId> childrenOf(int index) {
        List<PostId> children = new ArrayList<>();
        for (Node node : nodes) {
            if (node.parent() == index) {
                children.add(node.post().id());
            }
        }
        return children;
    }

    private int indexOf(PostId id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).post().id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("the tree shows post " + id + ", which was never posted");
    }

    private void checkShownTree() {
        ThreadView tree = box.engine.posts().thread(Viewer.anonymous(), root().id(), TreeRequest.of(ReplySort.OLD));
        assertThat(tree.root().threadReplyCount()).as("threadReplyCount of the root").isEqualTo(nodes.size() - 1);
        assertThat(tree.root().deleted()).isEqualTo(nodes.get(0).deleted());
        checkLevel(tree.root(), 0, tree.replies());
        assertThat(tree.replies().stream().mapToInt(n -> 1 + n.descendantCount()).sum()).isEqualTo(nodes.size() - 1);
    }

    private void checkLevel(PostView parent, int parentIndex, List<ReplyNode> children) {
        assertThat(parent.replyCount()).as("replyCount of %s", parent.id()).isEqualTo(children.size());
        assertThat(children).extracting(child -> child.post().id())
                .containsExactlyInAnyOrderElementsOf(childrenOf(parentIndex));
        assertThat(children).extracting(ReplyNode::post)
                .isSortedAccordingTo(Comparator.comparing(PostView::createdAt).thenComparing(PostView::id));
        for (ReplyNode child : children) {
            PostView post = child.post();
            int index = indexOf(post.id());
            assertThat(post.thread()).isEqualTo(root().id());
            assertThat(post.parent()).isEqualTo(parent.id());
            assertThat(post.depth()).isEqualTo(parent.depth() + 1);
            assertThat(post.threadReplyCount()).isZero();
            assertThat(post.deleted()).as("deleted flag of %s", post.id()).isEqualTo(nodes.get(index).deleted());
            if (post.deleted()) {
                assertThat(post.author()).isNull();
                assertThat(post.body()).isEmpty();
            }
            checkLevel(post, index, child.replies());
        }
    }

    private void checkStoredTree() {
        // Walked parent first, so each reply's parent is known by the time the reply is checked.
        List<PostRecord> replies = box.store.read(tx -> Descendants.of(tx.posts(), root().id()));
        Map<PostId, PostRecord> byId = new HashMap<>();
        byId.put(root().id(), box.store.read(tx -> tx.posts().byId(root().id()).orElseThrow()));
        replies.forEach(reply -> byId.put(reply.id(), reply));

        assertThat(replies).hasSize(nodes.size() - 1).doesNotHaveDuplicates();
        for (PostRecord reply : replies) {
            PostRecord parent = byId.get(reply.parent());
            assertThat(parent).as("stored parent of %s", reply.id()).isNotNull();
            assertThat(reply.thread()).isEqualTo(root().id());
            assertThat(reply.depth()).isEqualTo(parent.depth() + 1);
            assertThat(reply.counters().replyCount()).isEqualTo(childrenOf(indexOf(reply.id())).size());
        }
    }
}
