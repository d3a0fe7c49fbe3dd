package dev.niche.community.jdbc;

import dev.niche.community.spi.StoreWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each unit of work as one database transaction on one connection: begin, run, commit, and on
 * any failure roll back, with a failed rollback attached to the original failure as suppressed.
 * The connection leaves as it came: its autocommit and transaction isolation are restored, and the
 * connection is always closed; one whose rollback failed is aborted instead, since its state is
 * unknown.
 *
 * <p>Isolation: a write unit runs at READ COMMITTED, every invariant being held by a constraint, an
 * atomic counter update, a row lock ({@link AccountLocks}, and the post a write unit reads) or an
 * optimistic row check ({@link RowVersions}); a read unit runs at REPEATABLE READ and read-only, so that one page's posts,
 * authors and votes come from one snapshot. PostgreSQL and MariaDB take both settings for the
 * transaction alone ({@code SET TRANSACTION ...}, and on MariaDB {@code START TRANSACTION}), which
 * leaves the connection's own settings untouched; PostgreSQL write units skip it where the
 * connections default to READ COMMITTED already ({@link PostgresDefaults}). H2, which lacks that
 * statement, gets both settings through JDBC and has them restored.
 */
final class LocalTransactions {
    private static final Logger log = LoggerFactory.getLogger(LocalTransactions.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ErrorTranslator errors;
    private final ThreadLocal<Boolean> running = new ThreadLocal<>();
    /** On PostgreSQL, whether write units may keep the connections' default; unknown until the first one. */
    private volatile @Nullable Boolean writesAtDefault;

    LocalTransactions(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.errors = new ErrorTranslator(dialect);
    }

    <T> T run(boolean readOnly, StoreWork<T> work) {
        if (running.get() != null) {
            throw new IllegalStateException("a unit of work is already running on this thread;"
                    + " read and write cannot be called from inside one");
        }
        running.set(Boolean.TRUE);
        try {
            Connection connection = open();
            Throwable failure = null;
            try {
                return runOn(connection, readOnly, work);
            } catch (Throwable t) {
                failure = t;
                throw t;
            } finally {
                close(connection, failure);
            }
        } finally {
            running.remove();
        }
    }

    private <T> T runOn(Connection connection, boolean readOnly, StoreWork<T> work) {
        Settings saved = capture(connection);
        try {
            begin(connection, saved, readOnly);
            Session session = new Session(connection, dialect, errors, readOnly);
            T result;
            try {
                result = work.run(new JdbcTransaction(session));
                session.flush();
            } finally {
                session.end();
            }
            commit(connection);
            restore(connection, saved, null);
            return result;
        } catch (Throwable failure) {
            if (rollback(connection, failure)) {
                restore(connection, saved, failure);
            } else {
                // Restoring autocommit would commit whatever the failed rollback left behind, and a pool
                // would hand the connection out again: abort it, which makes the database roll back.
                abort(connection, failure);
            }
            throw failure;
        }
    }

    /** What the unit of work changes on its connection and must put back. */
    private record Settings(boolean autoCommit, int isolation) {}

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw errors.translate("open a connection", e);
        }
    }

    private Settings capture(Connection connection) {
        try {
            // Only H2's isolation is set through JDBC; asking PostgreSQL for it would cost a round trip.
            int isolation = dialect == Dialect.H2 ? connection.getTransactionIsolation() : Connection.TRANSACTION_NONE;
            return new Settings(connection.getAutoCommit(), isolation);
        } catch (SQLException e) {
            throw errors.translate("read the connection's settings", e);
        }
    }

    private void begin(Connection connection, Settings saved, boolean readOnly) {
        int isolation = readOnly ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED;
        try {
            boolean atDefault = !readOnly && dialect == Dialect.POSTGRESQL && writesAtDefault(connection);
            if (saved.autoCommit()) {
                connection.setAutoCommit(false);
            }
            if (dialect == Dialect.H2) {
                if (saved.isolation() != isolation) {
                    connection.setTransactionIsolation(isolation);
                }
                return;
            }
            if (atDefault) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                if (dialect == Dialect.POSTGRESQL) {
                    // The driver begins the transaction with this statement, which then applies to it alone.
                    statement.execute(readOnly
                            ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                            : "SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE");
                    return;
                }
                // MariaDB keeps SET TRANSACTION for the next transaction to start. A unit that runs no
                // statement would start none, and hand the setting to the connection's next user, so the
                // transaction starts here, taking it at once.
                statement.execute(readOnly
                        ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"
                        : "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                statement.execute(readOnly ? "START TRANSACTION READ ONLY" : "START TRANSACTION READ WRITE");
            }
        } catch (SQLException e) {
            throw errors.translate("begin a unit of work", e);
        }
    }

    private boolean writesAtDefault(Connection connection) throws SQLException {
        Boolean known = writesAtDefault;
        if (known == null) {
            known = PostgresDefaults.readCommittedReadWrite(connection);
            writesAtDefault = known;
        }
        return known;
    }

    private void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw errors.translateCommit(e);
        }
    }

    /** Rolls back; returns whether that worked, keeping the reason why not on {@code failure}. */
    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e instanceof SQLException sql ? RedactedSqlException.of(sql) : e);
            return false;
        }
    }

    private static void abort(Connection connection, Throwable failure) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e instanceof SQLException sql ? RedactedSqlException.of(sql) : e);
        }
    }

    private void restore(Connection connection, Settings saved, @Nullable Throwable failure) {
        try {
            if (connection.getAutoCommit() != saved.autoCommit()) {
                connection.setAutoCommit(saved.autoCommit());
            }
            if (dialect == Dialect.H2 && connection.getTransactionIsolation() != saved.isolation()) {
                connection.setTransactionIsolation(saved.isolation());
            }
        } catch (SQLException | RuntimeException e) {
            attachOrLog(failure, e, "restore the connection's settings");
        }
    }

    private static void close(Connection connection, @Nullable Throwable failure) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            attachOrLog(failure, e, "close the connection");
        }
    }

    /**
     * After a failure, a cleanup failure travels with it; after a commit it must not turn success
     * into an error, since the writes are in: it is logged instead.
     */
    private static void attachOrLog(@Nullable Throwable failure, Exception e, String action) {
        Exception safe = e instanceof SQLException sql ? RedactedSqlException.of(sql) : e;
        if (failure != null) {
            failure.addSuppressed(safe);
        } else {
            log.warn("could not {} after a committed unit of work", action, safe);
        }
    }
}
