package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The event log on each database: what the kit cannot ask of a store with one global lock. */
@DisplayName("The event log prunes without the head's lock")
class EventLogTest extends OnEveryDatabase {
    /** A bound for a deadlock, not a measurement. */
    private static final long HANG_LIMIT_SECONDS = 60;

    private static EventRecord event() {
        return new EventRecord(UUID.randomUUID().toString(), "TestEvent", 1, null, Instant.parse("2031-03-01T09:00:00Z"),
                "{}");
    }

    @Test
    @DisplayName("a prune completes while another unit of work has appended and not yet committed, holding the head")
    void pruneDoesNotWaitForTheHead() throws Exception {
        long before = store().write(tx -> {
            tx.events().append(List.of(event(), event(), event()));
            return tx.events().latestPosition();
        });
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> holder = threads.submit(() -> store().write(tx -> {
                tx.events().append(List.of(event()));
                long latest = tx.events().latestPosition(); // a query: on PostgreSQL it sends the append first
                appended.countDown();
                try {
                    release.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return latest;
            }));
            assertThat(appended.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS)).as("the holder appended").isTrue();

            Future<Integer> prune = threads.submit(() -> store().write(tx -> tx.events().prune(before - 1)));
            int pruned = prune.get(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);

            assertThat(holder.isDone()).as("the appending unit is still open while the prune finished").isFalse();
            release.countDown();
            assertThat(holder.get(HANG_LIMIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(before + 1);
            assertThat(pruned).isEqualTo((int) (before - 1));
            List<StoredEvent> left = store().read(tx -> tx.events().after(0, 100));
            assertThat(left).extracting(StoredEvent::position).containsExactly(before, before + 1);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
