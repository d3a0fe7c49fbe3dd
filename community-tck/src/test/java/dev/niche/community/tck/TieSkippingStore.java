package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spi.ThreadKey;

/**
 * Broken on purpose: a thread page after a cursor starts after every thread posted at the
 * cursor's time, as a keyset predicate on {@code createdAt < ?} alone would, so threads that tie
 * on time with the last one of a page are skipped.
 */
final class TieSkippingStore implements CommunityStore {
    private static final PostId LOWEST = PostId.of("00000000-0000-0000-0000-000000000000");

    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(tx -> work.run(skipping(tx)));
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        return inner.write(tx -> work.run(skipping(tx)));
    }

    private static StoreTransaction skipping(StoreTransaction tx) {
        return Intercepted.transaction(tx, PostTable.class, "threads", (posts, args) -> {
            ThreadKey after = (ThreadKey) args[1];
            ThreadKey loose = after == null ? null : new ThreadKey(after.createdAt(), LOWEST);
            return posts.threads((CommunityId) args[0], loose, (int) args[2]);
        });
    }
}
