package dev.niche.community.jdbc;

import dev.niche.community.Identifier;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Binds a prepared statement's parameters in order, in the column forms of the schema. */
final class Params {
    private final PreparedStatement statement;
    private int index;

    Params(PreparedStatement statement) {
        this.statement = statement;
    }

    Params text(String value) throws SQLException {
        statement.setString(++index, value);
        return this;
    }

    Params textOrNull(@Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(++index, Types.VARCHAR);
        } else {
            statement.setString(++index, value);
        }
        return this;
    }

    Params id(Identifier id) throws SQLException {
        return text(id.value());
    }

    Params idOrNull(@Nullable Identifier id) throws SQLException {
        return textOrNull(id == null ? null : id.value());
    }

    Params name(Enum<?> value) throws SQLException {
        return text(value.name());
    }

    Params instant(Instant value) throws SQLException {
        statement.setLong(++index, EpochNanos.of(value));
        return this;
    }

    Params instantOrNull(@Nullable Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(++index, Types.BIGINT);
            return this;
        }
        return instant(value);
    }

    Params integer(int value) throws SQLException {
        statement.setInt(++index, value);
        return this;
    }

    Params bigint(long value) throws SQLException {
        statement.setLong(++index, value);
        return this;
    }

    Params real(double value) throws SQLException {
        statement.setDouble(++index, value);
        return this;
    }

    Params bool(boolean value) throws SQLException {
        statement.setBoolean(++index, value);
        return this;
    }
}
