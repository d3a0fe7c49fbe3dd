package dev.niche.benchmarks;

import dev.niche.community.Viewer;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
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
 * A thread of 100,000 replies on the in-memory store: the first page (200 replies, BEST, depth 10)
 * and a "more" page loaded from the first page's top-level stub.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx4g"})
@Threads(1)
@State(Scope.Benchmark)
public class ReplyTreeBenchmark {
    @Param("100000")
    int replies;

    private Worlds world;
    private PostId thread;
    private String moreCursor;

    @Setup(Level.Trial)
    public void setUp() {
        world = new Worlds(new InMemoryStore(), 7, 500);
        thread = world.threads(1).get(0);
        List<PostId> ids = world.replies(thread, replies, 0.05);
        world.votes(ids, replies * 2);
        ThreadView first = firstPage();
        MoreReplies more = first.more();
        if (more == null) {
            throw new IllegalStateException("the first page showed every top-level reply; the benchmark needs a stub");
        }
        moreCursor = more.cursor();
    }

    @Benchmark
    public ThreadView firstPage() {
        return world.engine.posts().thread(Viewer.anonymous(), thread, TreeRequest.of(ReplySort.BEST));
    }

    @Benchmark
    public ReplyPage morePage() {
        return world.engine.posts().moreReplies(Viewer.anonymous(), moreCursor);
    }
}
