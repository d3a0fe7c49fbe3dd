package dev.niche.examples.store;

import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.tck.StoreCompatibilityKit;

/**
 * The whole storage compatibility kit, the engine's suite included, over the metered in-memory
 * store: decorating a store keeps every rule it keeps. This one class is all a store's authors
 * write to run the kit.
 */
class MeteredStoreTest extends StoreCompatibilityKit {
    @Override
    protected CommunityStore newStore() {
        return new MeteredStore(new InMemoryStore());
    }
}
