package dev.niche.community.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Makes an H2 database keep every commit that returned, should the process die right after it.
 *
 * <p>H2 2.x (MVStore) writes committed changes to its file in the background, at most
 * {@code WRITE_DELAY} milliseconds later (500 by default), so a process killed with SIGKILL loses the
 * last half second of commits that had returned to their callers. With {@code WRITE_DELAY 0} the
 * MVStore writes the commit to its file before the commit returns. The setting belongs to the open
 * database. H2 also keeps it in the file and reports it as set after the database is opened again,
 * but does not apply it then, so the store sets it every time it is built. Should the database close
 * (its last connection closed) and open again, it would delay commits again; a URL with
 * {@code ;WRITE_DELAY=0} applies the setting on every open. An in-memory database has no file to
 * lose, and is left as it is.
 *
 * <p>This covers the death of the process, not of the machine: H2 does not force its file to disk
 * ({@code fsync}) on each commit, so the operating system's cache still holds the last writes for a
 * while. PostgreSQL and MariaDB (InnoDB) flush their logs on commit by default.
 */
final class H2Durability {
    private H2Durability() {}

    /**
     * Sets {@code WRITE_DELAY 0} on the H2 database behind {@code dataSource} unless it is in memory
     * or already set.
     *
     * @throws IllegalStateException if the setting is needed but the user may not set it
     */
    static void requireImmediateCommits(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
                return;
            }
            // Set even when H2 reports 0: H2 2.x keeps the setting in the file and reports it after the
            // database is opened again, but does not apply it then (measured on 2.5.252: a writer killed
            // after reopening a file whose WRITE_DELAY read 0 lost about a thousand acknowledged commits).
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                throw new IllegalStateException("This H2 database delays writing its commits to its file (WRITE_DELAY),"
                        + " so a write that returned could be lost if the process dies, and the store could not set"
                        + " WRITE_DELAY 0 (H2 error " + e.getErrorCode() + "; the setting needs admin rights). Connect"
                        + " as an admin of the database, or build the store with durableCommits(false) to accept the"
                        + " loss.", e);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ErrorTranslator(Dialect.H2).translate("check that H2 writes its commits at once", e);
        }
    }

    /** H2's {@code WRITE_DELAY} in milliseconds, or -1 if H2 does not say. */
    static int writeDelay(Connection connection) throws SQLException {
        int delay = -1;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            if (row.next()) {
                delay = Integer.parseInt(row.getString(1).trim());
            }
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        return delay;
    }
}
