package dev.niche.community.inmemory;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.tck.StoreCompatibilityKit;

/** The whole storage compatibility kit, the engine's suite included, over the in-memory store. */
class InMemoryStoreCompatibilityTest extends StoreCompatibilityKit {
    @Override
    protected CommunityStore newStore() {
        return new InMemoryStore();
    }
}
