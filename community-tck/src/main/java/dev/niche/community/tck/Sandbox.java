package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An engine on a fresh store for one try of a property, with the scenarios' short ways to use it. */
final class Sandbox extends EngineFixture implements AutoCloseable {

    Sandbox(Supplier<CommunityStore> stores, Consumer<CommunityStore> cleanUp) {
        super(stores, cleanUp);
        startEngine();
    }

    @Override
    public void close() {
        releaseStore();
    }
}
