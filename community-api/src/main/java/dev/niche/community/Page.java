package dev.niche.community;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, in the listing's order, with the cursor of the next page if there is one.
 * Cursors are opaque, reveal no account, and are rejected with INVALID_INPUT when tampered with or
 * passed to another listing.
 *
 * @param items      the page's items
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** The cursor of the next page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /** Whether a next page exists. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
