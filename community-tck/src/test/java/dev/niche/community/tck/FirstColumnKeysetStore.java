package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;
import java.time.Instant;

/**
 * Broken on purpose: leaderboard and serial-pair pages ignore the tie-break of their keyset. A
 * leaderboard page after a cursor starts after every total with the cursor's points, and a page of
 * serial pairs after every pair of the cursor's voter, as a predicate on the first column alone
 * ({@code points < ?}, {@code voter > ?}) would, so rows that tie with the last one of a page are
 * skipped.
 */
final class FirstColumnKeysetStore implements CommunityStore {
    private static final PseudonymId HIGHEST = PseudonymId.of("ffffffff-ffff-ffff-ffff-ffffffffffff");

    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(tx -> work.run(loose(tx)));
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        return inner.write(tx -> work.run(loose(tx)));
    }

    private static StoreTransaction loose(StoreTransaction tx) {
        StoreTransaction looseLeaderboard = Intercepted.transaction(tx, ReputationTable.class, "leaderboard",
                (reputation, args) -> {
                    ReputationTotal after = (ReputationTotal) args[1];
                    ReputationTotal loose = after == null ? null : new ReputationTotal(HIGHEST, after.points());
                    return reputation.leaderboard((CommunityId) args[0], loose, (int) args[2]);
                });
        return Intercepted.transaction(looseLeaderboard, ReputationTable.class, "serialPairs", (reputation, args) -> {
            SerialPair after = (SerialPair) args[1];
            SerialPair loose = after == null ? null : new SerialPair(after.voter(), HIGHEST, 0, Instant.EPOCH);
            return reputation.serialPairs((CommunityId) args[0], loose, (int) args[2]);
        });
    }
}
