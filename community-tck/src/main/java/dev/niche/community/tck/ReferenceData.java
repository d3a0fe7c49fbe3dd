package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.VoteRecord;
import java.util.HashMap;
import java.util.Map;

/** The reference store's rows: one map per table, keyed as the table's primary key. Records are immutable, so a shallow copy is a snapshot. */
final class ReferenceData {
    record Membership(CommunityId community, AccountId account) {}

    record Ballot(PostId post, AccountId account) {}

    final Map<PseudonymId, PseudonymRecord> pseudonyms;
    final Map<CommunityId, CommunityRecord> communities;
    final Map<Membership, MembershipRecord> memberships;
    final Map<InviteId, InviteRecord> invites;
    final Map<PostId, PostRecord> posts;
    final Map<Ballot, VoteRecord> votes;

    ReferenceData() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private ReferenceData(
            Map<PseudonymId, PseudonymRecord> pseudonyms,
            Map<CommunityId, CommunityRecord> communities,
            Map<Membership, MembershipRecord> memberships,
            Map<InviteId, InviteRecord> invites,
            Map<PostId, PostRecord> posts,
            Map<Ballot, VoteRecord> votes) {
        this.pseudonyms = pseudonyms;
        this.communities = communities;
        this.memberships = memberships;
        this.invites = invites;
        this.posts = posts;
        this.votes = votes;
    }

    ReferenceData copy() {
        return new ReferenceData(new HashMap<>(pseudonyms), new HashMap<>(communities), new HashMap<>(memberships),
                new HashMap<>(invites), new HashMap<>(posts), new HashMap<>(votes));
    }
}
