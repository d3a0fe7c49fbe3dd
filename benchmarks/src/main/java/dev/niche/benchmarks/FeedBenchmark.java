package dev.niche.benchmarks;

import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first HOT page (25 threads) of a community with a million threads, on the in-memory store,
 * through the engine: access checks, the index walk, authors and views. Reports latency
 * percentiles (read p0.99 in JMH's output).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx8g"})
@Threads(1)
@State(Scope.Benchmark)
public class FeedBenchmark {
    @Param("1000000")
    int threads;

    @Param("200000")
    int votes;

    private Worlds world;

    @Setup(Level.Trial)
    public void setUp() {
        world = new Worlds(new InMemoryStore(), 42, 500);
        List<PostId> ids = world.threads(threads);
        // Votes land mostly on recent threads, as they do on a live site.
        List<PostId> recentFirst = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(recentFirst);
        world.votes(recentFirst, votes);
    }

    @Benchmark
    public Page<PostView> firstHotPage() {
        return world.engine.posts().threads(Viewer.anonymous(), world.community, ThreadOrder.HOT, PageRequest.first(25));
    }
}
