package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/** Runs work on several real threads released at one instant, and judges how it ended. */
final class Race {
    /** How many threads race in a rule. */
    static final int THREADS = 8;

    /** A bound for a hung store, not a measurement: no rule asserts on how long work took. */
    private static final long HANG_LIMIT_SECONDS = 120;

    private Race() {}

    /** The indexes of the racing threads, 0 to {@link #THREADS} exclusive. */
    static IntStream range() {
        return IntStream.range(0, THREADS);
    }

    /**
     * How one thread's work ended: with a value (perhaps null) or a failure.
     *
     * @param value   what the work returned, or null
     * @param failure what it threw, or null if it returned
     */
    record Outcome<T>(@Nullable T value, @Nullable Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Runs {@code work} on {@code threads} threads at once, each given its index, released together.
     *
     * @return each thread's outcome, in index order
     */
    static <T> List<Outcome<T>> run(int threads, IntFunction<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    gate.await();
                    return work.apply(index);
                }));
            }
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(outcomeOf(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> outcomeOf(Future<T> future) {
        try {
            return new Outcome<>(future.get(HANG_LIMIT_SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a racing thread did not finish within " + HANG_LIMIT_SECONDS
                    + " s; the store may be deadlocked", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a racing thread", e);
        }
    }

    /**
     * Runs {@code work} on another thread and waits for it, for work that must not run inside the
     * caller's unit of work.
     */
    static <T> @Nullable T elsewhere(Callable<T> work) {
        List<Outcome<T>> outcomes = run(1, i -> {
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertAllSucceeded(outcomes);
        return outcomes.get(0).value();
    }

    /** Checks that every thread's work returned. */
    static <T> void assertAllSucceeded(List<Outcome<T>> outcomes) {
        for (Outcome<T> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new AssertionError("a racing thread failed: " + outcome.failure(), outcome.failure());
            }
        }
    }

    /**
     * Checks that exactly one thread's work returned and that every other one was refused with a
     * {@link DuplicateKeyException} on {@code key}.
     *
     * @return the index of the winning thread
     */
    static <T> int assertOneWinner(List<Outcome<T>> outcomes, UniqueKey key) {
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<T> outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                winners.add(i);
            } else {
                assertThat(outcome.failure()).as("the failure of racing thread %d", i)
                        .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo(key));
            }
        }
        assertThat(winners).as("the racing threads whose work was kept").hasSize(1);
        return winners.get(0);
    }
}
