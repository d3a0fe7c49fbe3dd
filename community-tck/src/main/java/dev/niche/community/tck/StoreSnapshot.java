package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import java.time.Instant;
import dev.niche.community.spi.Interaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the SPI can read about a known set of accounts, communities and invites, in one read
 * unit of work: pseudonyms, communities, memberships, posts with their counters, votes, tallies,
 * invites, the discovery index, reputation (totals, leaderboards, recounts and what the ledger holds
 * per vote and per pair of accounts) and trust (activity, levels, policies, endorsements and
 * scores). Two snapshots are equal exactly when nothing readable changed: rows are compared by value,
 * with {@link Object#equals}, never by {@code toString()}, which hides what an {@link AccountId} holds.
 *
 * @param rows the records read, in a fixed order; a row that is not one record is a list of values
 */
record StoreSnapshot(List<Object> rows) {
    private static final int ALL = 10_000;
    /** Before any time the engine's clock shows in the kit, so that the whole ledger and every day count. */
    private static final Instant EVER = Instant.EPOCH;
    private static final long FROM_THE_FIRST_DAY = 0;

    static StoreSnapshot of(CommunityStore store, Collection<AccountId> accounts, Collection<CommunityId> communities,
            Collection<InviteId> invites) {
        return store.read(tx -> new StoreSnapshot(read(tx, accounts, communities, invites)));
    }

    private static List<Object> read(StoreTransaction tx, Collection<AccountId> accounts,
            Collection<CommunityId> communities, Collection<InviteId> invites) {
        List<Object> rows = new ArrayList<>();
        List<PostId> posts = new ArrayList<>();
        List<PseudonymId> pseudonyms = new ArrayList<>();
        for (AccountId account : accounts) {
            for (PseudonymRecord row : tx.pseudonyms().byAccount(account)) {
                rows.add(row);
                pseudonyms.add(row.id());
            }
        }
        for (CommunityId community : communities) {
            rows.add(tx.communities().byId(community));
            for (MemberState state : MemberState.values()) {
                tx.memberships().page(community, state, null, ALL).forEach(rows::add);
            }
            for (AccountId account : accounts) {
                rows.add(tx.memberships().find(community, account));
            }
            for (PostRecord thread : tx.posts().threads(community, ThreadSort.NEW, null, null, ALL)) {
                rows.add(thread);
                posts.add(thread.id());
                for (PostRecord reply : Descendants.of(tx.posts(), thread.id())) {
                    rows.add(reply);
                    posts.add(reply.id());
                }
            }
        }
        for (PostId post : posts) {
            rows.add(row(post, tx.votes().tally(post)));
        }
        for (AccountId account : accounts) {
            for (PostId post : posts) {
                rows.add(row(post, account, tx.votes().find(post, account)));
                rows.add(row(post, account, "vote net", tx.reputation().voteNet(post, account)));
            }
        }
        for (CommunityId community : communities) {
            readReputation(tx, community, accounts, pseudonyms, rows);
            readTrust(tx, community, accounts, rows);
        }
        for (PseudonymId pseudonym : pseudonyms) {
            rows.add(row(pseudonym, "across", tx.reputation().totalAcross(pseudonym)));
        }
        for (InviteId invite : invites) {
            rows.add(tx.invites().byId(invite));
        }
        tx.communities().search(new CommunitySearch(null, List.of(), Set.copyOf(communities), null, ALL))
                .forEach(rows::add);
        return rows;
    }

    /** Values that make one row together, compared one by one; nulls allowed. */
    private static List<@Nullable Object> row(@Nullable Object... values) {
        return Arrays.asList(values);
    }

    private static void readReputation(StoreTransaction tx, CommunityId community, Collection<AccountId> accounts,
            List<PseudonymId> pseudonyms, List<Object> rows) {
        tx.reputation().leaderboard(community, null, ALL).forEach(rows::add);
        tx.reputation().serialPairs(community, null, ALL).forEach(rows::add);
        for (PseudonymId pseudonym : pseudonyms) {
            rows.add(row(pseudonym, "total", tx.reputation().total(community, pseudonym),
                    "recounted", tx.reputation().recount(community, pseudonym)));
        }
        for (AccountId from : accounts) {
            for (AccountId to : accounts) {
                rows.add(row(from, "voted on", to, tx.reputation().votesSince(community, from, to, EVER), "times"));
            }
        }
    }

    private static void readTrust(StoreTransaction tx, CommunityId community, Collection<AccountId> accounts,
            List<Object> rows) {
        List<AccountId> ordered = List.copyOf(accounts);
        Map<AccountId, LevelRecord> levels = tx.trust().levels(community, ordered);
        Map<AccountId, Double> scores = tx.trust().scores(community, ordered);
        for (int i = 0; i < ordered.size(); i++) {
            AccountId account = ordered.get(i);
            rows.add(row(account, tx.trust().activity(community, account, FROM_THE_FIRST_DAY), levels.get(account),
                    "score", scores.get(account)));
        }
        rows.add(row(community, "policy", tx.trust().policy(community)));
        // The store's order of interactions is its own: sort them by every component.
        tx.trust().interactions(community).stream()
                .sorted(Comparator.comparingInt((Interaction i) -> ordered.indexOf(i.from()))
                        .thenComparingInt(i -> ordered.indexOf(i.to()))
                        .thenComparing(Interaction::kind)
                        .thenComparing(Interaction::counted)
                        .thenComparing(Interaction::replyDeleted)
                        .thenComparing(Interaction::postDeleted)
                        .thenComparingLong(Interaction::count))
                .forEach(rows::add);
    }
}
