package dev.niche.community.jdbc;

import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import java.sql.SQLException;

/**
 * The column of {@code niche_posts} that a listing sorts by, and how the value of a
 * {@link dev.niche.community.spi.SortKey} becomes bounds on it. Each listing walks an index on
 * {@code (list, column, id)} from a keyset predicate with three bounds, the first repeating what
 * the rest imply so that every database starts the index scan there:
 * {@code k <= ? AND (k < ? OR (k = ? AND id < ?))}, mirrored for ascending order.
 */
enum SortColumn {
    HOT("hot", Scale.REAL),
    BEST("best", Scale.REAL),
    CONTROVERSY("controversy", Scale.REAL),
    SCORE("score", Scale.WHOLE),
    CREATED("created_ns", Scale.MICROS_AS_NANOS);

    /** How a key's value (always a double) relates to the column's values. */
    private enum Scale {
        /** The column holds the very doubles the keys hold. */
        REAL,
        /** The column holds integers; a key between two of them is moved to the right side. */
        WHOLE,
        /** The column holds nanoseconds and the key microseconds, whole ones for the engine's instants. */
        MICROS_AS_NANOS
    }

    private final String column;
    private final Scale scale;

    SortColumn(String column, Scale scale) {
        this.column = column;
        this.scale = scale;
    }

    static SortColumn of(ThreadSort sort) {
        return switch (sort) {
            case HOT -> HOT;
            case NEW -> CREATED;
            case TOP -> SCORE;
            case CONTROVERSIAL -> CONTROVERSY;
        };
    }

    static SortColumn of(ReplySort sort) {
        return switch (sort) {
            case BEST -> BEST;
            case TOP -> SCORE;
            case NEW, OLD -> CREATED;
            case CONTROVERSIAL -> CONTROVERSY;
        };
    }

    /** The keyset predicate for rows strictly after a key, with four parameters: three bounds and the id. */
    String after(boolean descending) {
        String range = descending ? " <= ?" : " >= ?";
        String strict = descending ? " < ?" : " > ?";
        return column + range + " AND (" + column + strict + " OR (" + column + " = ? AND id" + strict + "))";
    }

    /** The order, after {@code leading} columns that the WHERE clause fixes and the index starts with. */
    String orderBy(String leading, boolean descending) {
        String direction = descending ? " DESC" : "";
        return " ORDER BY " + leading + column + direction + ", id" + direction;
    }

    /**
     * Binds the three bounds of {@link #after} for a key's value. An integer column compares with
     * integers, so that the database uses its index; a value between two integers (a position no
     * row holds) becomes the integer on the far side of it as the strict and equal bounds, and the
     * near one as the range bound, which together exclude the equal case.
     */
    void bindBounds(Params params, double value, boolean descending) throws SQLException {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("sort key value NaN is not a position in a listing by " + column);
        }
        if (scale == Scale.REAL) {
            params.real(value).real(value).real(value);
            return;
        }
        long floor = (long) Math.floor(value);
        long ceil = (long) Math.ceil(value);
        long range = descending ? floor : ceil;
        long beyond = descending ? ceil : floor;
        if (scale == Scale.WHOLE) {
            params.bigint(range).bigint(beyond).bigint(beyond);
        } else {
            params.bigint(nanos(range)).bigint(nanos(beyond)).bigint(nanos(beyond));
        }
    }

    /** Microseconds as nanoseconds, held at the ends of the BIGINT range rather than overflowing. */
    private static long nanos(long micros) {
        if (micros > Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        if (micros < Long.MIN_VALUE / 1000) {
            return Long.MIN_VALUE;
        }
        return micros * 1000;
    }
}
