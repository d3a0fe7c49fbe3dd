package dev.niche.community.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The current row of a result, read column by column in the order of the SELECT, in the column
 * forms of the schema: the mirror of {@link Params}. Reading by position spares the driver a lookup
 * by column name for every value, which on H2 cost more than some whole queries.
 */
final class Row {
    private final ResultSet result;
    private int index;

    Row(ResultSet result) {
        this.result = result;
    }

    /** Moves to the next row and back to its first column; returns whether there was a row. */
    boolean next() throws SQLException {
        index = 0;
        return result.next();
    }

    /** Whether the next column, which this does not read, is null: say, the far side of an outer join. */
    boolean nextIsNull() throws SQLException {
        return result.getObject(index + 1) == null;
    }

    /** Passes over the next {@code columns} columns without reading them. */
    void skip(int columns) {
        index += columns;
    }

    String text() throws SQLException {
        String value = result.getString(++index);
        if (value == null) {
            throw new IllegalStateException("column " + index + " of the row is null, though the schema forbids it");
        }
        return value;
    }

    @Nullable String textOrNull() throws SQLException {
        return result.getString(++index);
    }

    int integer() throws SQLException {
        return result.getInt(++index);
    }

    long bigint() throws SQLException {
        return result.getLong(++index);
    }

    double real() throws SQLException {
        return result.getDouble(++index);
    }

    boolean bool() throws SQLException {
        return result.getBoolean(++index);
    }

    Instant instant() throws SQLException {
        return EpochNanos.toInstant(bigint());
    }

    @Nullable Instant instantOrNull() throws SQLException {
        long nanos = bigint();
        return result.wasNull() ? null : EpochNanos.toInstant(nanos);
    }

    <E extends Enum<E>> E name(Class<E> type) throws SQLException {
        return Enum.valueOf(type, text());
    }
}
