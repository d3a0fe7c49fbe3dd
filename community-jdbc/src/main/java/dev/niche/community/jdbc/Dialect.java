package dev.niche.community.jdbc;

import java.util.Locale;

/**
 * The databases the JDBC store runs on. {@link JdbcStore.Builder} detects it from the
 * {@link java.sql.DatabaseMetaData} of the host's {@code DataSource} unless the host names it.
 *
 * <p>Each dialect has its own schema, as versioned SQL migrations in Flyway's layout, on the
 * classpath at {@code db/niche/h2}, {@code db/niche/postgresql} or {@code db/niche/mariadb}
 * ({@code V1__niche_schema.sql} and later versions). A host that runs its migrations with its own
 * tooling applies these scripts in version order, for example with its own Flyway:
 *
 * <pre>{@code
 * Flyway.configure()
 *         .dataSource(dataSource)
 *         .locations(Dialect.POSTGRESQL.migrationLocation())
 *         .table(JdbcStore.SCHEMA_HISTORY_TABLE)
 *         .load()
 *         .migrate();
 * }</pre>
 */
public enum Dialect {
    /** H2 2.x, in memory or in a file: the embedded default. */
    H2("H2"),
    /** PostgreSQL 13 or later. */
    POSTGRESQL("PostgreSQL"),
    /** MariaDB 10.6 or later (MySQL is not supported). */
    MARIADB("MariaDB");

    private final String productName;

    Dialect(String productName) {
        this.productName = productName;
    }

    /**
     * Where this dialect's migrations lie, in Flyway's location syntax, such as
     * {@code classpath:db/niche/postgresql}.
     */
    public String migrationLocation() {
        return "classpath:db/niche/" + name().toLowerCase(Locale.ROOT);
    }

    /** The Flyway database module this dialect needs beside flyway-core, as text for a message. */
    String flywayModule() {
        return switch (this) {
            case H2 -> "";
            case POSTGRESQL -> " and org.flywaydb:flyway-database-postgresql";
            case MARIADB -> " and org.flywaydb:flyway-mysql";
        };
    }

    /**
     * The dialect of a database, from its {@link java.sql.DatabaseMetaData}.
     *
     * @throws IllegalArgumentException if the database is not one of the supported ones
     */
    static Dialect of(String productName, String productVersion) {
        for (Dialect dialect : values()) {
            if (dialect.productName.equalsIgnoreCase(productName.trim())) {
                return dialect;
            }
        }
        // Drivers for MySQL report a MariaDB server as "MySQL"; its version string tells the truth.
        if (productVersion.toLowerCase(Locale.ROOT).contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("database \"" + productName + "\" is not supported by the Niche JDBC store;"
                + " it supports H2, PostgreSQL and MariaDB");
    }
}
