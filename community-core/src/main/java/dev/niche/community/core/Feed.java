package dev.niche.community.core;

import dev.niche.community.InvalidInputException;
import dev.niche.community.NotFoundException;
import dev.niche.community.event.EventFeed;
import dev.niche.community.event.FeedCursor;
import dev.niche.community.event.FeedEntry;
import dev.niche.community.event.FeedPage;
import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoredEvent;
import dev.niche.community.spi.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The event feed over the store's {@link EventLog}: pages decoded by {@link EventCodec}, cursors
 * checked against the log's dense positions, and retention applied in batches.
 *
 * <p>Positions are dense, so a cursor is still whole exactly when the first event after it sits at
 * the next position, or, when none does, when the cursor is at the latest position: anything else
 * means that retention removed what came next, and the reader hears so rather than jumping.
 */
final class Feed implements EventFeed {
    /** The most events one prune deletes in one unit of work. */
    static final int PRUNE_BATCH = 1000;

    private final UnitOfWork work;
    private final Clock clock;
    private final Retention retention;

    Feed(UnitOfWork work, Clock clock, Retention retention) {
        this.work = work;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public FeedPage after(FeedCursor cursor, int limit) {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.of("limit", "feed page limit " + limit + " must be between 1 and " + MAX_PAGE);
        }
        long position = cursor.position();
        List<StoredEvent> found = work.query("read the event feed", tx -> {
            EventLog log = tx.events();
            List<StoredEvent> events = log.after(position, limit);
            if (events.isEmpty() || events.get(0).position() != position + 1) {
                requireWhole(log, position, events.isEmpty());
            }
            return events;
        });
        List<FeedEntry> entries = new ArrayList<>(found.size());
        for (StoredEvent stored : found) {
            EventRecord event = stored.event();
            entries.add(new FeedEntry(stored.position(), event.id(), event.type(), event.version(), event.community(),
                    event.at(), EventCodec.decode(event)));
        }
        FeedCursor next = found.isEmpty() ? cursor : FeedCursor.of(found.get(found.size() - 1).position());
        return new FeedPage(entries, next);
    }

    private static void requireWhole(EventLog log, long position, boolean nothingAfter) {
        long latest = log.latestPosition();
        if (position > latest) {
            throw InvalidInputException.of("cursor", "feed cursor " + position + " lies beyond the latest event, at "
                    + latest + "; was it read from another database?");
        }
        if (nothingAfter && position == latest) {
            return;
        }
        OptionalLong oldest = log.oldestPosition();
        throw new NotFoundException("the events right after feed cursor " + position + " were pruned by retention"
                + (oldest.isPresent() ? "; the oldest kept is at " + oldest.getAsLong() : "; none is kept")
                + "; read again from events().oldest()");
    }

    @Override
    public FeedCursor oldest() {
        return work.query("find the oldest event", tx -> {
            EventLog log = tx.events();
            OptionalLong oldest = log.oldestPosition();
            return FeedCursor.of(oldest.isPresent() ? oldest.getAsLong() - 1 : log.latestPosition());
        });
    }

    @Override
    public FeedCursor latest() {
        return work.query("find the latest event", tx -> FeedCursor.of(tx.events().latestPosition()));
    }

    @Override
    public long prune() {
        if (retention.keepsAll()) {
            return 0;
        }
        long total = 0;
        while (true) {
            Instant now = clock.instant();
            int deleted = work.command("prune the event feed", (tx, outbox) -> pruneBatch(tx, now));
            if (deleted == 0) {
                return total;
            }
            total += deleted;
        }
    }

    /** Deletes the next batch of events beyond retention, oldest first; how many it deleted. */
    private int pruneBatch(StoreTransaction tx, Instant now) {
        EventLog log = tx.events();
        OptionalLong oldest = log.oldestPosition();
        if (oldest.isEmpty()) {
            return 0;
        }
        long from = oldest.getAsLong();
        long last = from + PRUNE_BATCH - 1;
        long through = from - 1;
        if (retention.maxCount() > 0) {
            through = Math.max(through, Math.min(last, log.latestPosition() - retention.maxCount()));
        }
        Duration maxAge = retention.maxAge();
        if (maxAge != null && through < last) {
            // Events go oldest position first, so the age limit removes the longest run of old events
            // from the start: an event whose clock ran behind waits for the ones before it.
            Instant cutoff = now.minus(maxAge);
            for (StoredEvent stored : log.after(through, (int) (last - through))) {
                if (!stored.event().at().isBefore(cutoff)) {
                    break;
                }
                through = stored.position();
            }
        }
        return through < from ? 0 : log.prune(through);
    }
}
