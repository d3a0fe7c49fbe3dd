package dev.niche.community.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Splits the values of an {@code IN (...)} list into chunks, so that a batch read of any size stays
 * within every database's limit on parameters per statement.
 */
final class InLists {
    static final int CHUNK = 500;

    private InLists() {}

    /** The distinct values, in chunks of at most {@link #CHUNK}. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> distinct = List.copyOf(new LinkedHashSet<>(values));
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** {@code "?, ?, ?"} for three values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
