package dev.niche.community.jdbc;

import dev.niche.community.UnavailableException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the dialect's migrations with Flyway, recording them in a history table of their own
 * ({@value JdbcStore#SCHEMA_HISTORY_TABLE}) so that a host's own Flyway history is never touched.
 *
 * <p>A host's schema usually holds its own tables already, and Flyway refuses to migrate a non-empty
 * schema that has no history table of the given name unless told to baseline. The baseline is
 * version 0, below every Niche migration, so all of them still run; it only marks where Niche's
 * history starts.
 *
 * <p>Flyway is an optional dependency of this module: a host that applies the scripts with its own
 * tooling does not carry it. This class names no Flyway type outside {@link WithFlyway}, so that it
 * loads without Flyway and can say what is missing.
 */
final class Migrations {
    static final String FLYWAY_CLASS = "org.flywaydb.core.Flyway";

    private Migrations() {}

    static void apply(DataSource dataSource, Dialect dialect) {
        requireFlyway(dialect, Migrations.class.getClassLoader());
        WithFlyway.apply(dataSource, dialect);
    }

    /**
     * Refuses, with the artifacts to add, when Flyway is not on the class path.
     *
     * @throws IllegalStateException if {@value #FLYWAY_CLASS} cannot be loaded by {@code loader}
     */
    static void requireFlyway(Dialect dialect, ClassLoader loader) {
        try {
            Class.forName(FLYWAY_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError missing) {
            throw new IllegalStateException("migrate(true) applies the Niche schema with Flyway, which is not on the"
                    + " class path: add org.flywaydb:flyway-core" + dialect.flywayModule()
                    + " (13.x) to the application, or apply the scripts at " + dialect.migrationLocation()
                    + " with your own tooling and leave migrate off", missing);
        }
    }

    /** The only code that touches Flyway; loaded only once Flyway was found. */
    private static final class WithFlyway {
        private static final Logger log = LoggerFactory.getLogger(Migrations.class);

        static void apply(DataSource dataSource, Dialect dialect) {
            try {
                MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations(dialect.migrationLocation())
                        .table(JdbcStore.SCHEMA_HISTORY_TABLE)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
                log.info("Niche schema for {} is at version {} ({} migrations applied now)",
                        dialect, result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
                        result.migrationsExecuted);
            } catch (FlywayException e) {
                throw new UnavailableException("could not apply the Niche migrations at " + dialect.migrationLocation()
                        + " to the " + dialect + " database", e);
            }
        }
    }
}
