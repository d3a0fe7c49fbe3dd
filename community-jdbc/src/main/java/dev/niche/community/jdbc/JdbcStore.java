package dev.niche.community.jdbc;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A Niche store in a relational database, over a {@link DataSource} the host provides: H2 (the
 * embedded default), PostgreSQL 13+ or MariaDB 10.6+.
 *
 * <pre>{@code
 * HikariDataSource dataSource = new HikariDataSource();
 * dataSource.setJdbcUrl("jdbc:postgresql://db.example.com/app");
 * CommunityStore store = JdbcStore.builder(dataSource)
 *         .migrate(true)   // apply the Niche schema with Flyway on build
 *         .build();
 * CommunityEngine engine = Niche.builder().store(store).build();
 * }</pre>
 *
 * <p>Each {@link #read} or {@link #write} runs as one transaction on one connection taken from the
 * data source and closed afterwards; the connection's autocommit and isolation are left as they
 * were. The data source must hand out connections that are not part of a transaction of the host's.
 * Several application nodes may share one database: every invariant of {@link CommunityStore} is
 * held by the database itself (unique constraints, atomic counter updates, row locks and optimistic
 * row versions), never by a lock in this JVM. Failures come out as the SPI names them: a unique
 * violation as a {@link dev.niche.community.spi.DuplicateKeyException}, a deadlock, serialization
 * failure or lost connection as a {@link dev.niche.community.spi.TransientStoreException} (the engine
 * retries those), anything else as an {@link dev.niche.community.UnavailableException}; messages
 * never quote SQL or user data.
 *
 * <p>The schema comes as Flyway migrations per {@link Dialect}. Either let the builder apply them
 * ({@link Builder#migrate(boolean)}), or apply the scripts at {@link Dialect#migrationLocation()}
 * with your own tooling, recording them in {@value #SCHEMA_HISTORY_TABLE}.
 *
 * <p><b>Durability.</b> A {@link #write} that returned survives a crash of the process. PostgreSQL and
 * MariaDB (InnoDB) flush their write-ahead log on commit by default. H2 2.x does not: it writes commits
 * to its file in the background, up to {@code WRITE_DELAY} (500 ms by default) later, so a process
 * killed right after a command returned could lose it. On an H2 database that is not in memory the
 * builder therefore runs {@code SET WRITE_DELAY 0}, unless told otherwise with
 * {@link Builder#durableCommits(boolean)}. The setting lasts while the database is open; H2 does not
 * apply it again when the database is reopened, though it reports it as set, so keep the database
 * open (a pool that keeps idle connections) or put {@code ;WRITE_DELAY=0} in the URL. It costs H2 one
 * write to its file per commit; it does not make H2 force the file to disk, so a crash of the whole
 * machine can still lose the last commits.
 */
public final class JdbcStore implements CommunityStore {
    /** The table in which Flyway records the Niche migrations, apart from a host's own history. */
    public static final String SCHEMA_HISTORY_TABLE = "niche_schema_history";

    private final Dialect dialect;
    private final LocalTransactions transactions;

    private JdbcStore(DataSource dataSource, Dialect dialect) {
        this.dialect = dialect;
        this.transactions = new LocalTransactions(dataSource, dialect);
    }

    /** Starts building a store over {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The database this store speaks to. */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public <T> T read(StoreWork<T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.run(true, work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.run(false, work);
    }

    @Override
    public String toString() {
        return "JdbcStore[" + dialect + "]";
    }

    /** Builds a {@link JdbcStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private @Nullable Dialect dialect;
        private boolean migrate;
        private boolean durableCommits = true;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Names the database instead of detecting it from the data source's
         * {@link DatabaseMetaData#getDatabaseProductName()}, which the builder otherwise asks once.
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Whether {@link #build()} applies the Niche migrations with Flyway first; {@code false} by
         * default, for hosts that apply them with their own tooling. Applying them again is harmless:
         * Flyway runs only those not yet recorded in {@value JdbcStore#SCHEMA_HISTORY_TABLE}.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Whether the store makes sure that a write that returned survives the death of the process;
         * {@code true} by default. Only H2 needs it: on an H2 database that is not in memory,
         * {@link #build()} then sets {@code WRITE_DELAY 0} (H2 otherwise writes commits to its file
         * up to 500 ms after they returned) and fails if the user lacks the admin rights to set it.
         * It costs one write to the file per commit. {@code false} leaves the database's setting as
         * it is, and accepts losing the last commits when the process dies.
         */
        public Builder durableCommits(boolean durableCommits) {
            this.durableCommits = durableCommits;
            return this;
        }

        /**
         * Builds the store: detects the database unless it was named, makes an H2 database write its
         * commits at once (see {@link #durableCommits(boolean)}), then applies the migrations if asked.
         *
         * @throws IllegalArgumentException if the database is not H2, PostgreSQL or MariaDB
         * @throws dev.niche.community.UnavailableException if the database cannot be reached or the
         *         migrations fail
         * @throws IllegalStateException if H2 delays its commits and the user may not change that
         */
        public JdbcStore build() {
            Dialect chosen = dialect != null ? dialect : detect(dataSource);
            if (durableCommits && chosen == Dialect.H2) {
                H2Durability.requireImmediateCommits(dataSource);
            }
            if (migrate) {
                Migrations.apply(dataSource, chosen);
            }
            return new JdbcStore(dataSource, chosen);
        }

        private static Dialect detect(DataSource dataSource) {
            String name;
            String version;
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData metaData = connection.getMetaData();
                name = metaData.getDatabaseProductName();
                version = metaData.getDatabaseProductVersion();
            } catch (SQLException e) {
                // No dialect yet: H2's rules classify connection failures like the others'.
                throw new ErrorTranslator(Dialect.H2).translate("detect the database", e);
            }
            return Dialect.of(name == null ? "" : name, version == null ? "" : version);
        }
    }
}
