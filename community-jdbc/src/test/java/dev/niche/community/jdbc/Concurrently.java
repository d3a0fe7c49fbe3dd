package dev.niche.community.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a task on several real threads that start together behind a gate. */
final class Concurrently {
    static final int THREADS = 8;

    /** One thread's task, given its number. */
    @FunctionalInterface
    interface Task<T> {
        T run(int thread) throws Exception;
    }

    private Concurrently() {}

    /** Runs {@code task} on {@link #THREADS} threads at once and returns each one's result or failure, in order. */
    static <T> List<Object> run(Task<T> task) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                futures.add(executor.submit(() -> {
                    gate.await();
                    return task.run(thread);
                }));
            }
            gate.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new IllegalStateException("a thread ran for more than 60 s", e);
                }
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }
}
