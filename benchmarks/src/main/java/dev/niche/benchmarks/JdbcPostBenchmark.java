package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Posts per second through the whole engine on the JDBC store: each operation is a reply by a random
 * member to a random one of a community's threads, or, one time in ten, a new thread. The pool has a
 * connection per thread (at least 4), so that {@code -t} measures the database rather than the pool:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcPostBenchmark -p database=postgresql -t 4
 * </pre>
 *
 * PostgreSQL runs on the server named by {@code NICHE_BENCH_POSTGRES_URL}, else
 * {@code NICHE_TEST_POSTGRES_URL}, as for {@link JdbcVoteBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Threads(2)
@State(Scope.Benchmark)
public class JdbcPostBenchmark {
    @Param({"h2", "postgresql"})
    String database;

    @Param("1000")
    int members;

    @Param("200")
    int threads;

    private BenchDatabase db;
    private CommunityEngine engine;
    private CommunityId community;
    private Actor[] actors;
    private PostId[] threadIds;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        db = BenchDatabase.open(database, Math.max(4, params.getThreads()));
        JdbcStore store = JdbcStore.builder(db.dataSource()).migrate(true).build();
        engine = Niche.builder().store(store).build();
        actors = new Actor[members];
        for (int i = 0; i < members; i++) {
            AccountId account = AccountId.of("account-" + i);
            actors[i] = Actor.of(account, engine.identities().register(account, new RegisterPseudonym("member-" + i)).id());
        }
        community = engine.communities().create(actors[0], new CreateCommunity("bench", "Benchmark", "", List.of(),
                List.of(), Visibility.PUBLIC, JoinPolicy.OPEN)).id();
        for (int i = 1; i < members; i++) {
            engine.memberships().join(actors[i], JoinCommunity.of(community));
        }
        threadIds = new PostId[threads];
        for (int i = 0; i < threads; i++) {
            threadIds[i] = engine.posts().startThread(actors[i % members],
                    new StartThread(community, "Thread " + i, "Its body.", null)).id();
        }
    }

    /** A thread's own random sequence of members and threads. */
    @State(Scope.Thread)
    public static class Lane {
        private SplittableRandom random;

        @Setup(Level.Trial)
        public void setUp(ThreadParams params) {
            random = new SplittableRandom(20_261_203L + params.getThreadIndex());
        }
    }

    @Benchmark
    public PostId post(Lane lane) {
        Actor author = actors[lane.random.nextInt(members)];
        if (lane.random.nextInt(10) == 0) {
            return engine.posts().startThread(author, new StartThread(community, "A new thread", "Its body.", null)).id();
        }
        return engine.posts().reply(author, new Reply(threadIds[lane.random.nextInt(threads)], "A reply.")).id();
    }

    @TearDown(Level.Trial)
    public void drop() {
        db.close();
    }
}
