package dev.niche.community.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a PostgreSQL transaction is by default on the host's connections. A write unit of work runs
 * at READ COMMITTED, read-write: PostgreSQL's own default. Where the connections default to that
 * already, a write unit need not say so ({@code SET TRANSACTION ...}), which saves a round trip on
 * every command. The store asks once, on the connection of its first write unit, and keeps the
 * answer: a host that changes the defaults later (say, with {@code ALTER DATABASE}) builds a new
 * store.
 */
final class PostgresDefaults {
    private PostgresDefaults() {}

    /**
     * Whether a new transaction on {@code connection} is READ COMMITTED and read-write. Leaves no
     * transaction open: one the query began, with autocommit off, is rolled back.
     */
    static boolean readCommittedReadWrite(Connection connection) throws SQLException {
        boolean atDefault;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('default_transaction_isolation'),"
                        + " current_setting('default_transaction_read_only')")) {
            atDefault = row.next() && "read committed".equals(row.getString(1)) && "off".equals(row.getString(2));
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        return atDefault;
    }
}
