package dev.niche.examples.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ConflictException;
import dev.niche.community.InvalidInputException;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.TransientStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The metered store")
class MeteredStoreMetricsTest {
    /** A fake clock that moves 10 ns each time it is read. */
    private final AtomicLong ticks = new AtomicLong();
    private final MeteredStore store = new MeteredStore(new InMemoryStore(), () -> ticks.addAndGet(10));

    @Nested
    @DisplayName("Counting units of work")
    class Counting {

        @Test
        @DisplayName("starts at zero")
        void empty() {
            StoreMetrics metrics = store.metrics();
            assertThat(metrics.units()).isZero();
            assertThat(metrics.reads()).isEqualTo(new UnitMetrics(0, 0, 0, 0, 0));
            assertThat(metrics.writes()).isEqualTo(new UnitMetrics(0, 0, 0, 0, 0));
        }

        @Test
        @DisplayName("counts reads and writes apart, with commits, and returns the work's result unchanged")
        void knownSequence() {
            for (int i = 0; i < 3; i++) {
                Optional<CommunityRecord> found = store.read(tx -> tx.communities().bySlug("nowhere"));
                assertThat(found).isEmpty();
            }
            String done = store.write(tx -> "done");
            Integer answer = store.write(tx -> 42);
            assertThat(done).isEqualTo("done");
            assertThat(answer).isEqualTo(42);

            StoreMetrics metrics = store.metrics();
            assertThat(metrics.reads()).isEqualTo(new UnitMetrics(3, 3, 0, 0, 30));
            assertThat(metrics.writes()).isEqualTo(new UnitMetrics(2, 2, 0, 0, 20));
            assertThat(metrics.commits()).isEqualTo(2);
            assertThat(metrics.rollbacks()).isZero();
            assertThat(metrics.units()).isEqualTo(5);
        }

        @Test
        @DisplayName("times each unit from start to end by the clock it was given")
        void time() {
            store.write(tx -> ticks.addAndGet(1_000));
            assertThat(store.metrics().writes().time()).isEqualTo(Duration.ofNanos(1_010));
        }

        @Test
        @DisplayName("counts a unit that throws as a rollback, and passes the very same exception on")
        void rollback() {
            IllegalStateException failure = new IllegalStateException("boom");
            assertThatThrownBy(() -> store.write(tx -> {
                throw failure;
            })).isSameAs(failure);
            StoreMetrics metrics = store.metrics();
            assertThat(metrics.writes()).isEqualTo(new UnitMetrics(1, 0, 1, 0, 10));
            assertThat(metrics.rollbacks()).isEqualTo(1);
            assertThat(metrics.commits()).isZero();
        }

        @Test
        @DisplayName("counts transient failures among the failures")
        void transientFailure() {
            assertThatThrownBy(() -> store.read(tx -> {
                throw new TransientStoreException("deadlock", new RuntimeException());
            })).isInstanceOf(TransientStoreException.class);
            assertThat(store.metrics().reads()).isEqualTo(new UnitMetrics(1, 0, 1, 1, 10));
        }

        @Test
        @DisplayName("counts a nested call that the store below refuses as a failure of its own")
        void nested() {
            assertThatThrownBy(() -> store.write(tx -> store.read(inner -> 1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.metrics().reads()).extracting(UnitMetrics::started, UnitMetrics::failed).containsExactly(1L, 1L);
            assertThat(store.metrics().writes()).extracting(UnitMetrics::started, UnitMetrics::failed).containsExactly(1L, 1L);
        }
    }

    @Nested
    @DisplayName("Under the engine")
    class UnderTheEngine {
        private final CommunityEngine engine = Niche.builder().store(store).build();

        @Test
        @DisplayName("sees one commit per command, and a rollback for a command its rules refuse")
        void commands() {
            engine.identities().register(AccountId.of("user-1"), new RegisterPseudonym("calm_pilot"));
            engine.identities().register(AccountId.of("user-2"), new RegisterPseudonym("rye_not"));
            assertThatThrownBy(() -> engine.identities().register(AccountId.of("user-3"), new RegisterPseudonym("CALM_pilot")))
                    .isInstanceOf(ConflictException.class);

            StoreMetrics metrics = store.metrics();
            assertThat(metrics.commits()).isEqualTo(2);
            assertThat(metrics.rollbacks()).isEqualTo(1);
        }

        @Test
        @DisplayName("sees one read when the engine is built, nothing of a command that bean validation refuses, and one read per query")
        void validationAndQueries() {
            // build() reads once, to check that the store keeps an event log.
            assertThat(store.metrics().units()).isEqualTo(1);
            assertThatThrownBy(() -> engine.identities().register(AccountId.of("user-1"), new RegisterPseudonym("x")))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(store.metrics().units()).isEqualTo(1);

            engine.identities().findByHandle("nobody");
            assertThat(store.metrics().reads().succeeded()).isEqualTo(2);
            assertThat(store.metrics().writes().started()).isZero();
        }
    }

    @Nested
    @DisplayName("Under concurrency")
    class Concurrency {

        /** A clock per thread, each moving 10 ns a reading, so that each unit takes 10 ns whatever the interleaving. */
        private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);
        private final MeteredStore store = new MeteredStore(new InMemoryStore(), () -> perThread.get()[0] += 10);

        @Test
        @DisplayName("counts every unit of 8 racing threads exactly, and adds up their time exactly")
        void exactCounts() throws Exception {
            int threads = 8;
            int perThread = 2_000;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            store.read(tx -> 1);
                            if (i % 4 == 0) {
                                try {
                                    store.write(tx -> {
                                        throw new IllegalArgumentException("refused");
                                    });
                                } catch (IllegalArgumentException expected) {
                                    // counted as a rollback
                                }
                            } else {
                                store.write(tx -> 1);
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : done) {
                    future.get(1, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            StoreMetrics metrics = store.metrics();
            long all = (long) threads * perThread;
            assertThat(metrics.reads()).isEqualTo(new UnitMetrics(all, all, 0, 0, all * 10));
            assertThat(metrics.writes()).isEqualTo(new UnitMetrics(all, all * 3 / 4, all / 4, 0, all * 10));
        }
    }

    @Nested
    @DisplayName("Snapshots")
    class Snapshots {

        @Test
        @DisplayName("do not change when the store goes on working")
        void immutable() {
            store.write(tx -> 1);
            StoreMetrics before = store.metrics();
            store.write(tx -> 1);
            assertThat(before.commits()).isEqualTo(1);
            assertThat(store.metrics().commits()).isEqualTo(2);
        }

        @Test
        @DisplayName("refuse figures that contradict each other")
        void consistent() {
            assertThatThrownBy(() -> new UnitMetrics(1, 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("contradict");
            assertThatThrownBy(() -> new UnitMetrics(1, 0, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new UnitMetrics(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
