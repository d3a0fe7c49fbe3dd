package dev.niche.community.tck;

import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;

/**
 * Broken on purpose: OLD replies come newest first, as a store would that serves every reply sort
 * from a descending index without reading OLD's backwards.
 */
final class ReversedOldStore implements CommunityStore {
    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(tx -> work.run(reversing(tx)));
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        return inner.write(tx -> work.run(reversing(tx)));
    }

    private static StoreTransaction reversing(StoreTransaction tx) {
        return Intercepted.transaction(tx, PostTable.class, "children", (posts, args) -> {
            ReplySort sort = (ReplySort) args[1];
            return posts.children((PostId) args[0], sort == ReplySort.OLD ? ReplySort.NEW : sort, (SortKey) args[2],
                    (int) args[3]);
        });
    }
}
