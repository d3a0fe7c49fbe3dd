package dev.niche.examples.simulation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.niche.community.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database a run writes to, behind a small HikariCP pool: an embedded H2 file in a directory,
 * or a PostgreSQL database named by a JDBC URL. Closing it closes the pool and, for a temporary
 * directory, deletes the directory.
 */
final class SimulationDatabase implements AutoCloseable {
    /** The name of the H2 database inside its directory; H2 adds {@code .mv.db}. */
    static final String H2_FILE = "niche";

    private final HikariDataSource pool;
    private final String description;
    private final @Nullable Path temporary;

    private SimulationDatabase(String url, String driver, String description, @Nullable Path temporary) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // Named, so that the driver loads from this class's class loader, which is not always the
        // one DriverManager asks (under exec:java, for one).
        config.setDriverClassName(driver);
        config.setMaximumPoolSize(2);
        config.setPoolName("niche-simulation");
        this.pool = new HikariDataSource(config);
        this.description = description;
        this.temporary = temporary;
    }

    /** An H2 database in {@code directory}, created if missing, left in place after the run. */
    static SimulationDatabase h2(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + directory, e);
        }
        return new SimulationDatabase(h2Url(directory), "org.h2.Driver",
                "H2 file " + directory.toAbsolutePath().resolve(H2_FILE) + ".mv.db (kept after the run)", null);
    }

    /** An H2 database in a new temporary directory, deleted when this closes. */
    static SimulationDatabase temporaryH2() {
        Path directory;
        try {
            directory = Files.createTempDirectory("niche-simulation-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory", e);
        }
        return new SimulationDatabase(h2Url(directory), "org.h2.Driver",
                "H2 file in " + directory + " (deleted after the run)", directory);
    }

    /**
     * A PostgreSQL database, such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
     *
     * @throws IllegalArgumentException if {@code url} is not a PostgreSQL JDBC URL
     */
    static SimulationDatabase postgres(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL URL starting with jdbc:postgresql:, such as "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        }
        // The URL may carry a password: describe the server only.
        String server = url.replaceFirst("\\?.*$", "");
        return new SimulationDatabase(url, "org.postgresql.Driver", "PostgreSQL at " + server, null);
    }

    private static String h2Url(Path directory) {
        // A vote runs more distinct statements than H2's default query cache of 8 holds.
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(H2_FILE) + ";QUERY_CACHE_SIZE=64";
    }

    DataSource dataSource() {
        return pool;
    }

    /** Where the data goes, for the progress output. */
    String description() {
        return description;
    }

    /**
     * Refuses a database that already holds Niche data: the output must depend on the seed alone.
     *
     * @throws DatabaseNotEmptyException if a Niche table holds rows
     */
    void requireEmpty() {
        try (Connection connection = pool.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData()
                    .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    String name = found.getString("TABLE_NAME");
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("niche_") && !lower.equals(JdbcStore.SCHEMA_HISTORY_TABLE)
                            && name.matches("[A-Za-z0-9_]+")) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        throw new DatabaseNotEmptyException("the database (" + description + ") already holds Niche data: "
                                + "table " + table.toLowerCase(Locale.ROOT) + " has rows. The simulation needs an empty "
                                + "database so that its output depends on the seed alone; pass a new --data-dir, "
                                + "or an empty database or schema to --jdbc-url");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database (" + description + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (temporary != null) {
            try (Stream<Path> files = Files.walk(temporary)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the temporary directory " + temporary, e);
            }
        }
    }

    /** Thrown when the database given already holds Niche data. */
    static final class DatabaseNotEmptyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseNotEmptyException(String message) {
            super(message);
        }
    }
}
