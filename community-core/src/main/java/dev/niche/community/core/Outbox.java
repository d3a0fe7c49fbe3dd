package dev.niche.community.core;

import dev.niche.community.event.CommunityEvent;
import java.util.ArrayList;
import java.util.List;

/** The events one attempt of a command produced, held back until it commits. */
final class Outbox {
    private final List<CommunityEvent> events = new ArrayList<>(2);

    void add(CommunityEvent event) {
        events.add(event);
    }

    List<CommunityEvent> events() {
        return events;
    }
}
