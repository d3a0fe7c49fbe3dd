package dev.niche.community.inmemory;

import static dev.niche.community.inmemory.SampleRows.T0;
import static dev.niche.community.inmemory.SampleRows.account;
import static dev.niche.community.inmemory.SampleRows.at;
import static dev.niche.community.inmemory.SampleRows.communityId;
import static dev.niche.community.inmemory.SampleRows.day;
import static dev.niche.community.inmemory.SampleRows.entry;
import static dev.niche.community.inmemory.SampleRows.postId;
import static dev.niche.community.inmemory.SampleRows.pseudonymId;
import static dev.niche.community.inmemory.SampleRows.reply;
import static dev.niche.community.inmemory.SampleRows.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory reputation and trust tables")
class ReputationAndTrustRowsTest {
    private static final CommunityId C1 = communityId(10);
    private static final CommunityId C2 = communityId(11);
    private static final AccountId A1 = account(1);
    private static final AccountId A2 = account(2);
    private static final AccountId A3 = account(3);
    private static final PseudonymId P1 = pseudonymId(1);
    private static final PseudonymId P2 = pseudonymId(2);
    private static final PseudonymId P3 = pseudonymId(3);
    private static final PostId R1 = postId(100);
    private static final PostId Q1 = postId(101);
    private static final long D0 = day(T0);
    private static final Instant LATER = T0.plus(Duration.ofDays(1)).plusSeconds(60);

    private final InMemoryStore store = new InMemoryStore();

    /**
     * In C1, Ada (account and pseudonym 1) started R1 and Bea (2) replied with Q1 and up-voted R1;
     * Bea's vote is in Ada's ledger, with one serial vote; Ada has activity, a level, scores and a policy.
     */
    @BeforeEach
    void seed() {
        store.write(tx -> {
            PostRecord thread = root(100, C1, at(1), P1, A1);
            tx.posts().insert(thread);
            tx.posts().insert(reply(101, thread, at(2), P2, A2));
            tx.posts().insert(root(109, C2, at(3), P2, A2));
            tx.votes().insert(new VoteRecord(R1, A2, P2, Direction.UP, true, at(4)));
            ReputationTable reputation = tx.reputation();
            reputation.append(entry(C1, 1, LedgerKind.UPVOTE, 10, R1, 2, at(4)));
            reputation.append(entry(C1, 1, LedgerKind.SERIAL_VOTE, 0, R1, 2, at(5)));
            reputation.addToTotal(C1, P1, 10);
            reputation.addToTotal(C2, P2, 5);
            TrustTable trust = tx.trust();
            trust.addActivity(new ActivityRecord(C1, A1, D0, true, 3, 60, 0, 0));
            trust.touchThread(C1, A1, R1, D0, false);
            trust.putLevel(new LevelRecord(C1, A1, TrustLevel.BASIC, false, T0));
            trust.putPolicy(C1, "reputation.upvote=10");
            trust.replaceScores(C1, Map.of(A1, 0.5));
            return null;
        });
    }

    @Nested
    @DisplayName("makes each write all or nothing")
    class AllOrNothing {

        @Test
        @DisplayName("a write that returns changes what every question of both tables answers")
        void commitChangesEveryAnswer() {
            Map<String, Object> before = snapshot();

            store.write(tx -> {
                changeEverything(tx);
                return null;
            });

            Map<String, Object> after = snapshot();
            // Proves that the rollback test below covers every index: each one sees the changes.
            before.forEach((question, answer) -> assertThat(after.get(question)).as(question).isNotEqualTo(answer));
        }

        @Test
        @DisplayName("a write that throws leaves every answer as it was, rows it created included")
        void rollbackRestoresEveryAnswer() {
            Map<String, Object> before = snapshot();
            IllegalStateException failure = new IllegalStateException("the work failed");

            assertThatThrownBy(() -> store.write(tx -> {
                changeEverything(tx);
                throw failure;
            })).isSameAs(failure);

            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        @DisplayName("a unit's reads see its own writes before it ends")
        void ownWrites() {
            Map<String, Object> committed = store.write(tx -> {
                changeEverything(tx);
                return answers(tx);
            });

            assertThat(snapshot()).isEqualTo(committed);
        }

        /** Changes existing rows and adds new ones, in every index of both tables. */
        private void changeEverything(StoreTransaction tx) {
            ReputationTable reputation = tx.reputation();
            reputation.append(entry(C1, 1, LedgerKind.REVERSAL, -10, R1, 2, at(20)));
            reputation.append(entry(C1, 1, LedgerKind.UPVOTE, 7, R1, 3, at(21)));
            reputation.append(entry(C1, 1, LedgerKind.SERIAL_VOTE, 0, R1, 2, at(22)));
            reputation.append(entry(C1, 2, LedgerKind.SERIAL_VOTE, 0, Q1, 3, at(23)));
            reputation.append(entry(C1, 2, LedgerKind.DOWNVOTE, -2, Q1, 1, LATER));
            reputation.addToTotal(C1, P1, -3);
            reputation.addToTotal(C1, P2, -2);
            reputation.addToTotal(C1, P3, 0);
            reputation.addToTotal(C2, P2, 1);
            TrustTable trust = tx.trust();
            trust.addActivity(new ActivityRecord(C1, A1, D0, false, 2, 30, 1, 0));
            trust.addActivity(new ActivityRecord(C1, A1, D0 + 1, true, 0, 0, 0, 1));
            trust.touchThread(C1, A1, R1, D0 + 1, false);
            trust.touchThread(C1, A1, Q1, D0 + 1, true);
            trust.putLevel(new LevelRecord(C1, A1, TrustLevel.MEMBER, false, LATER));
            trust.putLevel(new LevelRecord(C1, A2, TrustLevel.BASIC, false, LATER));
            trust.putPolicy(C1, "reputation.upvote=5");
            trust.putPolicy(C2, "reputation.upvote=1");
            trust.replaceScores(C1, Map.of(A2, 0.7));
            PostRecord parent = tx.posts().byId(Q1).orElseThrow();
            tx.posts().insert(reply(102, parent, at(24), P3, A3));
            tx.votes().update(new VoteRecord(R1, A2, P2, Direction.DOWN, true, at(24)));
        }

        private Map<String, Object> snapshot() {
            return store.read(ReputationAndTrustRowsTest::answers);
        }
    }

    /** What every question of both tables answers, by question. */
    private static Map<String, Object> answers(StoreTransaction tx) {
        ReputationTable reputation = tx.reputation();
        TrustTable trust = tx.trust();
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("totals", List.of(reputation.total(C1, P1), reputation.total(C1, P2), reputation.total(C2, P2)));
        answers.put("totals across", List.of(reputation.totalAcross(P1), reputation.totalAcross(P2)));
        answers.put("leaderboards",
                List.of(reputation.leaderboard(C1, null, 10), reputation.leaderboard(C2, null, 10)));
        answers.put("vote nets", List.of(reputation.voteNet(R1, A2), reputation.voteNet(R1, A3),
                reputation.voteNet(Q1, A1)));
        answers.put("upvote gains", reputation.upvoteGains(C1, P1, D0));
        answers.put("votes since", List.of(reputation.votesSince(C1, A2, A1, T0),
                reputation.votesSince(C1, A3, A1, T0), reputation.votesSince(C1, A1, A2, T0)));
        answers.put("recounts", List.of(reputation.recount(C1, P1), reputation.recount(C1, P2)));
        answers.put("serial pairs", reputation.serialPairs(C1, null, 10));
        answers.put("activity", List.of(trust.activity(C1, A1, Long.MIN_VALUE), trust.activity(C1, A1, D0 + 1)));
        answers.put("levels", List.of(trust.level(C1, A1), trust.levels(C1, List.of(A1, A2))));
        answers.put("policies", List.of(trust.policy(C1), trust.policy(C2)));
        answers.put("scores", trust.scores(C1, List.of(A1, A2)));
        answers.put("interactions", Set.copyOf(trust.interactions(C1)));
        return answers;
    }

    @Nested
    @DisplayName("keeps its indexes in step with the rows")
    class Indexes {

        @Test
        @DisplayName("a total that changes moves on the leaderboard, leaving no copy at its old place")
        void leaderboardMoves() {
            store.write(tx -> {
                tx.reputation().addToTotal(C1, P2, 10);
                tx.reputation().addToTotal(C1, P3, 4);
                tx.reputation().addToTotal(C1, P3, 8);
                return null;
            });

            List<ReputationTotal> board = store.read(tx -> tx.reputation().leaderboard(C1, null, 10));

            assertThat(board).containsExactly(new ReputationTotal(P3, 12), new ReputationTotal(P1, 10),
                    new ReputationTotal(P2, 10));
            List<ReputationTotal> afterStale = store.read(
                    tx -> tx.reputation().leaderboard(C1, new ReputationTotal(P3, 11), 10));
            assertThat(afterStale).as("a page after a position no row holds")
                    .containsExactly(new ReputationTotal(P1, 10), new ReputationTotal(P2, 10));
        }

        @Test
        @DisplayName("a thread touched again on a later day counts once, on its latest day")
        void threadMovesToItsLatestDay() {
            store.write(tx -> {
                tx.trust().touchThread(C1, A1, R1, D0 + 5, false);
                tx.trust().touchThread(C1, A1, R1, D0 + 2, false);
                return null;
            });

            store.read(tx -> {
                assertThat(tx.trust().activity(C1, A1, D0).threadsEntered()).isEqualTo(1);
                assertThat(tx.trust().activity(C1, A1, D0 + 5).threadsEntered()).isEqualTo(1);
                assertThat(tx.trust().activity(C1, A1, D0 + 6).threadsEntered()).isZero();
                assertThat(tx.trust().activity(C1, A1, D0 + 1).threadsRepliedTo()).isZero();
                return null;
            });
        }

        @Test
        @DisplayName("votes since an instant count the vote entries at or after it, however they arrived")
        void votesByTime() {
            store.write(tx -> {
                tx.reputation().append(entry(C1, 1, LedgerKind.DOWNVOTE, -2, R1, 2, at(9)));
                tx.reputation().append(entry(C1, 1, LedgerKind.UNTRUSTED_VOTE, 0, R1, 2, at(3)));
                tx.reputation().append(entry(C1, 1, LedgerKind.UNTRUSTED_VOTE, 0, R1, 2, at(9)));
                tx.reputation().append(entry(C1, 1, LedgerKind.REVERSAL, 2, R1, 2, at(9)));
                return null;
            });

            List<Long> counts = store.read(tx -> LongStream.of(0, 3, 4, 5, 6, 9, 10)
                    .mapToObj(minute -> tx.reputation().votesSince(C1, A2, A1, at(minute)))
                    .toList());

            assertThat(counts).containsExactly(5L, 5L, 4L, 3L, 2L, 2L, 0L);
        }

        @Test
        @DisplayName("a serial pair counts its entries and keeps the latest time, whatever order they arrive in")
        void serialPairKeepsLatest() {
            store.write(tx -> {
                tx.reputation().append(entry(C1, 1, LedgerKind.SERIAL_VOTE, 0, R1, 2, at(30)));
                tx.reputation().append(entry(C1, 1, LedgerKind.SERIAL_VOTE, 0, R1, 2, at(2)));
                return null;
            });

            List<SerialPair> pairs = store.read(tx -> tx.reputation().serialPairs(C1, null, 10));

            assertThat(pairs).containsExactly(new SerialPair(P2, P1, 3, at(30)));
        }

        @Test
        @DisplayName("replaced scores leave nothing of the old ones, and copy the map they were given")
        void scoresReplaced() {
            Map<AccountId, Double> given = new HashMap<>(Map.of(A2, 0.25));
            store.write(tx -> {
                tx.trust().replaceScores(C1, given);
                return null;
            });
            given.put(A3, 0.9);

            Map<AccountId, Double> scores = store.read(tx -> tx.trust().scores(C1, List.of(A1, A2, A3)));

            assertThat(scores).containsExactly(Map.entry(A2, 0.25));
        }
    }

    @Nested
    @DisplayName("changes totals and activity atomically")
    class Atomic {

        @Test
        @DisplayName("8 threads adding to one total and one day lose nothing, and each sees its own addition")
        void concurrentAdds() throws Exception {
            int perThread = 300;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Long> seen = new ArrayList<>();
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<Long> mine = new ArrayList<>();
                        for (int n = 0; n < perThread; n++) {
                            mine.add(store.write(tx -> {
                                tx.trust().addActivity(new ActivityRecord(C1, A2, D0, false, 1, 2, 0, 0));
                                return tx.reputation().addToTotal(C1, P2, 1);
                            }));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                for (Future<List<Long>> future : futures) {
                    seen.addAll(future.get());
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(seen).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, 8 * perThread).boxed().toList());
            store.read(tx -> {
                assertThat(tx.reputation().total(C1, P2)).isEqualTo(8 * perThread);
                assertThat(tx.reputation().totalAcross(P2)).isEqualTo(5 + 8 * perThread);
                Activity activity = tx.trust().activity(C1, A2, D0);
                assertThat(activity.postsRead()).isEqualTo(8 * perThread);
                assertThat(activity.readingTime()).isEqualTo(Duration.ofSeconds(2L * 8 * perThread));
                return null;
            });
        }
    }
}
