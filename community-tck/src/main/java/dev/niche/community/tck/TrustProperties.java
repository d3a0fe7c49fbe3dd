package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.NicheException;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityView;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * The reputation ledger's invariants as jqwik properties, run on the store under test: after any
 * session of up votes, down votes and retractions by several accounts through several pseudonyms,
 * every total equals its ledger's sum, reversals are exact, the daily cap holds, and no pseudonym gains
 * anything from a pseudonym of its own account. Each try starts from a fresh store; a falsified try is
 * shrunk and reported with its steps, and jqwik's seed replays it.
 *
 * <pre>{@code
 * class InMemoryTrustProperties extends TrustProperties {
 *     @Override
 *     protected CommunityStore newStore() {
 *         return new InMemoryStore();
 *     }
 * }
 * }</pre>
 */
public abstract class TrustProperties {
    private static final int ACCOUNTS = 3;
    private static final int PSEUDONYMS = 3;
    private static final int POSTS = 8;
    private static final int UP = 10;
    private static final int DOWN = -2;
    private static final int SMALL_CAP = 25;
    private static final long SECONDS_PER_DAY = 86_400;

    /** A new, empty store, all of whose data is its own. Called once per try. */
    protected abstract CommunityStore newStore();

    /** Releases a store made by {@link #newStore()} once its try has ended. Does nothing by default. */
    protected void cleanUp(CommunityStore store) {}

    private Sandbox sandbox() {
        return new Sandbox(this::newStore, this::cleanUp);
    }

    /** What one voter does: cast up, cast down, or retract. */
    enum Move { UP, DOWN, RETRACT }

    /**
     * One step of a voting session: after {@code minutesLater} minutes, which account (the last is the
     * communities' owner), through which of its pseudonyms, does what on which post.
     */
    record VoteStep(int account, int pseudonym, int post, Move move, int minutesLater) {}

    private static Arbitrary<List<VoteStep>> sessions(Arbitrary<Move> moves, Arbitrary<Integer> minutesLater, int minSteps) {
        return Combinators.combine(Arbitraries.integers().between(0, ACCOUNTS),
                        Arbitraries.integers().between(0, PSEUDONYMS - 1), Arbitraries.integers().between(0, POSTS - 1),
                        moves, minutesLater)
                .as(VoteStep::new).list().ofMinSize(minSteps).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<VoteStep>> instantSessions() {
        return sessions(Arbitraries.of(Move.class), Arbitraries.just(0), 1);
    }

    /** Mostly minutes apart, so that the serial guard trips; sometimes hours, so that days and caps turn over. */
    @Provide
    Arbitrary<List<VoteStep>> timedSessions() {
        Arbitrary<Move> moves = Arbitraries.frequency(Tuple.of(3, Move.UP), Tuple.of(1, Move.DOWN), Tuple.of(2, Move.RETRACT));
        return sessions(moves, Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 10)),
                Tuple.of(3, Arbitraries.integers().between(11, 120)),
                Tuple.of(2, Arbitraries.integers().between(121, 720))), 10);
    }

    @Property(tries = 40)
    @Label("without cap or guard in the way, every reputation is 10 per up and -2 per down vote from other accounts, and equals its ledger")
    void reputationIsTheLedgerOfOthersVotes(@ForAll("instantSessions") List<VoteStep> session) {
        // A cap and a guard that these sessions never reach, so that every vote's points are known.
        TrustPolicy open = TrustPolicy.defaults()
                .withPrivilege(Privilege.DOWNVOTE, TrustLevel.NEW)
                .withReputation(new TrustPolicy.Reputation(UP, DOWN, 1_000_000))
                .withSerialVotes(new TrustPolicy.SerialVotes(1000, Duration.ofMinutes(1)));
        try (Sandbox box = sandbox()) {
            VotingWorld world = new VotingWorld(box, open);
            for (VoteStep step : session) {
                world.play(step);
                Map<Author, Long> expected = world.expectedTotals();
                Map<Author, long[]> stored = world.storedTotals();
                for (Author author : world.authors()) {
                    long[] totalAndRecount = Objects.requireNonNull(stored.get(author), "every author is stored");
                    assertThat(totalAndRecount[0]).as("total of %s, after %s", author, step).isEqualTo(expected.get(author));
                    assertThat(totalAndRecount[1]).as("recount of %s, after %s", author, step).isEqualTo(expected.get(author));
                }
            }
            world.assertVotesHoldExactly();
            Map<PseudonymId, Long> across = new HashMap<>();
            world.expectedTotals().forEach((author, points) -> across.merge(author.pseudonym(), points, Long::sum));
            across.forEach((pseudonym, points) -> assertThat(box.engine.trust().reputation(pseudonym))
                    .as("reputation of %s over both communities", pseudonym).isEqualTo(points));
        }
    }

    @Property(tries = 40)
    @Label("with a cap of 25 a day and a guard of 2 votes an hour, totals equal their ledgers, gains stay under the cap, and retracting everything returns every total to 0")
    void capsAndGuardsKeepTheLedgerExact(@ForAll("timedSessions") List<VoteStep> session) {
        // A cap of 25 cuts the third up vote of a day to 5 points, so reversals of partial entries are
        // tried; a guard of 2 votes an hour trips whenever one account votes twice on one author.
        TrustPolicy tight = TrustPolicy.defaults()
                .withPrivilege(Privilege.DOWNVOTE, TrustLevel.NEW)
                .withReputation(new TrustPolicy.Reputation(UP, DOWN, SMALL_CAP))
                .withSerialVotes(new TrustPolicy.SerialVotes(2, Duration.ofHours(1)));
        try (Sandbox box = sandbox()) {
            VotingWorld world = new VotingWorld(box, tight);
            TreeSet<Long> days = new TreeSet<>();
            days.add(day(box.clock.instant()));
            for (VoteStep step : session) {
                box.clock.advance(Duration.ofMinutes(step.minutesLater()));
                days.add(day(box.clock.instant()));
                world.play(step);
                long ceiling = (long) SMALL_CAP * days.size();
                world.storedTotals().forEach((author, totalAndRecount) -> {
                    assertThat(totalAndRecount[1]).as("recount of %s, after %s", author, step).isEqualTo(totalAndRecount[0]);
                    assertThat(totalAndRecount[0]).as("total of %s, at most the cap on each day so far, after %s", author, step)
                            .isLessThanOrEqualTo(ceiling);
                });
                Map<String, Long> gains = world.upvoteGains(days);
                gains.forEach((authorOnDay, gained) -> assertThat(gained)
                        .as("up-vote gains of %s, after %s", authorOnDay, step).isBetween(0L, (long) SMALL_CAP));
            }
            world.assertVotesHoldAtMost();

            world.retractAll();

            world.storedTotals().forEach((author, totalAndRecount) -> {
                assertThat(totalAndRecount[0]).as("total of %s after every retraction", author).isZero();
                assertThat(totalAndRecount[1]).as("recount of %s after every retraction", author).isZero();
            });
            world.assertVotesHoldExactly();
        }
    }

    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** A pseudonym that authored posts in one community of the world. */
    private record Author(CommunityView community, Actor actor) {
        PseudonymId pseudonym() {
            return actor.pseudonym();
        }

        @Override
        public String toString() {
            return actor.pseudonym() + " in " + community.slug();
        }
    }

    /** A post of the world and who wrote it. */
    private record Post(PostView view, Author author) {}

    /**
     * Two communities with the same owner and policy; three accounts, each a member of the first
     * through one pseudonym and of the second through another, with a third that only votes; and eight
     * posts, threads and replies: three by the owner (two in the first community, one in the second)
     * and three by the first account (two in the first, one in the second, under different
     * pseudonyms), so that some votes fall on one's own account and some authors collect votes on
     * several posts.
     */
    private static final class VotingWorld {
        private final Sandbox box;
        private final List<List<Actor>> accounts = new ArrayList<>();
        private final List<Post> posts = new ArrayList<>();
        private final List<Map<AccountId, Direction>> votes = new ArrayList<>();
        /** The pseudonyms that hold a membership, by community: only they vote there. */
        private final Map<CommunityView, List<Actor>> holders = new HashMap<>();

        VotingWorld(Sandbox box, TrustPolicy policy) {
            this.box = box;
            Actor owner = box.person("founder");
            CommunityView first = box.openCommunity(owner, "first");
            CommunityView second = box.openCommunity(owner, "second");
            box.engine.trust().setPolicy(owner, first.id(), policy);
            box.engine.trust().setPolicy(owner, second.id(), policy);
            for (int a = 0; a < ACCOUNTS; a++) {
                Actor inFirst = box.member(first, owner, "voter-" + a);
                Actor inSecond = box.admit(second, owner, box.otherIdentity(inFirst, "voter-" + a + "-second"));
                accounts.add(List.of(inFirst, inSecond, box.otherIdentity(inFirst, "voter-" + a + "-alias")));
                holders.computeIfAbsent(first, c -> new ArrayList<>()).add(inFirst);
                holders.computeIfAbsent(second, c -> new ArrayList<>()).add(inSecond);
            }
            accounts.add(List.of(owner));
            holders(first).add(owner);
            holders(second).add(owner);
            Actor zeroInFirst = accounts.get(0).get(0);
            Actor zeroInSecond = accounts.get(0).get(1);
            PostView ownersFirst = add(box.thread(owner, first), first, owner);
            PostView zerosFirst = add(box.thread(zeroInFirst, first), first, zeroInFirst);
            PostView onesReply = add(box.reply(accounts.get(1).get(0), ownersFirst), first, accounts.get(1).get(0));
            add(box.reply(zeroInFirst, onesReply), first, zeroInFirst);
            add(box.reply(owner, zerosFirst), first, owner);
            PostView zerosSecond = add(box.thread(zeroInSecond, second), second, zeroInSecond);
            add(box.reply(accounts.get(2).get(1), zerosSecond), second, accounts.get(2).get(1));
            add(box.thread(owner, second), second, owner);
        }

        /** The pseudonyms that hold a membership of {@code community}. */
        private List<Actor> holders(CommunityView community) {
            return Objects.requireNonNull(holders.get(community), "a community of this world");
        }

        private PostView add(PostView view, CommunityView community, Actor author) {
            posts.add(new Post(view, new Author(community, author)));
            votes.add(new HashMap<>());
            return view;
        }

        List<Author> authors() {
            return posts.stream().map(Post::author).distinct().toList();
        }

        /** Plays one step, checking its outcome against the model. */
        void play(VoteStep step) {
            List<Actor> identities = accounts.get(step.account());
            Actor voter = identities.get(step.pseudonym() % identities.size());
            Post post = posts.get(step.post());
            Map<AccountId, Direction> live = votes.get(step.post());
            boolean ownPost = voter.account().equals(post.author().actor().account());
            if (!holders(post.author().community()).contains(voter) || (ownPost && step.move() != Move.RETRACT)) {
                // Only the membership's pseudonym votes, and never on its account's own posts.
                assertThatThrownBy(() -> {
                    if (step.move() == Move.RETRACT) {
                        box.engine.votes().retract(voter, post.view().id());
                    } else {
                        box.engine.votes().cast(voter, new CastVote(post.view().id(), Direction.valueOf(step.move().name())));
                    }
                }).as("refused: %s", step).isInstanceOfSatisfying(NicheException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
                return;
            }
            VoteOutcome outcome;
            if (step.move() == Move.RETRACT) {
                outcome = box.engine.votes().retract(voter, post.view().id());
                live.remove(voter.account());
            } else {
                Direction direction = Direction.valueOf(step.move().name());
                outcome = box.engine.votes().cast(voter, new CastVote(post.view().id(), direction));
                live.put(voter.account(), direction);
                assertThat(outcome.counted()).as("counted, after %s", step).isTrue();
            }
            assertThat(outcome.yourVote()).as("your vote, after %s", step).isEqualTo(live.get(voter.account()));
        }

        /** The points a live vote holds when nothing caps or guards it: none from the author's own account. */
        private static long points(Post post, AccountId voter, Direction direction) {
            if (voter.equals(post.author().actor().account())) {
                return 0;
            }
            return direction == Direction.UP ? UP : DOWN;
        }

        /** Each author's reputation in its community as the model says, with nothing capped or guarded. */
        Map<Author, Long> expectedTotals() {
            Map<Author, Long> totals = new LinkedHashMap<>();
            for (int k = 0; k < posts.size(); k++) {
                Post post = posts.get(k);
                long sum = 0;
                for (Map.Entry<AccountId, Direction> vote : votes.get(k).entrySet()) {
                    sum += points(post, vote.getKey(), vote.getValue());
                }
                totals.merge(post.author(), sum, Long::sum);
            }
            return totals;
        }

        /** Each author's stored total and ledger recount, read in one unit of work. */
        Map<Author, long[]> storedTotals() {
            List<Author> authors = authors();
            return box.store.read(tx -> {
                Map<Author, long[]> stored = new LinkedHashMap<>();
                for (Author author : authors) {
                    stored.put(author, new long[] {
                        tx.reputation().total(author.community().id(), author.pseudonym()),
                        tx.reputation().recount(author.community().id(), author.pseudonym())});
                }
                return stored;
            });
        }

        /** Each author's up-vote gains on each of {@code days}, read in one unit of work. */
        Map<String, Long> upvoteGains(TreeSet<Long> days) {
            List<Author> authors = authors();
            return box.store.read(tx -> {
                Map<String, Long> gains = new LinkedHashMap<>();
                for (Author author : authors) {
                    for (long day : days) {
                        gains.put(author + " on day " + day,
                                tx.reputation().upvoteGains(author.community().id(), author.pseudonym(), day));
                    }
                }
                return gains;
            });
        }

        /** What every account's vote on every post holds in the ledger, read in one unit of work. */
        private long[][] voteNets() {
            return box.store.read(tx -> {
                long[][] nets = new long[posts.size()][accounts.size()];
                for (int k = 0; k < posts.size(); k++) {
                    for (int a = 0; a < accounts.size(); a++) {
                        nets[k][a] = tx.reputation().voteNet(posts.get(k).view().id(), accounts.get(a).get(0).account());
                    }
                }
                return nets;
            });
        }

        /** Every vote holds exactly its points, no vote holds nothing, and the totals are their sums. */
        void assertVotesHoldExactly() {
            long[][] nets = voteNets();
            for (int k = 0; k < posts.size(); k++) {
                for (int a = 0; a < accounts.size(); a++) {
                    AccountId account = accounts.get(a).get(0).account();
                    Direction live = votes.get(k).get(account);
                    long expected = live == null ? 0 : points(posts.get(k), account, live);
                    assertThat(nets[k][a]).as("what account %d's vote on post %d holds", a, k).isEqualTo(expected);
                }
            }
        }

        /**
         * Every vote holds between nothing and its full points (a cap or the guard may cut it), votes by
         * the author's own account and retracted votes hold exactly nothing, and each author's total is
         * the sum of what the votes on its posts hold.
         */
        void assertVotesHoldAtMost() {
            long[][] nets = voteNets();
            Map<Author, Long> sums = new LinkedHashMap<>();
            for (int k = 0; k < posts.size(); k++) {
                long sum = 0;
                for (int a = 0; a < accounts.size(); a++) {
                    AccountId account = accounts.get(a).get(0).account();
                    Direction live = votes.get(k).get(account);
                    long full = live == null ? 0 : points(posts.get(k), account, live);
                    assertThat(nets[k][a]).as("what account %d's vote on post %d holds", a, k)
                            .isBetween(Math.min(0, full), Math.max(0, full));
                    sum += nets[k][a];
                }
                sums.merge(posts.get(k).author(), sum, Long::sum);
            }
            storedTotals().forEach((author, totalAndRecount) -> assertThat(totalAndRecount[0])
                    .as("total of %s against its votes", author).isEqualTo(sums.get(author)));
        }

        /** Retracts every live vote, each through the pseudonym that holds its account's membership. */
        void retractAll() {
            for (int k = 0; k < posts.size(); k++) {
                for (Actor voter : holders(posts.get(k).author().community())) {
                    if (votes.get(k).remove(voter.account()) != null) {
                        box.engine.votes().retract(voter, posts.get(k).view().id());
                    }
                }
            }
        }
    }
}
