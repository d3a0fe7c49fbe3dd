package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Everything the SPI can read about a known set of accounts, communities and invites, in one read
 * unit of work: pseudonyms, communities, memberships, posts with their counters, votes, tallies,
 * invites and the discovery index. Two snapshots are equal exactly when nothing readable changed.
 *
 * @param rows the records read, in a fixed order
 */
record StoreSnapshot(List<String> rows) {
    private static final int ALL = 10_000;

    static StoreSnapshot of(CommunityStore store, Collection<AccountId> accounts, Collection<CommunityId> communities,
            Collection<InviteId> invites) {
        return store.read(tx -> new StoreSnapshot(read(tx, accounts, communities, invites)));
    }

    private static List<String> read(StoreTransaction tx, Collection<AccountId> accounts,
            Collection<CommunityId> communities, Collection<InviteId> invites) {
        List<String> rows = new ArrayList<>();
        List<PostId> posts = new ArrayList<>();
        for (AccountId account : accounts) {
            tx.pseudonyms().byAccount(account).forEach(row -> rows.add(row.toString()));
        }
        for (CommunityId community : communities) {
            rows.add(tx.communities().byId(community).toString());
            for (MemberState state : MemberState.values()) {
                tx.memberships().page(community, state, null, ALL).forEach(row -> rows.add(row.toString()));
            }
            for (AccountId account : accounts) {
                rows.add(tx.memberships().find(community, account).toString());
            }
            for (PostRecord thread : tx.posts().threads(community, ThreadSort.NEW, null, null, ALL)) {
                rows.add(thread.toString());
                posts.add(thread.id());
                for (PostRecord reply : Descendants.of(tx.posts(), thread.id())) {
                    rows.add(reply.toString());
                    posts.add(reply.id());
                }
            }
        }
        for (PostId post : posts) {
            rows.add(post + " " + tx.votes().tally(post));
        }
        for (AccountId account : accounts) {
            for (PostId post : posts) {
                rows.add(post + " " + tx.votes().find(post, account).map(Object::toString).orElse("no vote"));
            }
        }
        for (InviteId invite : invites) {
            rows.add(tx.invites().byId(invite).toString());
        }
        tx.communities().search(new CommunitySearch(null, List.of(), Set.copyOf(communities), null, ALL))
                .forEach(row -> rows.add(row.toString()));
        return rows;
    }
}
