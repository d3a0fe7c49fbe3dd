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
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

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
