package dev.niche.community.jdbc;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.tck.StoreCompatibilityKit;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole storage compatibility kit, the engine's suite included, on PostgreSQL. JUnit Jupiter runs
 * the rules and jqwik the properties, each engine calling its own hooks below.
 */
@AddLifecycleHook(PostgresStoreCompatibilityTest.ServerCheck.class)
class PostgresStoreCompatibilityTest extends StoreCompatibilityKit {
    private static final KitStores STORES = new KitStores(Dialect.POSTGRESQL);

    @BeforeAll
    static void requireServer() {
        STORES.requireServer();
    }

    /** Skips the properties, which jqwik runs, as {@link #requireServer()} skips the rules. */
    static final class ServerCheck implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return STORES.skipWithoutServer();
        }
    }

    @AfterAll
    @AfterContainer
    static void dropDatabases() {
        STORES.close();
    }

    @Override
    protected CommunityStore newStore() {
        return STORES.lease();
    }

    @Override
    protected void cleanUp(CommunityStore store) {
        STORES.release(store);
    }
}
