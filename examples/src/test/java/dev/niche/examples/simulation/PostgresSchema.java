package dev.niche.examples.simulation;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema for one test, on the server named by {@value #URL} (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); closing it drops the schema.
 * Without the variable the test is skipped with a message saying what to set, unless
 * {@value #REQUIRE} is {@code true}, in which case it fails, as community-jdbc's suites do.
 */
final class PostgresSchema implements AutoCloseable {
    static final String URL = "NICHE_TEST_POSTGRES_URL";
    static final String REQUIRE = "NICHE_TEST_REQUIRE_DATABASES";

    private final String server;
    private final String name;

    private PostgresSchema(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /** A new schema, or a skipped (or, when required, failed) test without a server. */
    static PostgresSchema create() {
        String server = System.getenv(URL);
        if (server == null || server.isBlank()) {
            String message = "the PostgreSQL run of the simulation needs a server: set " + URL
                    + " to its JDBC URL, such as jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
                fail(message + " (" + REQUIRE + " is true, so a missing server fails the run)");
            }
            // A skipped test's reason reaches only the reports; say it where a person looks.
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        String name = "niche_sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE SCHEMA " + name);
        return new PostgresSchema(server, name);
    }

    /** The JDBC URL of the schema, for {@code --jdbc-url}. */
    String url() {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        execute(server, "DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run \"" + sql + "\" on the PostgreSQL test server", e);
        }
    }
}
