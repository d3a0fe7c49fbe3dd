package dev.niche.community.jdbc;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs a test class once per {@link Dialect}, each time on a fresh database with the migrations
 * applied. PostgreSQL and MariaDB run when {@link TestDatabase} finds their servers.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnEveryDatabase {
    @Parameter
    @Nullable Dialect dialect;

    private @Nullable TestDatabase database;
    private @Nullable JdbcStore store;

    @BeforeParameterizedClassInvocation
    void startDatabase(Dialect dialect) {
        database = TestDatabase.start(dialect);
        store = database.store();
    }

    @AfterParameterizedClassInvocation
    void stopDatabase() {
        if (database != null) {
            database.close();
        }
        database = null;
        store = null;
    }

    TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("no database is running for this test class");
        }
        return database;
    }

    JdbcStore store() {
        if (store == null) {
            throw new IllegalStateException("no store is running for this test class");
        }
        return store;
    }
}
