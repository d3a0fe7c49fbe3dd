package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.PostTable}, except thread pages. */
abstract class PostRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final CommunityRecord community = Rows.community("posts");

    PostRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeAuthorAndCommunity() {
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
        });
    }

    private PostRecord storedThread() {
        PostRecord root = Rows.thread(community, author, Rows.T0);
        given(tx -> tx.posts().insert(root));
        return root;
    }

    /** If this fails, check that every column of a post, nullable ones and counters included, is stored and read back unchanged. */
    @Test
    @DisplayName("stored roots and replies read back by id exactly as stored, counters included")
    void readsBack() {
        PostRecord linked = Rows.thread(community, author, Rows.T0);
        PostRecord root = new PostRecord(linked.id(), community.id(), linked.id(), null, 0, author.id(), author.account(),
                "Turbulence tips?", "What helps you?", "https://example.org/a?b=c#d", Rows.at(0), Rows.at(30), false,
                true, new PostCounters(3, 1, 2, 5), new Ranks(4.75, 0.5, 2.25));
        PostRecord reply = Rows.reply(root, author, Rows.at(10));
        PostRecord tombstone = Rows.reply(reply, author, Rows.at(20)).asTombstone();
        given(tx -> List.of(root, reply, tombstone).forEach(tx.posts()::insert));

        assertThat(committed().posts().byId(root.id())).contains(root);
        assertThat(committed().posts().byId(reply.id())).contains(reply);
        assertThat(committed().posts().byId(tombstone.id())).contains(tombstone);
        assertThat(committed().posts().byId(PostId.of(Rows.newId()))).isEmpty();
    }

    /** If this fails, check that byIds looks up every id given in one go and leaves out the missing ones. */
    @Test
    @DisplayName("a batch lookup returns those of the ids that exist, keyed by id")
    void batchLookup() {
        PostRecord root = storedThread();
        PostRecord reply = Rows.reply(root, author, Rows.at(1));
        given(tx -> tx.posts().insert(reply));
        PostId missing = PostId.of(Rows.newId());

        assertThat(committed().posts().byIds(List.of(root.id(), missing, reply.id())))
                .containsOnlyKeys(root.id(), reply.id())
                .containsEntry(reply.id(), reply);
        assertThat(committed().posts().byIds(List.of())).isEmpty();
    }

    /** If this fails, check that update writes only title, body, link, editedAt, deleted and locked, and never the counters or rank keys. */
    @Test
    @DisplayName("an update replaces texts and flags but never the counters, the rank keys or the post's place")
    void updateLeavesCountersAlone() {
        PostRecord root = storedThread();
        given(tx -> tx.posts().addVotes(root.id(), 4, 1));
        PostRecord stale = new PostRecord(root.id(), root.community(), root.thread(), null, 0, author.id(),
                author.account(), "Edited", "New body", "https://example.org", Rows.at(-5), Rows.at(50), false, true,
                PostCounters.ZERO, new Ranks(-1, -1, -1));

        given(tx -> tx.posts().update(stale));

        PostRecord now = committed().posts().byId(root.id()).orElseThrow();
        assertThat(now.counters()).isEqualTo(new PostCounters(4, 1, 0, 0));
        assertThat(now).isEqualTo(root.withText("Edited", "New body", "https://example.org", Rows.at(50))
                .withLocked(true).withCounters(new PostCounters(4, 1, 0, 0)));
        given(tx -> tx.posts().update(now.asTombstone()));
        assertThat(committed().posts().byId(root.id())).contains(now.asTombstone());
    }

    /** If this fails, check that update, addVotes, addReply and setRanks throw IllegalStateException when no row was affected. */
    @Test
    @DisplayName("updating, counting or ranking a missing post is an IllegalStateException")
    void missingPostRefused() {
        PostRecord root = storedThread();
        PostRecord ghost = Rows.reply(root, author, Rows.at(1));

        assertThatThrownBy(() -> given(tx -> tx.posts().update(ghost))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given(tx -> tx.posts().addVotes(ghost.id(), 1, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given(tx -> tx.posts().addReply(ghost.id(), root.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given(tx -> tx.posts().addReply(root.id(), ghost.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given(tx -> tx.posts().setRanks(ghost.id(), new Ranks(1, 1, 1))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(committed().posts().byId(root.id()).orElseThrow().counters()).isEqualTo(PostCounters.ZERO);
    }

    /** If this fails, check that addVotes returns the counters after the addition, as seen by the same unit of work. */
    @Test
    @DisplayName("adding votes returns the counters after the addition, which the same unit of work then reads")
    void addVotesReturnsNewCounters() {
        PostRecord root = storedThread();

        List<PostCounters> seen = write(tx -> List.of(
                tx.posts().addVotes(root.id(), 2, 1),
                tx.posts().addVotes(root.id(), -1, 3),
                tx.posts().byId(root.id()).orElseThrow().counters()));

        assertThat(seen).containsExactly(new PostCounters(2, 1, 0, 0), new PostCounters(1, 4, 0, 0),
                new PostCounters(1, 4, 0, 0));
        assertThat(committed().posts().byId(root.id()).orElseThrow().counters().score()).isEqualTo(-3);
    }

    /** If this fails, check addReply: the parent's replyCount and the root's threadReplyCount each grow by one, both on the root when it is the parent. */
    @Test
    @DisplayName("a reply counts once on its parent and once on its thread root")
    void addReplyCounts() {
        PostRecord root = storedThread();
        PostRecord child = Rows.reply(root, author, Rows.at(1));
        PostRecord grandchild = Rows.reply(child, author, Rows.at(2));
        given(tx -> {
            tx.posts().insert(child);
            tx.posts().addReply(root.id(), root.id());
        });
        given(tx -> {
            tx.posts().insert(grandchild);
            tx.posts().addReply(child.id(), root.id());
        });

        assertThat(committed().posts().byId(root.id()).orElseThrow().counters()).isEqualTo(new PostCounters(0, 0, 1, 2));
        assertThat(committed().posts().byId(child.id()).orElseThrow().counters()).isEqualTo(new PostCounters(0, 0, 1, 0));
        assertThat(committed().posts().byId(grandchild.id()).orElseThrow().counters()).isEqualTo(PostCounters.ZERO);
    }

    /** If this fails, check that children() selects on the parent column, not on the thread: only direct replies, in every sort. */
    @Test
    @DisplayName("a post's children are its direct replies only: no grandchildren, no root, no other thread's")
    void childrenAreDirectReplies() {
        PostRecord root = storedThread();
        PostRecord other = storedThread();
        PostRecord a = Rows.reply(root, author, Rows.at(5));
        PostRecord b = Rows.reply(a, author, Rows.at(1));
        PostRecord c = Rows.reply(root, author, Rows.at(5));
        PostRecord d = Rows.reply(b, author, Rows.at(3));
        PostRecord elsewhere = Rows.reply(other, author, Rows.at(2));
        given(tx -> List.of(a, b, c, d, elsewhere).forEach(tx.posts()::insert));

        for (ReplySort sort : ReplySort.values()) {
            assertThat(committed().posts().children(root.id(), sort, null, 100)).as("children of the root by %s", sort)
                    .containsExactlyInAnyOrder(a, c);
            assertThat(committed().posts().children(b.id(), sort, null, 100)).as("children of b by %s", sort)
                    .containsExactly(d);
            assertThat(committed().posts().children(d.id(), sort, null, 100)).as("children of a leaf by %s", sort)
                    .isEmpty();
        }
        assertThat(Descendants.of(committed().posts(), root.id())).containsExactlyInAnyOrder(a, b, c, d);
    }

    /** If this fails, check that addReply updates both counters atomically ({@code SET n = n + 1}), not by a read followed by a write. */
    @Test
    @DisplayName("replies counted from 8 threads at once lose no count")
    void concurrentReplyCounts() {
        PostRecord root = storedThread();
        PostRecord child = Rows.reply(root, author, Rows.at(1));
        given(tx -> tx.posts().insert(child));

        List<Race.Outcome<Void>> outcomes = Race.run(Race.THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                PostId parent = (i + n) % 2 == 0 ? root.id() : child.id();
                writeRetrying(tx -> {
                    tx.posts().addReply(parent, root.id());
                    return Boolean.TRUE;
                });
            }
            return null;
        });

        Race.assertAllSucceeded(outcomes);
        assertThat(committed().posts().byId(root.id()).orElseThrow().counters())
                .isEqualTo(new PostCounters(0, 0, Race.THREADS * 5, Race.THREADS * 10));
        assertThat(committed().posts().byId(child.id()).orElseThrow().counters())
                .isEqualTo(new PostCounters(0, 0, Race.THREADS * 5, 0));
    }
}
