package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.StartThread;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Votes per second through the whole engine on the JDBC store, against a minimal hand-written JDBC
 * baseline ({@link HandWrittenVotes}) that makes the same writes: record, replace or delete the vote
 * row and move the post's counters atomically. Both run in the same run, on the same kind of pool
 * (HikariCP, 4 connections, or one per thread with more than 4) and from the same 2 threads (JMH's
 * {@code -t} for more), on an H2 file and on PostgreSQL. A random
 * member casts, changes or retracts a vote on a random post, in the same sequence for both (see
 * {@link Lane}). After each trial every post's counters are checked against a recount of its vote
 * rows, so a fast but wrong run fails instead of reporting a number.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcVoteBenchmark
 * </pre>
 *
 * PostgreSQL runs on the server named by {@code NICHE_BENCH_POSTGRES_URL}, else
 * {@code NICHE_TEST_POSTGRES_URL}, in a schema of its own that is dropped afterwards; without
 * either, its trials fail at once with a message saying so (add {@code -p database=h2} to leave them out).
 * {@code -p database=h2-mem} runs H2 in memory, which leaves the shared disk out of the figures.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
// The pool's and the engine's lifecycle lines would land in the middle of JMH's report.
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Threads(2)
@State(Scope.Benchmark)
public class JdbcVoteBenchmark {
    @Param({"h2", "postgresql"})
    String database;

    @Param({"engine", "baseline"})
    String implementation;

    /**
     * The store builder's {@code durableCommits}: on an H2 file, {@code true} sets {@code WRITE_DELAY 0}
     * (every commit written to the file before it returns), {@code false} leaves H2's 500 ms delay.
     * The setting is the database's, so the hand-written baseline votes under it too.
     */
    @Param("true")
    boolean durableCommits;

    @Param("1000")
    int members;

    @Param("200")
    int posts;

    /** One way to vote: through the engine, or by hand. */
    @FunctionalInterface
    private interface Voter {
        void vote(int member, int post, @Nullable Direction direction);
    }

    private BenchDatabase db;
    private JdbcStore store;
    private Actor[] actors;
    private PostId[] postIds;
    private int[] authors;
    private Voter voter;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        // At least a connection per thread, so that -t measures the database rather than the pool.
        db = BenchDatabase.open(database, Math.max(4, params.getThreads()));
        store = JdbcStore.builder(db.dataSource()).migrate(true).durableCommits(durableCommits).build();
        CommunityEngine engine = Niche.builder().store(store).trustPolicy(Worlds.VOTING_POLICY).build();
        actors = new Actor[members];
        for (int i = 0; i < members; i++) {
            AccountId account = AccountId.of("account-" + i);
            actors[i] = Actor.of(account, engine.identities().register(account, new RegisterPseudonym("member-" + i)).id());
        }
        CommunityView community = engine.communities().create(actors[0], new CreateCommunity("bench", "Benchmark",
                "", List.of(), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN));
        for (int i = 1; i < members; i++) {
            engine.memberships().join(actors[i], JoinCommunity.of(community.id()));
        }
        postIds = new PostId[posts];
        authors = new int[posts];
        for (int i = 0; i < posts; i++) {
            authors[i] = i % members;
            postIds[i] = engine.posts().startThread(actors[authors[i]],
                    new StartThread(community.id(), "Thread " + i, "", null)).id();
        }
        voter = switch (implementation) {
            case "engine" -> (member, post, direction) -> {
                if (direction == null) {
                    engine.votes().retract(actors[member], postIds[post]);
                } else {
                    engine.votes().cast(actors[member], new CastVote(postIds[post], direction));
                }
            };
            case "baseline" -> {
                HandWrittenVotes byHand = new HandWrittenVotes(db.dataSource());
                yield (member, post, direction) -> byHand.vote(postIds[post], actors[member].account(),
                        actors[member].pseudonym(), authors[post] != member, direction);
            }
            default -> throw new IllegalArgumentException("implementation \"" + implementation
                    + "\" is not one the benchmark knows; use engine or baseline");
        };
    }

    /**
     * One thread's share of the members, with the state of each of their votes. Each vote runs the
     * cycle none, up, down, none: a cast, a change and a retraction, each of which writes the vote row
     * and the counters. So the work stays the same throughout the trial, and with the same seeds the
     * engine and the baseline get exactly the same sequence of votes.
     */
    @State(Scope.Thread)
    public static class Lane {
        private SplittableRandom random;
        private int thread;
        private int threads;
        private int members;
        private int posts;
        private byte[] states;

        @Setup(Level.Trial)
        public void setUp(JdbcVoteBenchmark benchmark, ThreadParams params) {
            thread = params.getThreadIndex();
            threads = params.getThreadCount();
            members = benchmark.members / threads;
            posts = benchmark.posts;
            random = new SplittableRandom(20_261_125L + thread);
            states = new byte[members * posts];
        }
    }

    @Benchmark
    public void vote(Lane lane) {
        int slot = lane.random.nextInt(lane.members);
        int member = slot * lane.threads + lane.thread;
        int post = lane.random.nextInt(lane.posts);
        if (authors[post] == member) {
            post = (post + 1) % lane.posts; // an account may not vote on its own post
        }
        int at = slot * lane.posts + post;
        byte next = (byte) ((lane.states[at] + 1) % 3);
        voter.vote(member, post, next == 0 ? null : next == 1 ? Direction.UP : Direction.DOWN);
        lane.states[at] = next;
    }

    @TearDown(Level.Trial)
    public void checkCountersAndDrop() {
        try {
            for (PostId post : postIds) {
                PostRecord stored = store.read(tx -> tx.posts().byId(post)).orElseThrow();
                VoteTally tally = store.read(tx -> tx.votes().tally(post));
                if (stored.counters().ups() != tally.ups() || stored.counters().downs() != tally.downs()) {
                    throw new IllegalStateException("counters of post " + post + " drifted from the recount: "
                            + stored.counters().ups() + "/" + stored.counters().downs() + " against "
                            + tally.ups() + "/" + tally.downs());
                }
            }
        } finally {
            db.close();
        }
    }
}
