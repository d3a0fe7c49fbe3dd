package dev.niche.community.spi;

import java.util.Objects;

/**
 * An event as the {@link EventLog} keeps it: at the position the store gave it when it was appended.
 *
 * @param position the event's place in the log, 1 for the first event ever appended
 * @param event    the event as it was appended
 * @since 0.2
 */
public record StoredEvent(long position, EventRecord event) {
    /** Checks that the position is positive. */
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        if (position < 1) {
            throw new IllegalArgumentException("event position " + position + " must be 1 or more");
        }
    }
}
