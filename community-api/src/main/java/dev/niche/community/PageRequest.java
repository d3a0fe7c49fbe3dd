package dev.niche.community;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Asks for one page of a listing: the first, or the one after a cursor that an earlier
 * {@link Page} returned.
 *
 * <pre>{@code
 * Page<PostView> first = engine.posts().threads(viewer, community, PageRequest.first(25));
 * Page<PostView> second = engine.posts().threads(viewer, community,
 *         PageRequest.after(first.next().orElseThrow(), 25));
 * }</pre>
 *
 * @param cursor the opaque cursor of the page before, or {@code null} for the first page
 * @param size   how many items at most: 1 to {@value #MAX_SIZE}
 */
public record PageRequest(@Nullable String cursor, int size) {
    /** The largest page size accepted. */
    public static final int MAX_SIZE = 100;

    /** @throws InvalidInputException if {@code size} is outside 1 to {@value #MAX_SIZE} */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", "page size " + size + " must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(null, size);
    }

    public static PageRequest after(String cursor, int size) {
        return new PageRequest(java.util.Objects.requireNonNull(cursor, "cursor"), size);
    }

    /** The cursor, if this asks for a page after the first. */
    public Optional<String> after() {
        return Optional.ofNullable(cursor);
    }
}
