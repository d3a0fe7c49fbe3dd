package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.StoreWork;
import java.util.HashMap;
import java.util.Map;

/**
 * Broken on purpose: reputation totals are written behind. A unit of work computes a new total from
 * the one it read and, after it commits, writes it as an absolute value, so that an addition
 * committed in between is overwritten and lost, as with a read-modify-write in application code.
 */
final class LostTotalStore implements CommunityStore {
    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        Map<ReferenceData.Standing, Long> computed = new HashMap<>();
        T result = inner.write(tx -> work.run(Intercepted.transaction(tx, ReputationTable.class, "addToTotal",
                (reputation, args) -> {
                    ReferenceData.Standing key = new ReferenceData.Standing((CommunityId) args[0], (PseudonymId) args[1]);
                    long now = computed.getOrDefault(key, reputation.total(key.community(), key.pseudonym()))
                            + (long) args[2];
                    computed.put(key, now);
                    return now;
                })));
        Thread.yield();
        computed.forEach((key, target) -> inner.write(tx -> tx.reputation().addToTotal(key.community(), key.pseudonym(),
                target - tx.reputation().total(key.community(), key.pseudonym()))));
        return result;
    }
}
