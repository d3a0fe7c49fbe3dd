package dev.niche.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * An empty database for one benchmark trial behind a HikariCP pool: an H2 file in a temporary
 * folder ("h2"), H2 in memory ("h2-mem", which leaves the shared disk out of the figures), or a new
 * schema on the PostgreSQL server named by {@value #POSTGRES_URL}, else {@value #TEST_POSTGRES_URL}
 * ("postgresql"). Closing it drops what it made.
 */
final class BenchDatabase implements AutoCloseable {
    static final String POSTGRES_URL = "NICHE_BENCH_POSTGRES_URL";
    static final String TEST_POSTGRES_URL = "NICHE_TEST_POSTGRES_URL";

    private final HikariDataSource pool;
    private final Runnable drop;

    private BenchDatabase(String url, int poolSize, Runnable drop) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("niche-bench");
        this.pool = new HikariDataSource(config);
        this.drop = drop;
    }

    /**
     * Opens {@code database}: "h2", "h2-cached" (an H2 file whose query cache holds 64 statements, not
     * H2's default 8), "h2-mem" or "postgresql".
     *
     * @throws IllegalStateException for PostgreSQL when neither variable names a server
     */
    static BenchDatabase open(String database, int poolSize) {
        String name = "niche_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (database) {
            case "h2", "h2-cached" -> {
                Path folder = temporaryFolder();
                String settings = database.equals("h2-cached") ? ";QUERY_CACHE_SIZE=64" : "";
                yield new BenchDatabase("jdbc:h2:file:" + folder.resolve(name) + settings, poolSize, () -> delete(folder));
            }
            // The pool keeps its connections open, and with them the database, until the trial ends.
            case "h2-mem" -> new BenchDatabase("jdbc:h2:mem:" + name, poolSize, () -> { });
            case "postgresql" -> {
                String base = postgresUrl();
                execute(base, "CREATE SCHEMA " + name);
                String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
                yield new BenchDatabase(url, poolSize, () -> execute(base, "DROP SCHEMA " + name + " CASCADE"));
            }
            default -> throw new IllegalArgumentException("database \"" + database
                    + "\" is not one the benchmark knows; use h2, h2-cached, h2-mem or postgresql");
        };
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        drop.run();
    }

    private static String postgresUrl() {
        for (String variable : new String[] {POSTGRES_URL, TEST_POSTGRES_URL}) {
            String url = System.getenv(variable);
            if (url != null && !url.isBlank()) {
                return url;
            }
        }
        throw new IllegalStateException("SKIPPED: the PostgreSQL benchmark needs a server: set " + POSTGRES_URL
                + " (or " + TEST_POSTGRES_URL + ") to its JDBC URL, such as"
                + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres, or run only H2 with -p database=h2");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run \"" + sql + "\" on the benchmark's PostgreSQL server", e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("niche-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
