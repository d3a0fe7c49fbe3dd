package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the model-based rule has created so far, so that actions can refer to rows by index, and
 * how it observes a store: every lookup the SPI offers, over every row and key it knows.
 */
final class ModelWorld {
    static final List<String> HANDLES = List.of("ann", "Ann", "bob", "BOB", "cy");
    static final List<String> SLUGS = List.of("alpha", "beta", "gamma");
    static final List<String> TAGS = List.of("x", "y");
    static final List<String> CODES = List.of("c1", "C1", "c2");
    /** The creation time from which the observed TOP-window listings start: posts are made at 0, 1 or 2 s. */
    static final Instant SINCE = Rows.at(1);

    final List<AccountId> accounts = List.of(AccountId.of("model-0"), AccountId.of("model-1"), AccountId.of("model-2"));
    final List<PseudonymRecord> pseudonyms = new ArrayList<>();
    final List<CommunityRecord> communities = new ArrayList<>();
    final List<PostRecord> posts = new ArrayList<>();
    final List<InviteRecord> invites = new ArrayList<>();
    final List<Ballot> ballots = new ArrayList<>();
    private int ids;

    /** A vote that was cast at some point; it may have been retracted since. */
    record Ballot(PostRecord post, PseudonymRecord voter) {}

    /** A new id, counting up, so that both stores get the same rows and ids sort in creation order. */
    String newId() {
        return String.format("00000000-0000-4000-8000-%012d", ++ids);
    }

    /** Every answer the store gives about the known rows, labelled by the question asked. */
    Map<String, Object> observe(StoreTransaction tx) {
        Map<String, Object> seen = new LinkedHashMap<>();
        observePeople(tx, seen);
        observeCommunities(tx, seen);
        observePosts(tx, seen);
        for (InviteRecord invite : invites) {
            seen.put("invites().byId(" + invite.code() + ")", tx.invites().byId(invite.id()));
        }
        for (String code : CODES) {
            seen.put("invites().byCode(" + code + ")", tx.invites().byCode(code));
        }
        return seen;
    }

    private void observePeople(StoreTransaction tx, Map<String, Object> seen) {
        for (String handle : HANDLES) {
            seen.put("pseudonyms().byHandle(" + handle + ")", tx.pseudonyms().byHandle(handle));
        }
        for (PseudonymRecord p : pseudonyms) {
            seen.put("pseudonyms().byId(" + p.handle() + ")", tx.pseudonyms().byId(p.id()));
        }
        seen.put("pseudonyms().byIds(all)", tx.pseudonyms().byIds(pseudonyms.stream().map(PseudonymRecord::id).toList()));
        for (AccountId account : accounts) {
            seen.put("pseudonyms().byAccount(" + account.value() + ")", tx.pseudonyms().byAccount(account));
            for (MemberState state : MemberState.values()) {
                seen.put("memberships().communitiesOf(" + account.value() + ", " + state + ")",
                        tx.memberships().communitiesOf(account, state));
            }
        }
    }

    private void observeCommunities(StoreTransaction tx, Map<String, Object> seen) {
        for (String slug : SLUGS) {
            seen.put("communities().bySlug(" + slug + ")", tx.communities().bySlug(slug));
        }
        Set<CommunityId> all =
                communities.stream().map(CommunityRecord::id).collect(Collectors.toSet());
        seen.put("communities().search(everything)", tx.communities().search(new CommunitySearch(null, List.of(), all, null, 10)));
        seen.put("communities().search(public)", tx.communities().search(new CommunitySearch(null, List.of(), Set.of(), null, 10)));
        seen.put("communities().search(tag x)", tx.communities().search(new CommunitySearch("x", List.of(), all, null, 10)));
        seen.put("communities().search(words, after alpha, 1)",
                tx.communities().search(new CommunitySearch(null, List.of("a", "title"), all, "alpha", 1)));
        for (CommunityRecord c : communities) {
            String name = c.slug();
            seen.put("communities().byId(" + name + ")", tx.communities().byId(c.id()));
            for (AccountId account : accounts) {
                seen.put("memberships().find(" + name + ", " + account.value() + ")", tx.memberships().find(c.id(), account));
            }
            for (PseudonymRecord p : pseudonyms) {
                seen.put("memberships().findByPseudonym(" + name + ", " + p.handle() + ")",
                        tx.memberships().findByPseudonym(c.id(), p.id()));
            }
            for (MemberState state : MemberState.values()) {
                List<MembershipRecord> page = tx.memberships().page(c.id(), state, null, 100);
                seen.put("memberships().page(" + name + ", " + state + ")", page);
                if (!page.isEmpty()) {
                    MemberKey first = new MemberKey(page.get(0).since(), page.get(0).pseudonym());
                    seen.put("memberships().page(" + name + ", " + state + ", after the first, 2)",
                            tx.memberships().page(c.id(), state, first, 2));
                }
            }
            for (ThreadSort sort : ThreadSort.values()) {
                List<PostRecord> threads = tx.posts().threads(c.id(), sort, null, null, 100);
                seen.put("posts().threads(" + name + ", " + sort + ")", threads);
                seen.put("posts().threads(" + name + ", " + sort + ", since " + SINCE + ")",
                        tx.posts().threads(c.id(), sort, SINCE, null, 100));
                if (!threads.isEmpty()) {
                    SortKey first = SortKey.of(threads.get(0), sort);
                    seen.put("posts().threads(" + name + ", " + sort + ", after the first, 2)",
                            tx.posts().threads(c.id(), sort, null, first, 2));
                }
            }
        }
    }

    private void observePosts(StoreTransaction tx, Map<String, Object> seen) {
        List<PostId> ids = posts.stream().map(PostRecord::id).toList();
        seen.put("posts().byIds(all)", tx.posts().byIds(ids));
        for (PostRecord post : posts) {
            String name = "post " + posts.indexOf(post);
            seen.put("posts().byId(" + name + ")", tx.posts().byId(post.id()));
            for (ReplySort sort : ReplySort.values()) {
                List<PostRecord> children = tx.posts().children(post.id(), sort, null, 100);
                seen.put("posts().children(" + name + ", " + sort + ")", children);
                if (!children.isEmpty()) {
                    SortKey first = SortKey.of(children.get(0), sort);
                    seen.put("posts().children(" + name + ", " + sort + ", after the first, 2)",
                            tx.posts().children(post.id(), sort, first, 2));
                }
            }
            seen.put("votes().tally(" + name + ")", tx.votes().tally(post.id()));
            for (AccountId account : accounts) {
                seen.put("votes().find(" + name + ", " + account.value() + ")", tx.votes().find(post.id(), account));
            }
        }
        for (AccountId account : accounts) {
            seen.put("votes().ofAccount(" + account.value() + ", all)", tx.votes().ofAccount(account, ids));
        }
    }
}
