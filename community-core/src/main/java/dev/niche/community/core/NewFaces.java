package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.trust.TrustLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account that rejoins a community under another pseudonym than the one it held the membership
 * through starts over as a new face: its trust level goes back to {@link TrustLevel#NEW}, a LEADER
 * grant included, and its trust score is dropped until the next recompute. Levels and scores belong to
 * the account; carried over, the new pseudonym would show what the old one showed (a LEADER grant, a
 * score that is nearly a fingerprint), and anyone who saw both would know them for one account. The
 * account's activity stays, so the new face climbs back by the rules as it visits and reads. Nothing
 * is published, since a TrustLevelChanged from the old level would tell the same.
 */
final class NewFaces {
    private static final int MEMBER_BATCH = 1000;

    private NewFaces() {}

    /** Starts the account over in the community, if what it shows there would carry over. */
    static void startOver(StoreTransaction tx, CommunityId community, AccountId account, Instant now) {
        tx.trust().level(community, account)
                .filter(level -> level.level() != TrustLevel.NEW || level.manual())
                .ifPresent(level -> tx.trust().putLevel(new LevelRecord(community, account, TrustLevel.NEW, false, now)));
        if (tx.trust().scores(community, List.of(account)).containsKey(account)) {
            // Scores are replaced a community at a time: keep every active member's, drop this one's. A
            // rejoin under another pseudonym is rare, so reading the active members here costs little.
            Map<AccountId, Double> kept = new HashMap<>(tx.trust().scores(community, activeMembers(tx, community)));
            kept.remove(account);
            tx.trust().replaceScores(community, kept);
        }
    }

    private static List<AccountId> activeMembers(StoreTransaction tx, CommunityId community) {
        List<AccountId> members = new ArrayList<>();
        @Nullable MemberKey after = null;
        List<MembershipRecord> batch;
        do {
            batch = tx.memberships().page(community, MemberState.ACTIVE, after, MEMBER_BATCH);
            for (MembershipRecord m : batch) {
                members.add(m.account());
            }
            if (!batch.isEmpty()) {
                MembershipRecord last = batch.get(batch.size() - 1);
                after = new MemberKey(last.since(), last.pseudonym());
            }
        } while (batch.size() == MEMBER_BATCH);
        return members;
    }
}
