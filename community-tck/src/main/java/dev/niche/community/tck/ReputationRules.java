package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.spi.StoreTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.ReputationTable}: the ledger, its questions, and the totals beside it. */
abstract class ReputationRules extends RuleFamily {
    private static final long DAY = Rows.T0.getEpochSecond() / 86_400;
    private static final Instant ONE_MICRO_AFTER_T0 = Rows.T0.plus(1, ChronoUnit.MICROS);

    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final PseudonymRecord authorAgain = Rows.pseudonym(author.account(), "author-again");
    private final PseudonymRecord voter = Rows.pseudonym(Rows.account(), "voter");
    private final PseudonymRecord voterAgain = Rows.pseudonym(voter.account(), "voter-again");
    private final PseudonymRecord critic = Rows.pseudonym(Rows.account(), "critic");
    private final CommunityRecord here = Rows.community("reputation");
    private final CommunityRecord elsewhere = Rows.community("reputation-elsewhere");
    private final PostRecord post = Rows.thread(here, author, Rows.T0);
    private final PostRecord other = Rows.thread(here, author, Rows.at(1));
    private final PostRecord byAgain = Rows.thread(here, authorAgain, Rows.at(2));
    private final PostRecord byVoter = Rows.thread(here, voter, Rows.at(3));
    private final PostRecord away = Rows.thread(elsewhere, author, Rows.at(4));
    private int people;

    ReputationRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storePosts() {
        given(tx -> {
            List.of(author, authorAgain, voter, voterAgain, critic).forEach(tx.pseudonyms()::insert);
            tx.communities().insert(here);
            tx.communities().insert(elsewhere);
            List.of(post, other, byAgain, byVoter, away).forEach(tx.posts()::insert);
        });
    }

    /** An entry recording a vote of {@code source} on {@code on}, for its author, in its community, at {@code at}. */
    private static LedgerEntry entry(PostRecord on, PseudonymRecord source, LedgerKind kind, int points, Instant at) {
        return new LedgerEntry(on.community(), on.author(), on.authorAccount(), kind, points, on.id(),
                source.account(), source.id(), at.getEpochSecond() / 86_400, at);
    }

    private static LedgerEntry entry(PostRecord on, PseudonymRecord source, LedgerKind kind, int points) {
        return entry(on, source, kind, points, Rows.T0);
    }

    private void append(LedgerEntry... entries) {
        given(tx -> List.of(entries).forEach(tx.reputation()::append));
    }

    /** New pseudonyms, each of an account of its own, stored. */
    private List<PseudonymRecord> newPeople(int count) {
        List<PseudonymRecord> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(Rows.pseudonym(Rows.account(), "person-" + people++));
        }
        given(tx -> made.forEach(tx.pseudonyms()::insert));
        return made;
    }

    /** If this fails, check that append inserts a new row every time, with no unique key that merges or drops equal entries, and that recount sums points filtered on community and pseudonym. */
    @Test
    @DisplayName("every appended entry is kept, an identical one included, and a recount sums the pseudonym's points in the community")
    void appendKeepsEveryEntry() {
        LedgerEntry up = entry(post, voter, LedgerKind.UPVOTE, 10);
        append(up, up, entry(post, critic, LedgerKind.DOWNVOTE, -2), entry(other, voter, LedgerKind.REVERSAL, -10),
                entry(other, critic, LedgerKind.SERIAL_VOTE, 0), entry(byAgain, voter, LedgerKind.UPVOTE, 7),
                entry(away, voter, LedgerKind.UPVOTE, 100));
        append(entry(other, voterAgain, LedgerKind.UPVOTE, 5));

        assertThat(committed().reputation().recount(here.id(), author.id())).isEqualTo(10 + 10 - 2 - 10 + 5);
        assertThat(committed().reputation().recount(here.id(), authorAgain.id())).isEqualTo(7);
        assertThat(committed().reputation().recount(elsewhere.id(), author.id())).isEqualTo(100);
        assertThat(committed().reputation().recount(here.id(), voter.id())).isZero();
        assertThat(committed().reputation().recount(elsewhere.id(), authorAgain.id())).isZero();
    }

    /** If this fails, check that voteNet filters on post and source account only, whatever the kind or the source pseudonym, and sums points, reversals included. */
    @Test
    @DisplayName("what a vote still holds is the sum of every entry of that post and voting account, reversals included")
    void voteNetSumsOneVote() {
        append(entry(post, voter, LedgerKind.UPVOTE, 10), entry(post, voter, LedgerKind.REVERSAL, -10),
                entry(post, voterAgain, LedgerKind.DOWNVOTE, -2), entry(post, voter, LedgerKind.SERIAL_VOTE, 0),
                entry(other, voter, LedgerKind.UPVOTE, 10), entry(post, critic, LedgerKind.UPVOTE, 5));

        assertThat(committed().reputation().voteNet(post.id(), voter.account())).isEqualTo(-2);
        assertThat(committed().reputation().voteNet(other.id(), voter.account())).isEqualTo(10);
        assertThat(committed().reputation().voteNet(post.id(), critic.account())).isEqualTo(5);
        assertThat(committed().reputation().voteNet(post.id(), author.account())).isZero();
        assertThat(committed().reputation().voteNet(byAgain.id(), voter.account())).isZero();
    }

    /** If this fails, check that upvoteGains filters on community, pseudonym, kind UPVOTE and the entry's day column, not on its time. */
    @Test
    @DisplayName("the up vote gains of a day sum only that pseudonym's UPVOTE entries of that day in that community")
    void upvoteGainsOfOneDay() {
        Instant lastMicroOfDay = Instant.ofEpochSecond((DAY + 1) * 86_400).minus(1, ChronoUnit.MICROS);
        append(entry(post, voter, LedgerKind.UPVOTE, 10),
                entry(other, critic, LedgerKind.UPVOTE, 5, lastMicroOfDay),
                entry(other, voter, LedgerKind.UPVOTE, 7, lastMicroOfDay.plus(1, ChronoUnit.MICROS)),
                entry(post, critic, LedgerKind.DOWNVOTE, -2),
                entry(post, voter, LedgerKind.REVERSAL, -10),
                entry(post, voterAgain, LedgerKind.SERIAL_VOTE, 0),
                entry(away, voter, LedgerKind.UPVOTE, 20),
                entry(byAgain, voter, LedgerKind.UPVOTE, 40));

        assertThat(committed().reputation().upvoteGains(here.id(), author.id(), DAY)).isEqualTo(15);
        assertThat(committed().reputation().upvoteGains(here.id(), author.id(), DAY + 1)).isEqualTo(7);
        assertThat(committed().reputation().upvoteGains(here.id(), author.id(), DAY - 1)).isZero();
        assertThat(committed().reputation().upvoteGains(elsewhere.id(), author.id(), DAY)).isEqualTo(20);
        assertThat(committed().reputation().upvoteGains(here.id(), authorAgain.id(), DAY)).isEqualTo(40);
    }

    /** If this fails, check that votesSince compares {@code at >= since} to the microsecond, leaves out REVERSAL entries only, and filters on community, source account and account. */
    @Test
    @DisplayName("votes since an instant count vote entries at that instant or later, not reversals, not other communities or accounts")
    void votesSinceBoundaries() {
        append(entry(post, voter, LedgerKind.UPVOTE, 10, Rows.T0.minus(1, ChronoUnit.MICROS)),
                entry(post, voter, LedgerKind.UPVOTE, 10, Rows.T0),
                entry(other, voterAgain, LedgerKind.DOWNVOTE, -2, ONE_MICRO_AFTER_T0),
                entry(post, voter, LedgerKind.REVERSAL, -10, Rows.at(2)),
                entry(post, voter, LedgerKind.SERIAL_VOTE, 0, Rows.at(3)),
                entry(post, voter, LedgerKind.UNTRUSTED_VOTE, 0, Rows.at(4)),
                entry(away, voter, LedgerKind.UPVOTE, 10, Rows.at(5)),
                entry(post, critic, LedgerKind.UPVOTE, 10, Rows.at(5)),
                entry(byVoter, author, LedgerKind.UPVOTE, 10, Rows.at(5)),
                entry(byAgain, voter, LedgerKind.UPVOTE, 10, Rows.at(5)));

        BiFunction<PseudonymRecord, Instant, Long> since = (source, at) ->
                committed().reputation().votesSince(here.id(), source.account(), author.account(), at);
        assertThat(since.apply(voter, Rows.T0)).as("votes at or after T0").isEqualTo(5);
        assertThat(since.apply(voter, ONE_MICRO_AFTER_T0)).as("votes at or after T0 and a microsecond").isEqualTo(4);
        assertThat(since.apply(voter, Rows.at(4))).as("votes at or after the last one").isEqualTo(2);
        assertThat(since.apply(voter, Rows.at(6))).isZero();
        assertThat(since.apply(critic, Rows.T0)).isOne();
        assertThat(since.apply(author, Rows.T0)).isZero();
        assertThat(committed().reputation().votesSince(elsewhere.id(), voter.account(), author.account(), Rows.T0)).isOne();
        assertThat(committed().reputation().votesSince(here.id(), author.account(), voter.account(), Rows.T0)).isOne();
    }

    /** If this fails, check that addToTotal inserts a missing row at 0 before adding (an upsert), returns the stored value after the addition, and keeps 64-bit values. */
    @Test
    @DisplayName("a total is 0 until added to; an addition creates it at 0 and returns the new total, negative and beyond 32 bits alike")
    void totalsStartAtZero() {
        assertThat(committed().reputation().total(here.id(), author.id())).isZero();

        assertThat(committing().reputation().addToTotal(here.id(), author.id(), 5)).isEqualTo(5);
        assertThat(committing().reputation().addToTotal(here.id(), author.id(), -8)).isEqualTo(-3);
        assertThat(committing().reputation().addToTotal(here.id(), voter.id(), 0)).isZero();
        assertThat(committing().reputation().addToTotal(here.id(), critic.id(), Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(committing().reputation().addToTotal(here.id(), critic.id(), Integer.MAX_VALUE))
                .isEqualTo(2L * Integer.MAX_VALUE);

        assertThat(committed().reputation().total(here.id(), author.id())).isEqualTo(-3);
        assertThat(committed().reputation().total(here.id(), critic.id())).isEqualTo(2L * Integer.MAX_VALUE);
        assertThat(committed().reputation().total(elsewhere.id(), author.id())).isZero();
        assertThat(committed().reputation().leaderboard(here.id(), null, 10)).containsExactly(
                new ReputationTotal(critic.id(), 2L * Integer.MAX_VALUE), new ReputationTotal(voter.id(), 0),
                new ReputationTotal(author.id(), -3));
    }

    /** If this fails, check that totalAcross sums the pseudonym's totals over every community, and only that pseudonym's, not its account's. */
    @Test
    @DisplayName("a pseudonym's total across communities sums its totals in each, and not those of its account's other pseudonyms")
    void totalAcrossCommunities() {
        given(tx -> {
            tx.reputation().addToTotal(here.id(), author.id(), 12);
            tx.reputation().addToTotal(elsewhere.id(), author.id(), -5);
            tx.reputation().addToTotal(here.id(), authorAgain.id(), 100);
        });

        assertThat(committed().reputation().totalAcross(author.id())).isEqualTo(7);
        assertThat(committed().reputation().totalAcross(authorAgain.id())).isEqualTo(100);
        assertThat(committed().reputation().totalAcross(voter.id())).isZero();
    }

    /** Totals in {@code here} for new pseudonyms, from the points given, one pseudonym each. */
    private List<ReputationTotal> totals(long... points) {
        List<PseudonymRecord> made = newPeople(points.length);
        List<ReputationTotal> totals = new ArrayList<>();
        given(tx -> {
            for (int i = 0; i < points.length; i++) {
                tx.reputation().addToTotal(here.id(), made.get(i).id(), points[i]);
                totals.add(new ReputationTotal(made.get(i).id(), points[i]));
            }
        });
        return totals.stream().sorted(ReferenceReputation.LEADERBOARD).toList();
    }

    /** If this fails, check the ORDER BY of leaderboard: points descending, then pseudonym id ascending in binary order, filtered on the community. */
    @Test
    @DisplayName("the leaderboard lists the community's totals by points, most first, ties by pseudonym id")
    void leaderboardOrder() {
        List<ReputationTotal> sorted = totals(5, 12, 5, -3, 0, 12, 5, 40, 0, -3);
        given(tx -> tx.reputation().addToTotal(elsewhere.id(), author.id(), 1_000));

        assertThat(committed().reputation().leaderboard(here.id(), null, 100)).containsExactlyElementsOf(sorted);
        assertThat(committed().reputation().leaderboard(here.id(), null, 3)).containsExactlyElementsOf(sorted.subList(0, 3));
        assertThat(committed().reputation().leaderboard(elsewhere.id(), null, 100))
                .containsExactly(new ReputationTotal(author.id(), 1_000));
    }

    /** If this fails, check the keyset predicate: {@code points < ? OR (points = ? AND pseudonym > ?)}, and that the cursor need not be a stored row. */
    @Test
    @DisplayName("a leaderboard page starts right after its cursor, a stored total or not, and holds at most limit totals")
    void leaderboardAfterIsExclusive() {
        List<ReputationTotal> sorted = totals(9, 9, 9, 9, 7, 7, 3, 3, 3, 1);

        assertThat(committed().reputation().leaderboard(here.id(), sorted.get(1), 4))
                .containsExactlyElementsOf(sorted.subList(2, 6));
        assertThat(committed().reputation().leaderboard(here.id(), sorted.get(9), 4)).isEmpty();
        ReputationTotal between = new ReputationTotal(sorted.get(5).pseudonym(), 8);
        assertThat(committed().reputation().leaderboard(here.id(), between, 3))
                .as("after a cursor whose points no longer match the row").containsExactlyElementsOf(sorted.subList(4, 7));
    }

    /** If this fails, check that ties on points are broken by pseudonym id in the order and in the keyset predicate alike. */
    @Test
    @DisplayName("walking the leaderboard yields every total once, in order, though many tie on points")
    void leaderboardWalk() {
        long[] points = new long[23];
        for (int i = 0; i < points.length; i++) {
            points[i] = (i % 4) * 5 - 5;
        }
        List<ReputationTotal> sorted = totals(points);

        for (int size : new int[] {1, 4, 6}) {
            List<ReputationTotal> seen = new ArrayList<>();
            @Nullable ReputationTotal after = null;
            while (true) {
                List<ReputationTotal> page = committed().reputation().leaderboard(here.id(), after, size);
                assertThat(page).as("a page of at most %d totals", size).hasSizeLessThanOrEqualTo(size);
                seen.addAll(page);
                if (page.size() < size) {
                    break;
                }
                after = page.get(size - 1);
            }
            assertThat(seen).as("every total, walked %d at a time", size).containsExactlyElementsOf(sorted);
        }
    }

    /** If this fails, check that serialPairs groups SERIAL_VOTE entries of the community by (source pseudonym, pseudonym) with COUNT and MAX(at), ordered by both ids. */
    @Test
    @DisplayName("serial pairs group the community's SERIAL_VOTE entries by voter and author, with their count and latest time")
    void serialPairsGroup() {
        append(entry(post, voter, LedgerKind.SERIAL_VOTE, 0, Rows.at(5)),
                entry(other, voter, LedgerKind.SERIAL_VOTE, 0, Rows.at(9)),
                entry(post, voter, LedgerKind.SERIAL_VOTE, 0, Rows.at(7)),
                entry(post, voter, LedgerKind.UPVOTE, 10, Rows.at(20)),
                entry(post, voter, LedgerKind.REVERSAL, -10, Rows.at(21)),
                entry(byAgain, voter, LedgerKind.SERIAL_VOTE, 0, Rows.at(3)),
                entry(post, voterAgain, LedgerKind.SERIAL_VOTE, 0, Rows.at(4)),
                entry(byVoter, critic, LedgerKind.SERIAL_VOTE, 0, ONE_MICRO_AFTER_T0),
                entry(post, critic, LedgerKind.UNTRUSTED_VOTE, 0, Rows.at(30)),
                entry(away, critic, LedgerKind.SERIAL_VOTE, 0, Rows.at(40)));

        List<SerialPair> expected = new ArrayList<>(List.of(
                new SerialPair(voter.id(), author.id(), 3, Rows.at(9)),
                new SerialPair(voter.id(), authorAgain.id(), 1, Rows.at(3)),
                new SerialPair(voterAgain.id(), author.id(), 1, Rows.at(4)),
                new SerialPair(critic.id(), voter.id(), 1, ONE_MICRO_AFTER_T0)));
        expected.sort(ReferenceReputation.SERIAL_PAIRS);
        assertThat(committed().reputation().serialPairs(here.id(), null, 100)).containsExactlyElementsOf(expected);
        assertThat(committed().reputation().serialPairs(elsewhere.id(), null, 100))
                .containsExactly(new SerialPair(critic.id(), author.id(), 1, Rows.at(40)));
    }

    /** If this fails, check the keyset predicate of serialPairs: {@code voter > ? OR (voter = ? AND author > ?)}, on the pair alone, not on its count or time. */
    @Test
    @DisplayName("walking the serial pairs yields every pair once, in order, starting right after the cursor's pair")
    void serialPairsWalk() {
        List<PseudonymRecord> voters = newPeople(4);
        List<PseudonymRecord> authors = newPeople(5);
        List<PostRecord> posts = authors.stream().map(a -> Rows.thread(here, a, Rows.T0)).toList();
        given(tx -> posts.forEach(tx.posts()::insert));
        List<SerialPair> expected = new ArrayList<>();
        given(tx -> {
            for (int v = 0; v < voters.size(); v++) {
                for (int a = 0; a < authors.size(); a++) {
                    if ((v + a) % 3 == 0) {
                        continue;
                    }
                    for (int n = 0; n <= (v * a) % 3; n++) {
                        tx.reputation().append(entry(posts.get(a), voters.get(v), LedgerKind.SERIAL_VOTE, 0, Rows.at(n)));
                    }
                    expected.add(new SerialPair(voters.get(v).id(), authors.get(a).id(), (v * a) % 3 + 1,
                            Rows.at((v * a) % 3)));
                }
            }
        });
        expected.sort(ReferenceReputation.SERIAL_PAIRS);

        for (int size : new int[] {1, 3, 5}) {
            List<SerialPair> seen = new ArrayList<>();
            @Nullable SerialPair after = null;
            while (true) {
                List<SerialPair> page = committed().reputation().serialPairs(here.id(), after, size);
                assertThat(page).as("a page of at most %d pairs", size).hasSizeLessThanOrEqualTo(size);
                seen.addAll(page);
                if (page.size() < size) {
                    break;
                }
                after = page.get(size - 1);
            }
            assertThat(seen).as("every pair, walked %d at a time", size).containsExactlyElementsOf(expected);
        }
        SerialPair third = expected.get(2);
        SerialPair cursor = new SerialPair(third.voter(), third.author(), 999, Instant.EPOCH);
        assertThat(committed().reputation().serialPairs(here.id(), cursor, 2)).containsExactlyElementsOf(expected.subList(3, 5));
    }

    /** If this fails, check that addToTotal is one atomic upsert ({@code INSERT ... ON CONFLICT DO UPDATE SET points = points + ?}), not a read followed by a write, and that a first insert racing another one does not fail. */
    @Test
    @DisplayName("8 threads adding to one total at once, from no row at all, lose nothing, and each addition sees its own new total")
    void addToTotalLosesNothing() {
        int perThread = 25;
        List<Race.Outcome<List<Long>>> outcomes = Race.run(Race.THREADS, t -> {
            List<Long> returned = new ArrayList<>();
            for (int n = 0; n < perThread; n++) {
                returned.add(writeRetrying(tx -> {
                    tx.reputation().append(entry(post, voter, LedgerKind.UPVOTE, 1));
                    return tx.reputation().addToTotal(here.id(), author.id(), 1);
                }));
            }
            return returned;
        });

        Race.assertAllSucceeded(outcomes);
        long expected = (long) Race.THREADS * perThread;
        assertThat(committed().reputation().total(here.id(), author.id())).isEqualTo(expected);
        assertThat(committed().reputation().recount(here.id(), author.id())).as("the recount of the ledger").isEqualTo(expected);
        assertThat(outcomes.stream().flatMap(o -> Objects.requireNonNull(o.value()).stream()))
                .as("the totals the additions returned").containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, expected).boxed().toList());
    }

    /** Everything the rules can read of the ledger and totals of {@link #here} and {@link #elsewhere}. */
    private List<Object> everything(StoreTransaction tx) {
        return List.of(tx.reputation().recount(here.id(), author.id()), tx.reputation().total(here.id(), author.id()),
                tx.reputation().totalAcross(author.id()), tx.reputation().leaderboard(here.id(), null, 100),
                tx.reputation().voteNet(post.id(), voter.account()),
                tx.reputation().upvoteGains(here.id(), author.id(), DAY),
                tx.reputation().votesSince(here.id(), voter.account(), author.account(), Instant.EPOCH),
                tx.reputation().serialPairs(here.id(), null, 100), tx.reputation().recount(elsewhere.id(), author.id()));
    }

    /** If this fails, check that the ledger and the totals are written on the unit of work's own connection and transaction, so that a rollback takes them back. */
    @Test
    @DisplayName("a unit of work that appends and adds to totals, then throws, leaves no entry and no total behind")
    void failedWorkLeavesNothing() {
        given(tx -> {
            tx.reputation().append(entry(post, voter, LedgerKind.UPVOTE, 10));
            tx.reputation().addToTotal(here.id(), author.id(), 10);
        });
        List<Object> before = everything(committed());
        RuntimeException boom = new IllegalStateException("the command failed after its writes");

        Throwable thrown = catchThrowable(() -> given(tx -> {
            tx.reputation().append(entry(post, voter, LedgerKind.REVERSAL, -10, Rows.at(1)));
            tx.reputation().append(entry(post, voter, LedgerKind.SERIAL_VOTE, 0, Rows.at(1)));
            tx.reputation().append(entry(away, voter, LedgerKind.UPVOTE, 10, Rows.at(1)));
            tx.reputation().addToTotal(here.id(), author.id(), -10);
            tx.reputation().addToTotal(here.id(), voter.id(), 3);
            tx.reputation().addToTotal(elsewhere.id(), author.id(), 10);
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(everything(committed())).isEqualTo(before);
        assertThat(committed().reputation().total(here.id(), voter.id())).isZero();
        assertThat(committed().reputation().leaderboard(here.id(), null, 100))
                .containsExactly(new ReputationTotal(author.id(), 10));
    }

    /** If this fails, check that reputation reads run on the unit of work's own connection, so that they see its uncommitted entries and totals. */
    @Test
    @DisplayName("reads inside a unit of work see its own entries and totals")
    void readsSeeOwnWrites() {
        List<Object> seen = write(tx -> {
            tx.reputation().append(entry(post, voter, LedgerKind.UPVOTE, 10));
            tx.reputation().append(entry(other, voter, LedgerKind.SERIAL_VOTE, 0));
            tx.reputation().addToTotal(here.id(), author.id(), 10);
            return everything(tx);
        });

        assertThat(seen).containsExactly(10L, 10L, 10L, List.of(new ReputationTotal(author.id(), 10)), 10L, 10L, 2L,
                List.of(new SerialPair(voter.id(), author.id(), 1, Rows.T0)), 0L);
    }
}
