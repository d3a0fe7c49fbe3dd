package dev.niche.community.jdbc;

import dev.niche.community.spi.UniqueKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of one unit of work, on its one connection. Every statement is prepared, every
 * failure is translated by {@link ErrorTranslator}, and nothing runs once the unit has ended.
 */
final class Session {
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    /** Binds one statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(Params params) throws SQLException;
    }

    /** Maps the current row of a result, reading its columns in the order of the SELECT. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final ErrorTranslator errors;
    private final boolean readOnly;
    private boolean ended;

    Session(Connection connection, Dialect dialect, ErrorTranslator errors, boolean readOnly) {
        this.connection = connection;
        this.dialect = dialect;
        this.errors = errors;
        this.readOnly = readOnly;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs a statement that changes rows and returns how many it changed. */
    int update(String operation, String sql, Binder binder) {
        return execute(operation, sql, binder, null);
    }

    /** Runs a statement that changes rows and returns rows, such as an {@code UPDATE ... RETURNING}. */
    <T> List<T> updateReturning(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        requireWritable(operation);
        return query(operation, sql, binder, mapper);
    }

    /** Runs an insert; a unique violation of the table's primary key means {@code primaryKey}. */
    void insert(String operation, String sql, Binder binder, UniqueKey primaryKey) {
        execute(operation, sql, binder, primaryKey);
    }

    /** Runs one statement for each binder, as a batch. */
    void batch(String operation, String sql, List<Binder> binders) {
        requireWritable(operation);
        if (binders.isEmpty()) {
            return;
        }
        log.debug("{}: {} ({} rows)", operation, sql, binders.size());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Binder binder : binders) {
                binder.bind(new Params(statement));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
    }

    <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        requireOpen(operation);
        log.debug("{}: {}", operation, sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                Row row = new Row(rows);
                while (row.next()) {
                    result.add(mapper.map(row));
                }
                return result;
            }
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
    }

    <T> Optional<T> queryOne(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(operation, sql, binder, mapper);
        if (rows.size() > 1) {
            throw new IllegalStateException("could not " + operation + ": expected at most one row, found " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /** Whether this unit of work may write. */
    boolean readOnly() {
        return readOnly;
    }

    /** @throws IllegalStateException in a read-only unit of work */
    void requireWritable(String operation) {
        requireOpen(operation);
        if (readOnly) {
            throw new IllegalStateException("cannot " + operation + " in a read-only unit of work; use write instead of read");
        }
    }

    /** Ends the session: every later statement is refused. */
    void end() {
        ended = true;
    }

    private int execute(String operation, String sql, Binder binder, @Nullable UniqueKey primaryKey) {
        requireWritable(operation);
        log.debug("{}: {}", operation, sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw errors.translate(operation, e, primaryKey);
        }
    }

    /** @throws IllegalStateException once the unit of work has ended */
    void requireOpen(String operation) {
        if (ended) {
            throw new IllegalStateException("cannot " + operation + ": the unit of work this table belongs to has ended");
        }
    }
}
