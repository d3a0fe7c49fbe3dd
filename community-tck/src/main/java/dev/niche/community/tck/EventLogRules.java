package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.AccountId;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.NicheException;
import dev.niche.community.core.Niche;
import dev.niche.community.event.FeedCursor;
import dev.niche.community.event.FeedEntry;
import dev.niche.community.event.FeedPage;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoredEvent;
import dev.niche.community.spi.UniqueKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.EventLog}: dense positions in commit order, in the unit of work, and pruning. */
abstract class EventLogRules extends RuleFamily {
    /** Units of work each racing writer appends. */
    private static final int UNITS_PER_WRITER = 25;

    EventLogRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    private static EventRecord event(String id) {
        return new EventRecord(id, "KitEvent", 1, null, Rows.T0, "{\"n\":\"" + id + "\"}");
    }

    private static List<EventRecord> events(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> event(prefix + "-" + i)).toList();
    }

    private List<StoredEvent> everything() {
        return after(0, 100_000);
    }

    private long latest() {
        return store().read(tx -> tx.events().latestPosition());
    }

    private OptionalLong oldest() {
        return store().read(tx -> tx.events().oldestPosition());
    }

    private List<StoredEvent> after(long position, int limit) {
        return store().read(tx -> tx.events().after(position, limit));
    }

    private int prune(long through) {
        return write(tx -> tx.events().prune(through));
    }

    private static List<String> ids(List<StoredEvent> events) {
        return events.stream().map(stored -> stored.event().id()).toList();
    }

    /**
     * If this test fails, check that an append continues at the head (latest position + 1), gives
     * each event of the list the next position in order, and that {@code after} is exclusive, in
     * position order, and stops at its limit.
     */
    @Test
    @DisplayName("appends take dense positions from 1 in their order, and after() pages exclusively in position order")
    void densePositions() {
        assertThat(latest()).isZero();
        assertThat(oldest()).isEmpty();
        List<EventRecord> first = events("a", 3);
        List<EventRecord> second = events("b", 2);
        given(tx -> tx.events().append(first));
        given(tx -> tx.events().append(second));

        List<StoredEvent> all = everything();
        assertThat(all).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        List<EventRecord> appended = new ArrayList<>(first);
        appended.addAll(second);
        assertThat(all).extracting(StoredEvent::event).containsExactlyElementsOf(appended);
        assertThat(after(2, 2)).extracting(StoredEvent::position).containsExactly(3L, 4L);
        assertThat(after(5, 10)).isEmpty();
        assertThat(latest()).isEqualTo(5);
        assertThat(oldest()).hasValue(1);
    }

    /**
     * If this test fails, check that events and the head are written in the unit of work's own
     * transaction, so that a rollback undoes both, and that a unit sees its own append.
     */
    @Test
    @DisplayName("an append is in the unit of work: seen by the unit itself, gone with its rollback, and its positions reused")
    void inTheUnitOfWork() {
        given(tx -> tx.events().append(events("kept", 1)));
        PseudonymRecord taken = Rows.pseudonym(Rows.account(), "taken");
        given(tx -> tx.pseudonyms().insert(taken));

        Throwable failure = catchThrowable(() -> write(tx -> {
            EventLog log = tx.events();
            log.append(events("lost", 2));
            assertThat(log.latestPosition()).as("the unit's own head").isEqualTo(3);
            assertThat(log.after(1, 10)).as("the unit's own events").extracting(StoredEvent::position).containsExactly(2L, 3L);
            tx.pseudonyms().insert(Rows.pseudonym(Rows.account(), "TAKEN"));
            return Boolean.TRUE;
        }));

        assertThat(failure).isInstanceOfSatisfying(DuplicateKeyException.class,
                e -> assertThat(e.key()).isEqualTo(UniqueKey.PSEUDONYM_HANDLE));
        assertThat(latest()).as("the head after the rollback").isEqualTo(1);
        assertThat(ids(everything())).containsExactly("kept-0");
        given(tx -> tx.events().append(events("next", 1)));
        assertThat(everything()).extracting(StoredEvent::position).containsExactly(1L, 2L);
    }

    /**
     * If this test fails, check that every append locks the log's head until its unit commits (a
     * sequence or identity column does not: positions then commit out of order, and a reader skips
     * the late ones), and that a reader sees only committed events.
     */
    @Test
    @DisplayName("under 8 concurrent writers every event is kept once at dense positions, and a concurrent reader never finds one behind what it read")
    void concurrentWriters() {
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> readerFaults = new ConcurrentLinkedQueue<>();
        List<String> read = new ArrayList<>();
        Thread reader = new Thread(() -> {
            long seen = 0;
            boolean last = false;
            while (!last && readerFaults.isEmpty()) {
                last = !writing.get();
                while (true) {
                    List<StoredEvent> page = after(seen, 50);
                    if (page.isEmpty()) {
                        break;
                    }
                    for (StoredEvent stored : page) {
                        if (stored.position() != seen + 1) {
                            readerFaults.add("after reading position " + seen + " the reader found " + stored.position());
                        }
                        seen = stored.position();
                        read.add(stored.event().id());
                    }
                }
            }
        }, "kit-event-reader");
        reader.start();
        List<Race.Outcome<Boolean>> outcomes;
        try {
            outcomes = Race.run(Race.THREADS, writer -> {
                for (int unit = 0; unit < UNITS_PER_WRITER; unit++) {
                    List<EventRecord> batch = events("w" + writer + "-u" + unit, 1 + (writer + unit) % 3);
                    writeRetrying(tx -> {
                        tx.events().append(batch);
                        return Boolean.TRUE;
                    });
                }
                return Boolean.TRUE;
            });
        } finally {
            writing.set(false);
        }
        try {
            reader.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the reader", e);
        }
        Race.assertAllSucceeded(outcomes);
        assertThat(reader.isAlive()).as("the reader finished").isFalse();
        assertThat(readerFaults).as("what the concurrent reader found out of order").isEmpty();

        List<String> expected = new ArrayList<>();
        for (int writer = 0; writer < Race.THREADS; writer++) {
            for (int unit = 0; unit < UNITS_PER_WRITER; unit++) {
                events("w" + writer + "-u" + unit, 1 + (writer + unit) % 3).forEach(e -> expected.add(e.id()));
            }
        }
        List<StoredEvent> all = everything();
        assertThat(all).extracting(StoredEvent::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected.size()).boxed().toList());
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).as("what the concurrent reader read, in order").containsExactlyElementsOf(ids(all));
        assertThat(latest()).isEqualTo(expected.size());
        // Each unit's events stay together and in their order.
        for (int i = 0; i < all.size(); ) {
            String id = all.get(i).event().id();
            String unit = id.substring(0, id.lastIndexOf('-'));
            int size = (int) expected.stream().filter(e -> e.startsWith(unit + "-")).count();
            assertThat(ids(all.subList(i, i + size))).as("the events of unit %s", unit)
                    .containsExactlyElementsOf(events(unit, size).stream().map(EventRecord::id).toList());
            i += size;
        }
    }

    /**
     * If this test fails, check that {@code prune} deletes exactly the events at or below the
     * position, returns how many, and leaves the head alone.
     */
    @Test
    @DisplayName("prune deletes the oldest events through a position, and the head goes on from where it was")
    void prune() {
        given(tx -> tx.events().append(events("e", 10)));

        assertThat(prune(4)).isEqualTo(4);
        assertThat(oldest()).hasValue(5);
        assertThat(latest()).isEqualTo(10);
        assertThat(everything()).extracting(StoredEvent::position).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(prune(4)).isZero();

        assertThat(prune(10)).isEqualTo(6);
        assertThat(oldest()).isEmpty();
        assertThat(latest()).isEqualTo(10);
        given(tx -> tx.events().append(events("f", 1)));
        assertThat(everything()).extracting(StoredEvent::position).containsExactly(11L);
    }

    /**
     * If this test fails, check {@code oldestPosition} and {@code latestPosition} after a prune:
     * the engine tells a reader whose next event was pruned by finding that the first event after
     * its cursor is not at the next position.
     */
    @Test
    @DisplayName("after retention pruned, a cursor before the oldest event is NOT_FOUND, never a silent jump, and oldest() resumes")
    void retention() {
        CommunityEngine engine = Niche.builder().store(store()).eventRetentionCount(2).build();
        for (int i = 0; i < 5; i++) {
            AccountId account = Rows.account();
            engine.identities().register(account, new RegisterPseudonym("kept" + i));
        }
        assertThat(engine.events().prune()).isEqualTo(3);

        Throwable stale = catchThrowable(() -> engine.events().after(FeedCursor.of(2), 10));
        assertThat(stale).isInstanceOfSatisfying(NicheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("pruned");
        assertThat(catchThrowable(() -> engine.events().after(FeedCursor.START, 10))).isInstanceOf(NicheException.class);

        FeedCursor oldest = engine.events().oldest();
        assertThat(oldest.position()).isEqualTo(3);
        FeedPage page = engine.events().after(oldest, 10);
        assertThat(page.entries()).extracting(FeedEntry::position).containsExactly(4L, 5L);
        assertThat(page.next()).isEqualTo(engine.events().latest());
        assertThat(engine.events().after(page.next(), 10).entries()).isEmpty();
        Set<String> handles = new HashSet<>();
        page.entries().forEach(entry -> handles.add(entry.type()));
        assertThat(handles).containsExactly("PseudonymRegistered");
    }
}
