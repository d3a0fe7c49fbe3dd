package dev.niche.benchmarks;

import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.post.PostId;
import java.util.List;

/**
 * Measures the in-memory store's heap per thread and per vote: builds a seeded world through the
 * engine and compares the live heap, after full collections, before and after each step.
 *
 * <p>Run: {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.niche.benchmarks.MemoryFootprint [threads] [votes]}
 */
public final class MemoryFootprint {
    private MemoryFootprint() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int votes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        InMemoryStore store = new InMemoryStore();
        Worlds world = new Worlds(store, 1, 2_000);
        long base = liveHeap();
        List<PostId> ids = world.threads(threads);
        long afterThreads = liveHeap();
        world.votes(ids, votes);
        long afterVotes = liveHeap();
        System.out.printf("threads: %,d, bytes per thread: %,d%n", threads, (afterThreads - base) / threads);
        long rows = 0;
        for (PostId id : ids) {
            var tally = store.read(tx -> tx.votes().tally(id));
            rows += tally.ups() + tally.downs();
        }
        // Votes that change an account's earlier vote replace its row rather than adding one.
        System.out.printf("votes cast: %,d, vote rows kept: %,d, bytes per vote row: %,d%n",
                votes, rows, (afterVotes - afterThreads) / Math.max(rows, 1));
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = runtime.totalMemory() - runtime.freeMemory();
            if (Math.abs(previous - used) < 1 << 20) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
