package dev.niche.community.inmemory;

import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The event log: events by position, and the head, the latest position ever given. The store's one
 * write lock serialises appends, which therefore take positions in commit order with no gap.
 */
final class EventRows {
    private final TreeMap<Long, StoredEvent> byPosition = new TreeMap<>();
    private long latest;

    EventLog table(UnitOfWork unit) {
        return new View(unit);
    }

    private final class View implements EventLog {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void append(List<EventRecord> events) {
            unit.checkWritable();
            long before = latest;
            for (EventRecord event : events) {
                StoredEvent stored = new StoredEvent(latest + 1, event);
                byPosition.put(stored.position(), stored);
                latest = stored.position();
            }
            unit.onUndo(() -> {
                byPosition.tailMap(before, false).clear();
                latest = before;
            });
        }

        @Override
        public List<StoredEvent> after(long position, int limit) {
            unit.checkOpen();
            if (limit < 1) {
                throw new IllegalArgumentException("limit " + limit + " must be 1 or more");
            }
            List<StoredEvent> page = new ArrayList<>(Math.min(limit, 64));
            for (StoredEvent event : byPosition.tailMap(position, false).values()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(event);
            }
            return page;
        }

        @Override
        public long latestPosition() {
            unit.checkOpen();
            return latest;
        }

        @Override
        public OptionalLong oldestPosition() {
            unit.checkOpen();
            return byPosition.isEmpty() ? OptionalLong.empty() : OptionalLong.of(byPosition.firstKey());
        }

        @Override
        public int prune(long throughPosition) {
            unit.checkWritable();
            Map<Long, StoredEvent> gone = byPosition.headMap(throughPosition, true);
            List<StoredEvent> removed = new ArrayList<>(gone.values());
            gone.clear();
            unit.onUndo(() -> removed.forEach(event -> byPosition.put(event.position(), event)));
            return removed.size();
        }
    }
}
