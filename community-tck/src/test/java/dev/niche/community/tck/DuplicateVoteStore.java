package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTable;

/**
 * Broken on purpose: a second vote of one account on one post is accepted, silently replacing the
 * first, as an upsert or a missing unique index would.
 */
final class DuplicateVoteStore implements CommunityStore {
    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        return inner.write(tx -> work.run(Intercepted.transaction(tx, VoteTable.class, "insert", (votes, args) -> {
            VoteRecord vote = (VoteRecord) args[0];
            try {
                votes.insert(vote);
            } catch (DuplicateKeyException e) {
                votes.update(vote);
            }
            return null;
        })));
    }
}
