package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The order of sibling replies in each {@link ReplySort}, as the formulas say. Six replies to one
 * thread, posted a second apart as a to f, get these votes (up, down):
 *
 * <pre>
 *        votes   score  best (Wilson, z = 1.28)  controversy
 *   a    1, 0      1        0.378                   0
 *   b    5, 2      3        0.472                   7^0.4 = 2.178
 *   c    3, 3      0        0.268                   6
 *   d    0, 2     -2        0                       0
 *   e    2, 0      2        0.549                   0
 *   f    2, 2      0        0.230                   4
 * </pre>
 */
abstract class ReplySortScenarios extends EngineFixture {
    private Actor owner;
    private List<Actor> voters;
    private PostView root;
    private PostView a;
    private PostView b;
    private PostView c;
    private PostView d;
    private PostView e;
    private PostView f;

    ReplySortScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void sixReplies() {
        owner = person("founder");
        CommunityView community = openCommunity(owner, "sorted");
        voters = members(community, owner, "voter", 7);
        root = thread(owner, community);
        List<PostView> made = Stream.generate(() -> {
            tick();
            return reply(owner, root);
        }).limit(6).toList();
        a = made.get(0);
        b = made.get(1);
        c = made.get(2);
        d = made.get(3);
        e = made.get(4);
        f = made.get(5);
    }

    private void castTheVotes() {
        votes(a, voters, 1, 0);
        votes(b, voters, 5, 2);
        votes(c, voters, 3, 3);
        votes(d, voters, 0, 2);
        votes(e, voters, 2, 0);
        votes(f, voters, 2, 2);
    }

    private List<PostId> siblings(ReplySort sort) {
        return ids(engine.posts().thread(Viewer.anonymous(), root.id(), TreeRequest.of(sort)).replies());
    }

    private static List<PostId> ids(List<ReplyNode> nodes) {
        return nodes.stream().map(node -> node.post().id()).toList();
    }

    /** Ids of replies that tie on the sort value, in their listing order: id descending. */
    private static Stream<PostId> tied(PostView... posts) {
        return Stream.of(posts).map(PostView::id).sorted(Comparator.reverseOrder());
    }

    @SafeVarargs
    private static List<PostId> inOrder(Stream<PostId>... parts) {
        return Stream.of(parts).flatMap(part -> part).toList();
    }

    @Test
    @DisplayName("BEST ranks by the Wilson lower bound: 2 of 2 up beats 5 of 7, which beats 1 of 1")
    void best() {
        castTheVotes();

        assertThat(siblings(ReplySort.BEST)).containsExactly(e.id(), b.id(), a.id(), c.id(), f.id(), d.id());
    }

    @Test
    @DisplayName("TOP ranks by score, ties by id")
    void top() {
        castTheVotes();

        assertThat(siblings(ReplySort.TOP)).containsExactlyElementsOf(
                inOrder(Stream.of(b.id(), e.id(), a.id()), tied(c, f), Stream.of(d.id())));
    }

    @Test
    @DisplayName("NEW puts the newest first and OLD the oldest, whatever the votes")
    void newAndOld() {
        castTheVotes();

        assertThat(siblings(ReplySort.NEW)).containsExactly(f.id(), e.id(), d.id(), c.id(), b.id(), a.id());
        assertThat(siblings(ReplySort.OLD)).containsExactly(a.id(), b.id(), c.id(), d.id(), e.id(), f.id());
    }

    @Test
    @DisplayName("CONTROVERSIAL ranks many evenly split votes first, one-sided ones last")
    void controversial() {
        castTheVotes();

        assertThat(siblings(ReplySort.CONTROVERSIAL))
                .containsExactlyElementsOf(inOrder(Stream.of(c.id(), f.id(), b.id()), tied(a, d, e)));
    }

    @Test
    @DisplayName("a higher BEST confidence favours replies with more votes")
    void otherConfidence() {
        engine = newEngine(3.0);
        castTheVotes();

        // At z = 3: b 0.234, e 0.182, c 0.113, a 0.100, f 0.084, d 0.
        assertThat(siblings(ReplySort.BEST)).containsExactly(b.id(), e.id(), c.id(), a.id(), f.id(), d.id());
    }

    @Test
    @DisplayName("replies at every depth are sorted alike")
    void deeperLevels() {
        tick();
        PostView early = reply(owner, c);
        tick();
        PostView late = reply(owner, c);
        votes(early, voters, 0, 1);
        votes(late, voters, 1, 0);

        ThreadView best = engine.posts().thread(Viewer.anonymous(), root.id(), TreeRequest.of(ReplySort.BEST));
        ThreadView old = engine.posts().thread(Viewer.anonymous(), root.id(), TreeRequest.of(ReplySort.OLD));

        assertThat(ids(nodeOf(best, c).replies())).containsExactly(late.id(), early.id());
        assertThat(ids(nodeOf(old, c).replies())).containsExactly(early.id(), late.id());
    }

    private static ReplyNode nodeOf(ThreadView tree, PostView reply) {
        return tree.replies().stream().filter(node -> node.post().id().equals(reply.id())).findFirst().orElseThrow();
    }
}
