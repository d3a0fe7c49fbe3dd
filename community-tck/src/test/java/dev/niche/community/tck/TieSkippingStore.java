package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;
import java.time.Instant;

/**
 * Broken on purpose: a thread page after a cursor starts after every thread whose sort value equals
 * the cursor's, as a keyset predicate on {@code value < ?} alone would, so threads that tie with the
 * last one of a page are skipped.
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
            SortKey after = (SortKey) args[3];
            SortKey loose = after == null ? null : new SortKey(after.value(), LOWEST);
            return posts.threads((CommunityId) args[0], (ThreadSort) args[1], (Instant) args[2], loose, (int) args[4]);
        });
    }
}
