package dev.niche.community.event;

import dev.niche.community.InvalidInputException;

/**
 * Where a reader of the {@link EventFeed} stands: the position of the last event it has read. A host
 * keeps it (as the number {@link #position()}) and resumes from it, on any node, after a restart.
 *
 * <pre>{@code
 * FeedCursor cursor = FeedCursor.of(savedPosition);
 * FeedPage page = engine.events().after(cursor, 500);
 * page.entries().forEach(entry -> index(entry.event()));
 * save(page.next().position());
 * }</pre>
 *
 * @param position the position of the last event read; 0 before the first event ever appended
 * @since 0.2
 */
public record FeedCursor(long position) {
    /** Before the first event ever appended: reading from it fails once that event was pruned. */
    public static final FeedCursor START = new FeedCursor(0);

    /**
     * Checks the position.
     *
     * @throws InvalidInputException if {@code position} is negative
     */
    public FeedCursor {
        if (position < 0) {
            throw InvalidInputException.of("cursor", "feed cursor " + position + " must be 0 or more");
        }
    }

    /**
     * The cursor after the event at {@code position}.
     *
     * @throws InvalidInputException if {@code position} is negative
     */
    public static FeedCursor of(long position) {
        return new FeedCursor(position);
    }
}
