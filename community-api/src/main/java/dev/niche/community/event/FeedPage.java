package dev.niche.community.event;

import java.util.List;
import java.util.Objects;

/**
 * A page of the {@link EventFeed}: its entries in position order, and the cursor to read on from.
 *
 * @param entries the events after the cursor asked for, in position order; empty when the reader
 *                has caught up
 * @param next    the cursor after the last entry, or the cursor asked for when there was none
 * @since 0.2
 */
public record FeedPage(List<FeedEntry> entries, FeedCursor next) {
    /** Copies the entries. */
    public FeedPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
