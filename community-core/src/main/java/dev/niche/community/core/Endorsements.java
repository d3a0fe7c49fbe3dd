package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.spi.Endorsement;
import dev.niche.community.spi.Interaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What counts as an endorsement for the trust score, decided here from the store's raw counts
 * ({@link Interaction}): an account endorses another by up votes that count, on the other's posts
 * that are not deleted, and by replies that are not deleted to the other's posts that are not
 * deleted. Nobody endorses themselves. The weights are {@link TrustGraph}'s.
 */
final class Endorsements {
    private Endorsements() {
    }

    /** The endorsements among {@code interactions}: one per ordered pair of distinct accounts that has any. */
    static List<Endorsement> of(List<Interaction> interactions) {
        Map<List<AccountId>, long[]> pairs = new LinkedHashMap<>();
        for (Interaction act : interactions) {
            int which = endorses(act);
            if (which >= 0 && !act.from().equals(act.to())) {
                pairs.computeIfAbsent(List.of(act.from(), act.to()), pair -> new long[2])[which] += act.count();
            }
        }
        List<Endorsement> endorsements = new ArrayList<>(pairs.size());
        pairs.forEach((pair, counts) -> endorsements.add(new Endorsement(pair.get(0), pair.get(1), counts[0], counts[1])));
        return endorsements;
    }

    /** 0 for an endorsing up vote, 1 for an endorsing reply, -1 for an act that endorses nobody. */
    private static int endorses(Interaction act) {
        if (act.postDeleted()) {
            return -1;
        }
        return switch (act.kind()) {
            case UP_VOTE -> act.counted() ? 0 : -1;
            case DOWN_VOTE -> -1;
            case REPLY -> act.replyDeleted() ? -1 : 1;
        };
    }
}
