package dev.niche.community.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test class: an in-memory H2 database, a new PostgreSQL schema or
 * a new MariaDB database, behind a HikariCP pool. Closing it drops what it created.
 *
 * <p>PostgreSQL and MariaDB need a server, named by {@value #POSTGRES_URL} and {@value #MARIADB_URL}
 * (for example {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} and
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}). Without one the tests for that database are
 * skipped with a message saying which variable to set, unless {@value #REQUIRE} is {@code true}, in
 * which case they fail.
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_URL = "NICHE_TEST_POSTGRES_URL";
    static final String MARIADB_URL = "NICHE_TEST_MARIADB_URL";
    static final String REQUIRE = "NICHE_TEST_REQUIRE_DATABASES";

    private static final String POSTGRES_EXAMPLE = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB_EXAMPLE = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    /** Every Niche table, each after the tables whose foreign keys refer to it. */
    static final List<String> NICHE_TABLES = List.of("niche_votes", "niche_posts", "niche_memberships", "niche_invites",
            "niche_community_tags", "niche_communities", "niche_pseudonyms", "niche_accounts",
            "niche_reputation_ledger", "niche_reputation_totals", "niche_activity_days", "niche_thread_touches",
            "niche_trust_levels", "niche_trust_policies", "niche_trust_scores", "niche_events", "niche_event_head");

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
    private static final Pattern MARIADB_DATABASE = Pattern.compile("^(jdbc:mariadb://[^/?]+/)([^?]*)(\\?.*)?$");

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final String url;
    private final Runnable drop;

    private TestDatabase(Dialect dialect, String url, Runnable drop) {
        this.dialect = dialect;
        this.url = url;
        this.drop = drop;
        this.pool = newPool("niche-test-" + dialect.name().toLowerCase(Locale.ROOT), 10);
    }

    /**
     * Skips the running tests (or, when required, fails them) unless {@code dialect} has a server:
     * for a test class to call once, before it starts any database.
     */
    static void requireServer(Dialect dialect) {
        missingServer(dialect).ifPresent(Assumptions::abort);
    }

    /**
     * Why the tests of {@code dialect} cannot run here, when they may be skipped; empty when they can
     * run. Fails when a server is missing but required.
     */
    static Optional<String> missingServer(Dialect dialect) {
        return switch (dialect) {
            case H2 -> Optional.empty();
            case POSTGRESQL -> missing(POSTGRES_URL, "PostgreSQL", POSTGRES_EXAMPLE);
            case MARIADB -> missing(MARIADB_URL, "MariaDB", MARIADB_EXAMPLE);
        };
    }

    /** A fresh database of {@code dialect}, or a skipped (or, when required, failed) test without a server. */
    static TestDatabase start(Dialect dialect) {
        String name = "niche_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (dialect) {
            case H2 -> new TestDatabase(dialect, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", () -> { });
            case POSTGRESQL -> {
                String base = serverUrl(POSTGRES_URL, "PostgreSQL", POSTGRES_EXAMPLE);
                execute(base, "CREATE SCHEMA " + name);
                String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
                yield new TestDatabase(dialect, url, () -> execute(base, "DROP SCHEMA " + name + " CASCADE"));
            }
            case MARIADB -> {
                String base = serverUrl(MARIADB_URL, "MariaDB", MARIADB_EXAMPLE);
                Matcher parts = MARIADB_DATABASE.matcher(base);
                if (!parts.matches()) {
                    throw new IllegalArgumentException(MARIADB_URL + " must look like jdbc:mariadb://host:port/database?options");
                }
                execute(base, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                String url = parts.group(1) + name + (parts.group(3) == null ? "" : parts.group(3));
                yield new TestDatabase(dialect, url, () -> execute(base, "DROP DATABASE " + name));
            }
        };
    }

    Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return pool;
    }

    /**
     * Another pool of up to {@code size} connections to this same database, as a second application
     * node would have; the caller closes it.
     */
    HikariDataSource newPool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** A connection outside the pool, for setting up and inspecting. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** A store over this database, with the migrations applied. */
    JdbcStore store() {
        return JdbcStore.builder(pool).migrate(true).build();
    }

    /**
     * Deletes every row of the Niche tables, leaving the schema and its migration history: the
     * database is then as empty as a fresh one, at a fraction of the cost.
     */
    void wipe() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : NICHE_TABLES) {
                // The event log's head is one row that every append needs: it goes back to 0 instead.
                statement.executeUpdate(table.equals("niche_event_head") ? "UPDATE niche_event_head SET last_position = 0"
                        : "DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not wipe the " + dialect + " test database", e);
        }
    }

    /** The tables of the Niche schema, outside the migration history. */
    Set<String> nicheTables() {
        try (Connection connection = pool.getConnection();
                ResultSet tables = connection.getMetaData()
                        .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            Set<String> names = new TreeSet<>();
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (name.startsWith("niche_") && !name.equals(JdbcStore.SCHEMA_HISTORY_TABLE)) {
                    names.add(name);
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the tables of the " + dialect + " test database", e);
        }
    }

    @Override
    public void close() {
        pool.close();
        drop.run();
    }

    private static String serverUrl(String variable, String database, String example) {
        missing(variable, database, example).ifPresent(Assumptions::abort);
        return System.getenv(variable);
    }

    private static Optional<String> missing(String variable, String database, String example) {
        String url = System.getenv(variable);
        if (url != null && !url.isBlank()) {
            return Optional.empty();
        }
        String message = "the " + database + " tests need a server: set " + variable + " to its JDBC URL, such as "
                + example;
        if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
            fail(message + " (" + REQUIRE + " is true, so a missing server fails the run)");
        }
        if (ANNOUNCED.add(variable)) {
            // A skipped container's reason reaches only the reports; say it where a person looks.
            System.err.println("SKIPPED: " + message);
        }
        return Optional.of(message);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run \"" + sql + "\" on the test server", e);
        }
    }
}
