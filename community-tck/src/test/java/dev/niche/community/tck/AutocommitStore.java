package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;

/**
 * Broken on purpose: not all or nothing. Every table call commits on its own, as a JDBC store that
 * forgot to turn autocommit off would, so a unit of work that fails midway leaves its first writes.
 */
final class AutocommitStore implements CommunityStore {
    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        return work.run(UnitPerCall.of(inner::write));
    }
}
