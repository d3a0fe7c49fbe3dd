package dev.niche.benchmarks;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.core.Niche;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/**
 * {@link FeedBenchmark} on the JDBC store: the first HOT page (25 threads) of a community with a
 * million threads, through the engine, on an H2 file and on PostgreSQL. The world is built through
 * the engine in memory and its rows copied into the database ({@link WorldCopy}); before measuring,
 * the JDBC engine's first page must equal the in-memory engine's. Read p0.99 in JMH's output.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcFeedBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx8g"}, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Threads(1)
@State(Scope.Benchmark)
public class JdbcFeedBenchmark {
    @Param({"h2", "postgresql"})
    String database;

    @Param("1000000")
    int threads;

    @Param("200000")
    int votes;

    private BenchDatabase db;
    private CommunityEngine engine;
    private Worlds world;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryStore memory = new InMemoryStore();
        world = new Worlds(memory, 42, 500);
        List<PostId> ids = world.threads(threads);
        List<PostId> recentFirst = new ArrayList<>(ids);
        Collections.reverse(recentFirst);
        world.votes(recentFirst, votes);
        db = BenchDatabase.open(database, 4);
        JdbcStore store = JdbcStore.builder(db.dataSource()).migrate(true).build();
        long start = System.nanoTime();
        WorldCopy.copy(world, memory, store, ids);
        WorldCopy.analyze(database, db.dataSource());
        System.out.printf("%ncopied %,d threads into %s in %,d ms%n", ids.size(), database,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        engine = Niche.builder().store(store).clock(world.clock).trustPolicy(Worlds.VOTING_POLICY).build();
        Page<PostView> expected = world.engine.posts().threads(Viewer.anonymous(), world.community, ThreadOrder.HOT,
                PageRequest.first(25));
        Page<PostView> actual = firstHotPage();
        if (!actual.equals(expected)) {
            throw new IllegalStateException("the first HOT page on " + database
                    + " differs from the in-memory engine's: " + actual + " against " + expected);
        }
    }

    @Benchmark
    public Page<PostView> firstHotPage() {
        return engine.posts().threads(Viewer.anonymous(), world.community, ThreadOrder.HOT, PageRequest.first(25));
    }

    @TearDown(Level.Trial)
    public void drop() {
        db.close();
    }
}
