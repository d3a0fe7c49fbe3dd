package dev.niche.benchmarks;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.core.Niche;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.util.ArrayList;
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
 * {@link ReplyTreeBenchmark} on the JDBC store: a thread of 100,000 replies, its first page (200
 * replies, BEST, depth 10) and a "more" page loaded from the first page's top-level stub, on an H2
 * file and on PostgreSQL. The world is built in memory and copied ({@link WorldCopy}); before
 * measuring, both pages must equal the in-memory engine's.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcReplyTreeBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx4g"}, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Threads(1)
@State(Scope.Benchmark)
public class JdbcReplyTreeBenchmark {
    @Param({"h2", "postgresql"})
    String database;

    @Param("100000")
    int replies;

    private BenchDatabase db;
    private CommunityEngine engine;
    private PostId thread;
    private String moreCursor;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryStore memory = new InMemoryStore();
        Worlds world = new Worlds(memory, 7, 500);
        thread = world.threads(1).get(0);
        List<PostId> ids = world.replies(thread, replies, 0.05);
        world.votes(ids, replies * 2);
        db = BenchDatabase.open(database, 4);
        JdbcStore store = JdbcStore.builder(db.dataSource()).migrate(true).build();
        List<PostId> posts = new ArrayList<>(ids.size() + 1);
        posts.add(thread);
        posts.addAll(ids);
        long start = System.nanoTime();
        WorldCopy.copy(world, memory, store, posts);
        WorldCopy.analyze(database, db.dataSource());
        System.out.printf("%ncopied %,d posts into %s in %,d ms%n", posts.size(), database,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        engine = Niche.builder().store(store).clock(world.clock).trustPolicy(Worlds.VOTING_POLICY).build();
        ThreadView expected = world.engine.posts().thread(Viewer.anonymous(), thread, TreeRequest.of(ReplySort.BEST));
        ThreadView first = firstPage();
        if (!first.equals(expected)) {
            throw new IllegalStateException("the first page on " + database + " differs from the in-memory engine's");
        }
        MoreReplies more = first.more();
        if (more == null) {
            throw new IllegalStateException("the first page showed every top-level reply; the benchmark needs a stub");
        }
        moreCursor = more.cursor();
        if (!morePage().equals(world.engine.posts().moreReplies(Viewer.anonymous(), moreCursor))) {
            throw new IllegalStateException("the more page on " + database + " differs from the in-memory engine's");
        }
    }

    @Benchmark
    public ThreadView firstPage() {
        return engine.posts().thread(Viewer.anonymous(), thread, TreeRequest.of(ReplySort.BEST));
    }

    @Benchmark
    public ReplyPage morePage() {
        return engine.posts().moreReplies(Viewer.anonymous(), moreCursor);
    }

    @TearDown(Level.Trial)
    public void drop() {
        db.close();
    }
}
