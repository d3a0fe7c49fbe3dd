package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for rank keys and scores in the listings: {@link PostTable#setRanks} and
 * {@link PostTable#addVotes} move a post within every listing sorted by what they change, at once,
 * for the unit of work itself and for everyone once it commits; a rollback moves it back; and
 * under concurrent votes every listing stays the exact order of the rows it lists.
 */
abstract class RankRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final CommunityRecord community = Rows.community("ranked");
    private final List<PostRecord> threads = new ArrayList<>();
    private final List<PostRecord> replies = new ArrayList<>();

    RankRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    /** Three threads, the first with three replies, ranked 1, 2 and 3 in the order made, all with score 0. */
    @BeforeEach
    void storeRankedPosts() {
        for (int i = 1; i <= 3; i++) {
            threads.add(Rows.thread(community, author, Rows.at(i)).withRanks(new Ranks(i, i / 4d, i)));
        }
        for (int i = 1; i <= 3; i++) {
            replies.add(Rows.reply(threads.get(0), author, Rows.at(10 + i)).withRanks(new Ranks(i, i / 4d, i)));
        }
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            Stream.concat(threads.stream(), replies.stream()).forEach(tx.posts()::insert);
        });
    }

    private PostId root() {
        return threads.get(0).id();
    }

    private static List<PostId> ids(List<PostRecord> posts) {
        return posts.stream().map(PostRecord::id).toList();
    }

    private List<PostId> threadIds(PostTable posts, ThreadSort sort) {
        return ids(posts.threads(community.id(), sort, null, null, 100));
    }

    private List<PostId> replyIds(PostTable posts, ReplySort sort) {
        return ids(posts.children(root(), sort, null, 100));
    }

    /** Every listing of the rule's posts, by name, each read in one unit of work. */
    private Map<String, List<PostId>> listings() {
        return store().read(tx -> {
            Map<String, List<PostId>> all = new LinkedHashMap<>();
            for (ThreadSort sort : ThreadSort.values()) {
                all.put("threads by " + sort, threadIds(tx.posts(), sort));
            }
            for (ReplySort sort : ReplySort.values()) {
                all.put("replies by " + sort, replyIds(tx.posts(), sort));
            }
            return all;
        });
    }

    /**
     * If this fails, check that setRanks writes all three keys to the row and to every index on
     * them (hot for threads; best and controversy for replies; controversy for both), and that the
     * unit of work's own reads see them before it commits.
     */
    @Test
    @DisplayName("new rank keys reorder HOT, CONTROVERSIAL and BEST at once, and nothing else")
    void setRanksReorders() {
        PostRecord lowThread = threads.get(0);
        PostRecord lowReply = replies.get(0);
        Map<String, List<PostId>> before = listings();

        List<List<PostId>> seenInside = write(tx -> {
            tx.posts().setRanks(lowThread.id(), new Ranks(9, 0, 0.5));
            tx.posts().setRanks(lowReply.id(), new Ranks(0, 0.9, 9));
            return List.of(threadIds(tx.posts(), ThreadSort.HOT), threadIds(tx.posts(), ThreadSort.CONTROVERSIAL),
                    replyIds(tx.posts(), ReplySort.BEST), replyIds(tx.posts(), ReplySort.CONTROVERSIAL));
        });

        List<PostId> hot = List.of(lowThread.id(), threads.get(2).id(), threads.get(1).id());
        List<PostId> controversial = List.of(threads.get(2).id(), threads.get(1).id(), lowThread.id());
        List<PostId> best = List.of(lowReply.id(), replies.get(2).id(), replies.get(1).id());
        assertThat(seenInside).as("the listings read by the unit of work that set the keys")
                .containsExactly(hot, controversial, best, best);
        Map<String, List<PostId>> after = listings();
        assertThat(after.get("threads by HOT")).containsExactlyElementsOf(hot);
        assertThat(after.get("threads by CONTROVERSIAL")).containsExactlyElementsOf(controversial);
        assertThat(after.get("replies by BEST")).containsExactlyElementsOf(best);
        assertThat(after.get("replies by CONTROVERSIAL")).containsExactlyElementsOf(best);
        for (String unchanged : List.of("threads by NEW", "threads by TOP", "replies by NEW", "replies by OLD",
                "replies by TOP")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        PostRecord stored = committed().posts().byId(lowThread.id()).orElseThrow();
        assertThat(stored).isEqualTo(lowThread.withRanks(new Ranks(9, 0, 0.5)));
    }

    /**
     * If this fails, check that addVotes moves the post in the TOP indexes (its score is their
     * value) at once, and that it leaves the rank keys alone: a store never computes them.
     */
    @Test
    @DisplayName("added votes reorder TOP at once, and leave the rank keys and their listings alone")
    void addVotesReordersTop() {
        Map<String, List<PostId>> before = listings();

        List<List<PostId>> seenInside = write(tx -> {
            tx.posts().addVotes(threads.get(0).id(), 3, 1);
            tx.posts().addVotes(threads.get(2).id(), 0, 2);
            tx.posts().addVotes(replies.get(0).id(), 1, 0);
            tx.posts().addVotes(replies.get(2).id(), 1, 4);
            return List.of(threadIds(tx.posts(), ThreadSort.TOP), replyIds(tx.posts(), ReplySort.TOP));
        });

        List<PostId> top = List.of(threads.get(0).id(), threads.get(1).id(), threads.get(2).id());
        List<PostId> topReplies = List.of(replies.get(0).id(), replies.get(1).id(), replies.get(2).id());
        assertThat(seenInside).containsExactly(top, topReplies);
        Map<String, List<PostId>> after = listings();
        assertThat(after.get("threads by TOP")).containsExactlyElementsOf(top);
        assertThat(after.get("replies by TOP")).containsExactlyElementsOf(topReplies);
        after.keySet().stream().filter(name -> !name.endsWith("TOP")).forEach(name ->
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name)));
        assertThat(committed().posts().byId(threads.get(0).id()).orElseThrow().ranks()).isEqualTo(threads.get(0).ranks());
    }

    /**
     * If this fails, check that a rollback restores the indexes along with the rows: an index kept
     * beside the table (a cache, a sorted set) must be undone with the unit of work, newest change
     * first.
     */
    @Test
    @DisplayName("a unit of work that re-ranks and re-scores and then throws leaves every listing and row as it was")
    void rollbackRestoresListings() {
        Map<String, List<PostId>> before = listings();
        List<PostRecord> rows = rows();

        Throwable thrown = catchThrowable(() -> given(tx -> {
            tx.posts().setRanks(threads.get(0).id(), new Ranks(7, 7, 7));
            tx.posts().addVotes(threads.get(0).id(), 5, 0);
            tx.posts().setRanks(replies.get(0).id(), new Ranks(7, 0.7, 7));
            tx.posts().setRanks(replies.get(0).id(), new Ranks(8, 0.8, 8));
            tx.posts().addVotes(replies.get(1).id(), 0, 5);
            throw new IllegalStateException("the command failed after re-ranking");
        }));

        assertThat(thrown).hasMessage("the command failed after re-ranking");
        assertThat(listings()).isEqualTo(before);
        assertThat(rows()).isEqualTo(rows);
    }

    private List<PostRecord> rows() {
        return rows(Stream.concat(threads.stream(), replies.stream()).toList());
    }

    /** The keys a writer derives from counters, as the engine does after each vote; few values, so that ties abound. */
    private static Ranks ranksOf(PostCounters counters) {
        return new Ranks(counters.score() / 2d, counters.ups() / (counters.ups() + counters.downs() + 1d),
                Math.min(counters.ups(), counters.downs()));
    }

    /**
     * If this fails, check that addVotes locks the post's row until the unit of work ends (an
     * {@code UPDATE} holds it; a plain read does not), so that the keys each unit writes with
     * setRanks belong to the latest counters; and that an index never holds a post twice or at a
     * stale key.
     */
    @Test
    @DisplayName("after 8 threads vote and re-rank at once, each post's keys match its counters and every listing is in the rows' order")
    void concurrentVotesKeepListingsTrue() {
        List<PostRecord> posts = Stream.concat(threads.stream(), replies.stream()).toList();

        List<Race.Outcome<Void>> outcomes = Race.run(Race.THREADS, t -> {
            Random random = new Random(t);
            for (int n = 0; n < 20; n++) {
                PostId post = posts.get(random.nextInt(posts.size())).id();
                int ups = random.nextInt(2);
                int downs = random.nextInt(2);
                writeRetrying(tx -> {
                    tx.posts().setRanks(post, ranksOf(tx.posts().addVotes(post, ups, downs)));
                    return Boolean.TRUE;
                });
                if (t % 2 == 0) {
                    checkOneListing(random);
                }
            }
            return null;
        });

        Race.assertAllSucceeded(outcomes);
        for (PostRecord post : posts) {
            PostRecord row = committed().posts().byId(post.id()).orElseThrow();
            assertThat(row.ranks()).as("the keys of %s", post.id()).isEqualTo(ranksOf(row.counters()));
        }
        for (ThreadSort sort : ThreadSort.values()) {
            assertThat(walk(after -> committed().posts().threads(community.id(), sort, null, after, 2),
                    post -> SortKey.of(post, sort)))
                    .as("threads walked by %s", sort)
                    .containsExactlyElementsOf(rows(threads).stream().sorted(ListingOrder.of(sort)).toList());
        }
        for (ReplySort sort : ReplySort.values()) {
            assertThat(walk(after -> committed().posts().children(root(), sort, after, 2),
                    post -> SortKey.of(post, sort)))
                    .as("replies walked by %s", sort)
                    .containsExactlyElementsOf(rows(replies).stream().sorted(ListingOrder.of(sort)).toList());
        }
    }

    /** Reads one listing in one unit of work, while others write, and checks it against its own rows. */
    private void checkOneListing(Random random) {
        ThreadSort sort = ThreadSort.values()[random.nextInt(ThreadSort.values().length)];
        List<PostRecord> listed = store().read(tx -> tx.posts().threads(community.id(), sort, null, null, 100));
        assertThat(listed).as("threads by %s, read while others vote", sort)
                .hasSize(threads.size())
                .isSortedAccordingTo(ListingOrder.of(sort));
    }

    private List<PostRecord> rows(List<PostRecord> posts) {
        return posts.stream().map(post -> committed().posts().byId(post.id()).orElseThrow()).toList();
    }

    /** Every page of a listing, each after the last key of the one before. */
    private static List<PostRecord> walk(Function<@Nullable SortKey, List<PostRecord>> pageAfter,
            Function<PostRecord, SortKey> key) {
        List<PostRecord> walked = new ArrayList<>();
        List<PostRecord> page = pageAfter.apply(null);
        while (!page.isEmpty()) {
            walked.addAll(page);
            page = pageAfter.apply(key.apply(page.get(page.size() - 1)));
        }
        return walked;
    }
}
