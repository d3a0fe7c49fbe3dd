package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spi.TransientStoreException;
import java.util.function.Consumer;

/** What every family of store rules shares: the store under test and short ways to use it. */
abstract class RuleFamily {
    /** As the engine does, a rule runs work again after a transient failure, this many times at most. */
    private static final int ATTEMPTS = 50;

    private final StoreCompatibilityKit kit;

    RuleFamily(StoreCompatibilityKit kit) {
        this.kit = kit;
    }

    /** The store under test, fresh and empty for each rule. */
    final CommunityStore store() {
        return kit.store();
    }

    /** The store's committed state: each call on it runs as a read unit of work of its own. */
    final StoreTransaction committed() {
        return UnitPerCall.of(work -> store().read(work));
    }

    /** The store as a writer: each call on it runs as a write unit of work of its own, and commits. */
    final StoreTransaction committing() {
        return UnitPerCall.of(work -> store().write(work));
    }

    final <T> T write(StoreWork<T> work) {
        return store().write(work);
    }

    /** Runs {@code change} as one unit of work and commits it. */
    final void given(Consumer<StoreTransaction> change) {
        store().write(tx -> {
            change.accept(tx);
            // Not null: StoreWork is @NullMarked and its result non-null; work with nothing to say returns TRUE.
            return Boolean.TRUE;
        });
    }

    /**
     * Runs {@code work} as the engine would: a {@link TransientStoreException}, such as a
     * serialization failure under contention, runs it again.
     */
    final <T> T writeRetrying(StoreWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store().write(work);
            } catch (TransientStoreException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
