package dev.niche.community.tck;

import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The reference store's event log: events by position, and the head; the store's one lock orders appends. */
final class ReferenceEvents implements EventLog {
    private final ReferenceData data;

    ReferenceEvents(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void append(List<EventRecord> events) {
        for (EventRecord event : events) {
            data.latestEvent++;
            data.events.put(data.latestEvent, new StoredEvent(data.latestEvent, event));
        }
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return data.events.tailMap(position, false).values().stream().limit(limit).toList();
    }

    @Override
    public long latestPosition() {
        return data.latestEvent;
    }

    @Override
    public OptionalLong oldestPosition() {
        return data.events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(data.events.firstKey());
    }

    @Override
    public int prune(long throughPosition) {
        List<Long> gone = new ArrayList<>(data.events.headMap(throughPosition, true).keySet());
        gone.forEach(data.events::remove);
        return gone.size();
    }
}
