package dev.niche.examples.simulation;

import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.EventListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event the engine published, in order. The moderation log, the brand's advocates and the
 * active members of the health summary are read from here: these are the engine's own facts, as a
 * host would receive them.
 */
final class EventLog implements EventListener {
    private final List<CommunityEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(CommunityEvent event) {
        events.add(event);
    }

    /** The events so far, in the order the engine published them. */
    synchronized List<CommunityEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type so far, in order. */
    synchronized <E extends CommunityEvent> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
