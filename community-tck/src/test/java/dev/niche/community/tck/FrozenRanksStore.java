package dev.niche.community.tck;

import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.StoreWork;

/**
 * Broken on purpose: new rank keys are dropped, as a store would that keeps the keys it was given
 * at insert and forgets to write them on each vote, so HOT, BEST and CONTROVERSIAL never move.
 */
final class FrozenRanksStore implements CommunityStore {
    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        return inner.write(tx -> work.run(Intercepted.transaction(tx, PostTable.class, "setRanks", (posts, args) -> {
            posts.byId((PostId) args[0]).orElseThrow(IllegalStateException::new);
            return null;
        })));
    }
}
