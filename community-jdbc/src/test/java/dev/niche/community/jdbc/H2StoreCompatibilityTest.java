package dev.niche.community.jdbc;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.tck.StoreCompatibilityKit;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole storage compatibility kit, the engine's suite included, on H2 in memory. JUnit Jupiter
 * runs the rules and jqwik the properties, each engine calling its own hooks below.
 */
class H2StoreCompatibilityTest extends StoreCompatibilityKit {
    private static final KitStores STORES = new KitStores(Dialect.H2);

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
