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
 *
 * <p>Writes whose answer nobody waits for ({@link #write}) are held back on PostgreSQL and sent
 * together, as one prepared statement of several commands that PgJDBC pipelines in one round trip,
 * just before the unit's next statement of any other kind or its commit ({@link #flush}). Reads
 * therefore still see the unit's own writes, the writes keep their order, and a failure still
 * reaches the unit of work before it commits, translated as ever; only its stack trace points at the
 * flush. H2 runs in the process and MariaDB's driver sends several commands at once only when the
 * connection allows multiple queries, so both run each write at once.
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

    /** What a write held back must have changed: checked when it has run. */
    @FunctionalInterface
    interface Expectation {
        /** @throws RuntimeException if {@code changed} rows is not what the write needed */
        void check(int changed);

        /** No expectation: any number of rows. */
        Expectation ANY = changed -> { };
    }

    /** A write held back until the next flush. */
    private record Deferred(String operation, String sql, Binder binder, Expectation expectation) {}

    private final List<Deferred> deferred = new ArrayList<>();
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

    /**
     * Runs a statement that changes or locks rows, whose answer the caller does not need and whose
     * failure may surface at the unit's next statement or commit: held back on PostgreSQL, at once
     * elsewhere (where it must not return rows). A unique violation is named by its constraint, as
     * PostgreSQL reports it.
     */
    void write(String operation, String sql, Binder binder) {
        write(operation, sql, binder, Expectation.ANY);
    }

    /** {@link #write(String, String, Binder)}, checking what it changed once it ran. */
    void write(String operation, String sql, Binder binder, Expectation expectation) {
        requireWritable(operation);
        if (dialect != Dialect.POSTGRESQL) {
            expectation.check(execute(operation, sql, binder, null));
            return;
        }
        deferred.add(new Deferred(operation, sql, binder, expectation));
    }

    /**
     * Sends the writes held back, in their order, in one round trip; the unit of work calls it before
     * it commits, and every other statement calls it first.
     */
    void flush() {
        if (deferred.isEmpty()) {
            return;
        }
        List<Deferred> writes = List.copyOf(deferred);
        deferred.clear();
        together(writes, null, null, null, null);
    }

    /**
     * Runs the writes held back and then, when given, one query, as one prepared statement of several
     * commands: PgJDBC sends them in one round trip, and PostgreSQL runs them in order, each seeing
     * the ones before. Returns the query's rows, or none.
     */
    private <T> List<T> together(List<Deferred> writes, @Nullable String queryOperation, @Nullable String querySql, @Nullable Binder queryBinder,
            @Nullable RowMapper<T> mapper) {
        StringBuilder sql = new StringBuilder();
        StringBuilder operations = new StringBuilder();
        for (Deferred write : writes) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(write.sql());
            operations.append(operations.length() == 0 ? "" : ", ").append(write.operation());
        }
        if (querySql != null) {
            sql.append(";\n").append(querySql);
            operations.append(", then ").append(queryOperation);
        }
        String operation = operations.toString();
        log.debug("{}: {}", operation, sql);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            Params params = new Params(statement);
            for (Deferred write : writes) {
                write.binder().bind(params);
            }
            if (queryBinder != null) {
                queryBinder.bind(params);
            }
            int[] changed = new int[writes.size()];
            boolean rows = statement.execute();
            for (int i = 0; i < changed.length; i++) {
                changed[i] = rows ? -1 : statement.getUpdateCount();
                rows = statement.getMoreResults();
            }
            for (int i = 0; i < changed.length; i++) {
                writes.get(i).expectation().check(changed[i]);
            }
            List<T> result = new ArrayList<>();
            if (mapper != null) {
                if (!rows) {
                    throw new IllegalStateException("could not " + operation + ": the query returned no result");
                }
                try (ResultSet found = statement.getResultSet()) {
                    Row row = new Row(found);
                    while (row.next()) {
                        result.add(mapper.map(row));
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
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

    /**
     * Runs an insert; a unique violation of the table's primary key means {@code primaryKey}. On
     * PostgreSQL it is held back as {@link #write} holds writes.
     */
    void insert(String operation, String sql, Binder binder, UniqueKey primaryKey) {
        if (dialect == Dialect.POSTGRESQL) {
            // PostgreSQL names the violated constraint, which names the key without this hint.
            write(operation, sql, binder);
            return;
        }
        execute(operation, sql, binder, primaryKey);
    }

    /** Runs one statement for each binder, as a batch. */
    void batch(String operation, String sql, List<Binder> binders) {
        requireWritable(operation);
        if (binders.isEmpty()) {
            return;
        }
        flush();
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

    /**
     * Runs a query, or a statement that returns rows. Writes held back run first, in the same round
     * trip on PostgreSQL.
     */
    <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        requireOpen(operation);
        if (!deferred.isEmpty()) {
            List<Deferred> writes = List.copyOf(deferred);
            deferred.clear();
            return together(writes, operation, sql, binder, mapper);
        }
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
        flush();
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
