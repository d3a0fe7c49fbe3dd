package dev.niche.community.inmemory;

import static dev.niche.community.inmemory.SampleRows.account;
import static dev.niche.community.inmemory.SampleRows.at;
import static dev.niche.community.inmemory.SampleRows.communityId;
import static dev.niche.community.inmemory.SampleRows.day;
import static dev.niche.community.inmemory.SampleRows.entry;
import static dev.niche.community.inmemory.SampleRows.postId;
import static dev.niche.community.inmemory.SampleRows.pseudonymId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.trust.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Random units of work over the reputation ledger, the totals and members' activity, a third of which
 * fail at their end, leave the store answering every question as a naive model of the committed units
 * does: each index is kept in step by every write and by every undo. The questions cover a grid of
 * communities, pseudonyms, posts, days and instants, and walk every page.
 */
class ReputationAndTrustProperties {
    private static final int MINUTES = 5 * 24 * 60;
    private static final List<Integer> SINCE_MINUTES = List.of(0, 700, 1440, 2000, 3000, 4500, MINUTES);

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyUnitIsAllOrNothingAndEveryAnswerMatchesTheModel(@ForAll("units") List<Unit> units) {
        InMemoryStore store = new InMemoryStore();
        List<Action> committed = new ArrayList<>();
        for (Unit unit : units) {
            if (unit.fails()) {
                IllegalStateException failure = new IllegalStateException("the unit failed");
                assertThatThrownBy(() -> store.write(tx -> {
                    unit.actions().forEach(action -> action.apply(tx.reputation(), Activities.of(tx.trust())));
                    throw failure;
                })).isSameAs(failure);
            } else {
                store.write(tx -> {
                    unit.actions().forEach(action -> action.apply(tx.reputation(), Activities.of(tx.trust())));
                    return null;
                });
                committed.addAll(unit.actions());
            }

            NaiveReputation reputation = new NaiveReputation();
            NaiveActivities activities = new NaiveActivities();
            committed.forEach(action -> action.apply(reputation, activities));
            Map<String, Object> expected = answers(reputation, activities);
            Map<String, Object> actual = store.read(tx -> answers(tx.reputation(), Activities.of(tx.trust())));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<Unit>> units() {
        Arbitrary<Integer> community = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> member = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> dayNumber = Arbitraries.integers().between(0, 4);
        // Ledger entries are between two members and weigh serial votes more, so that one pair of
        // members often gets several entries of a kind, in any order of time.
        Arbitrary<Integer> pairMember = Arbitraries.integers().between(1, 2);
        Arbitrary<LedgerKind> kind = Arbitraries.frequency(Tuple.of(1, LedgerKind.UPVOTE),
                Tuple.of(1, LedgerKind.DOWNVOTE), Tuple.of(3, LedgerKind.SERIAL_VOTE),
                Tuple.of(1, LedgerKind.UNTRUSTED_VOTE), Tuple.of(1, LedgerKind.REVERSAL));
        Arbitrary<Action> append = Combinators.combine(community, pairMember, kind,
                        Arbitraries.integers().between(-3, 10), pairMember, pairMember,
                        Arbitraries.integers().between(0, MINUTES - 1))
                .as(Append::new);
        Arbitrary<Action> total = Combinators.combine(community, member, Arbitraries.integers().between(-5, 5))
                .as(AddToTotal::new);
        Arbitrary<Action> activity = Combinators.combine(community, member, dayNumber, Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1))
                .as(AddActivity::new);
        Arbitrary<Action> touch = Combinators.combine(community, member, member, dayNumber, Arbitraries.of(true, false))
                .as(TouchThread::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(4, append), Tuple.of(2, total),
                Tuple.of(2, activity), Tuple.of(2, touch));
        Arbitrary<Boolean> fails = Arbitraries.integers().between(0, 2).map(n -> n == 0);
        return Combinators.combine(action.list().ofMaxSize(8), fails).as(Unit::new).list().ofMaxSize(12);
    }

    /** Every question of the grid, by question. */
    private static Map<String, Object> answers(ReputationTable reputation, Activities activities) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int p = 1; p <= 3; p++) {
            answers.put("total across " + p, reputation.totalAcross(pseudonymId(p)));
        }
        for (int c = 0; c <= 1; c++) {
            CommunityId community = communityId(c);
            answers.put("leaderboard " + c, reputation.leaderboard(community, null, 100));
            answers.put("leaderboard pages " + c, ReputationAndTrustProperties.<ReputationTotal>walk(
                    (after, limit) -> reputation.leaderboard(community, after, limit)));
            answers.put("serial pairs " + c, reputation.serialPairs(community, null, 100));
            answers.put("serial pair pages " + c, ReputationAndTrustProperties.<SerialPair>walk(
                    (after, limit) -> reputation.serialPairs(community, after, limit)));
            for (int p = 1; p <= 3; p++) {
                PseudonymId pseudonym = pseudonymId(p);
                answers.put("total " + c + " " + p, reputation.total(community, pseudonym));
                answers.put("recount " + c + " " + p, reputation.recount(community, pseudonym));
                for (long d = day(at(0)); d <= day(at(MINUTES)); d++) {
                    answers.put("gains " + c + " " + p + " " + d, reputation.upvoteGains(community, pseudonym, d));
                }
                for (int source = 1; source <= 3; source++) {
                    for (int minute : SINCE_MINUTES) {
                        answers.put("votes since " + c + " " + source + " " + p + " " + minute,
                                reputation.votesSince(community, account(source), account(p), at(minute)));
                    }
                }
                AccountId account = account(p);
                answers.put("activity " + c + " " + p, activities.activity(community, account, Long.MIN_VALUE));
                for (long d = 0; d <= 5; d++) {
                    answers.put("activity " + c + " " + p + " from " + d, activities.activity(community, account, d));
                }
            }
        }
        for (int post = 1; post <= 3; post++) {
            for (int source = 1; source <= 3; source++) {
                answers.put("net " + post + " " + source, reputation.voteNet(postId(post), account(source)));
            }
        }
        return answers;
    }

    /** Walks every page of two, each after the last row of the one before. */
    private static <T> List<T> walk(BiFunction<@Nullable T, Integer, List<T>> page) {
        List<T> walked = new ArrayList<>();
        T after = null;
        while (true) {
            List<T> rows = page.apply(after, 2);
            if (rows.isEmpty()) {
                return walked;
            }
            assertThat(rows).hasSizeLessThanOrEqualTo(2);
            walked.addAll(rows);
            after = rows.get(rows.size() - 1);
        }
    }

    record Unit(List<Action> actions, boolean fails) {}

    /** One write, applied alike to the store and to the model. */
    sealed interface Action {
        void apply(ReputationTable reputation, Activities activities);
    }

    /** The post is taken to be by {@code author}; the vote by {@code voter}. */
    record Append(int community, int author, LedgerKind kind, int points, int post, int voter, int minute)
            implements Action {
        @Override
        public void apply(ReputationTable reputation, Activities activities) {
            reputation.append(entry(communityId(community), author, kind, points, postId(post), voter, at(minute)));
        }
    }

    record AddToTotal(int community, int pseudonym, int delta) implements Action {
        @Override
        public void apply(ReputationTable reputation, Activities activities) {
            reputation.addToTotal(communityId(community), pseudonymId(pseudonym), delta);
        }
    }

    record AddActivity(int community, int member, int day, boolean visited, int read, int votes) implements Action {
        @Override
        public void apply(ReputationTable reputation, Activities activities) {
            activities.addActivity(new ActivityRecord(communityId(community), account(member), day, visited, read,
                    read * 30L, votes, 1 - votes));
        }
    }

    record TouchThread(int community, int member, int thread, int day, boolean replied) implements Action {
        @Override
        public void apply(ReputationTable reputation, Activities activities) {
            activities.touchThread(communityId(community), account(member), postId(thread), day, replied);
        }
    }

    /** The activity part of {@link TrustTable} that the property drives. */
    interface Activities {
        void addActivity(ActivityRecord change);

        void touchThread(CommunityId community, AccountId account, PostId thread, long day, boolean replied);

        Activity activity(CommunityId community, AccountId account, long fromDay);

        static Activities of(TrustTable trust) {
            return new Activities() {
                @Override
                public void addActivity(ActivityRecord change) {
                    trust.addActivity(change);
                }

                @Override
                public void touchThread(CommunityId community, AccountId account, PostId thread, long day,
                        boolean replied) {
                    trust.touchThread(community, account, thread, day, replied);
                }

                @Override
                public Activity activity(CommunityId community, AccountId account, long fromDay) {
                    return trust.activity(community, account, fromDay);
                }
            };
        }
    }

    /** Activity as the lists of every change and touch, scanned whole for every question. */
    private static final class NaiveActivities implements Activities {
        private final List<ActivityRecord> changes = new ArrayList<>();
        private final List<List<Object>> touches = new ArrayList<>();

        @Override
        public void addActivity(ActivityRecord change) {
            changes.add(change);
        }

        @Override
        public void touchThread(CommunityId community, AccountId account, PostId thread, long day, boolean replied) {
            touches.add(List.of(community, account, thread, day, replied));
        }

        @Override
        public Activity activity(CommunityId community, AccountId account, long fromDay) {
            List<ActivityRecord> mine = changes.stream()
                    .filter(c -> c.community().equals(community) && c.account().equals(account) && c.day() >= fromDay)
                    .toList();
            long daysVisited = mine.stream().filter(ActivityRecord::visited).mapToLong(ActivityRecord::day)
                    .distinct().count();
            return new Activity(daysVisited, threads(community, account, fromDay, false),
                    mine.stream().mapToLong(ActivityRecord::postsRead).sum(),
                    Duration.ofSeconds(mine.stream().mapToLong(ActivityRecord::readingSeconds).sum()),
                    mine.stream().mapToLong(ActivityRecord::votesGiven).sum(),
                    mine.stream().mapToLong(ActivityRecord::votesReceived).sum(),
                    threads(community, account, fromDay, true));
        }

        /** Threads whose latest touch of the kind is on or after {@code fromDay}. */
        private long threads(CommunityId community, AccountId account, long fromDay, boolean replied) {
            Map<Object, Long> latest = new HashMap<>();
            for (List<Object> touch : touches) {
                if (touch.get(0).equals(community) && touch.get(1).equals(account) && touch.get(4).equals(replied)) {
                    latest.merge(touch.get(2), (Long) touch.get(3), Math::max);
                }
            }
            return latest.values().stream().filter(day -> day >= fromDay).count();
        }
    }

    /** The ledger as a list and the totals as a map, scanned whole for every question. */
    private static final class NaiveReputation implements ReputationTable {
        private static final Comparator<ReputationTotal> LEADERBOARD =
                Comparator.comparingLong(ReputationTotal::points).reversed().thenComparing(ReputationTotal::pseudonym);
        private static final Comparator<SerialPair> PAIRS =
                Comparator.comparing(SerialPair::voter).thenComparing(SerialPair::author);

        private final List<LedgerEntry> ledger = new ArrayList<>();
        private final Map<List<Object>, Long> totals = new HashMap<>();

        @Override
        public void append(LedgerEntry entry) {
            ledger.add(entry);
        }

        @Override
        public long addToTotal(CommunityId community, PseudonymId pseudonym, long delta) {
            return totals.merge(List.of(community, pseudonym), delta, Long::sum);
        }

        @Override
        public long total(CommunityId community, PseudonymId pseudonym) {
            return totals.getOrDefault(List.of(community, pseudonym), 0L);
        }

        @Override
        public long totalAcross(PseudonymId pseudonym) {
            return totals.entrySet().stream().filter(total -> total.getKey().get(1).equals(pseudonym))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        @Override
        public List<ReputationTotal> leaderboard(CommunityId community, @Nullable ReputationTotal after, int limit) {
            return totals.entrySet().stream()
                    .filter(total -> total.getKey().get(0).equals(community))
                    .map(total -> new ReputationTotal((PseudonymId) total.getKey().get(1), total.getValue()))
                    .filter(total -> after == null || LEADERBOARD.compare(total, after) > 0)
                    .sorted(LEADERBOARD)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long voteNet(PostId post, AccountId sourceAccount) {
            return points(e -> e.post().equals(post) && e.sourceAccount().equals(sourceAccount));
        }

        @Override
        public long upvoteGains(CommunityId community, PseudonymId pseudonym, long day) {
            return points(e -> e.community().equals(community) && e.pseudonym().equals(pseudonym)
                    && e.kind() == LedgerKind.UPVOTE && e.day() == day);
        }

        @Override
        public long votesSince(CommunityId community, AccountId sourceAccount, AccountId account, Instant since) {
            return ledger.stream()
                    .filter(e -> e.community().equals(community) && e.sourceAccount().equals(sourceAccount)
                            && e.account().equals(account) && e.kind().isVote() && !e.at().isBefore(since))
                    .count();
        }

        @Override
        public long recount(CommunityId community, PseudonymId pseudonym) {
            return points(e -> e.community().equals(community) && e.pseudonym().equals(pseudonym));
        }

        @Override
        public List<SerialPair> serialPairs(CommunityId community, @Nullable SerialPair after, int limit) {
            Map<List<PseudonymId>, SerialPair> pairs = new HashMap<>();
            for (LedgerEntry e : ledger) {
                if (e.community().equals(community) && e.kind() == LedgerKind.SERIAL_VOTE) {
                    pairs.merge(List.of(e.sourcePseudonym(), e.pseudonym()),
                            new SerialPair(e.sourcePseudonym(), e.pseudonym(), 1, e.at()),
                            (was, one) -> new SerialPair(was.voter(), was.author(), was.votes() + 1,
                                    was.lastAt().isAfter(one.lastAt()) ? was.lastAt() : one.lastAt()));
                }
            }
            return pairs.values().stream()
                    .filter(pair -> after == null || PAIRS.compare(pair, after) > 0)
                    .sorted(PAIRS)
                    .limit(limit)
                    .toList();
        }

        private long points(Predicate<LedgerEntry> which) {
            return ledger.stream().filter(which).mapToLong(LedgerEntry::points).sum();
        }
    }
}
