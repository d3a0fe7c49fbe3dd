package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.spi.CommunityTable;
import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.InviteTable;
import dev.niche.community.spi.MembershipTable;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.PseudonymTable;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.spi.VoteTable;

/** The reference store's tables over one set of maps. */
final class ReferenceTransaction implements StoreTransaction {
    private final ReferenceData data;

    ReferenceTransaction(ReferenceData data) {
        this.data = data;
    }

    @Override
    public PseudonymTable pseudonyms() {
        return new ReferencePseudonyms(data);
    }

    @Override
    public CommunityTable communities() {
        return new ReferenceCommunities(data);
    }

    @Override
    public MembershipTable memberships() {
        return new ReferenceMemberships(data);
    }

    @Override
    public InviteTable invites() {
        return new ReferenceInvites(data);
    }

    @Override
    public PostTable posts() {
        return new ReferencePosts(data);
    }

    @Override
    public VoteTable votes() {
        return new ReferenceVotes(data);
    }

    @Override
    public ReputationTable reputation() {
        return new ReferenceReputation(data);
    }

    @Override
    public TrustTable trust() {
        return new ReferenceTrust(data);
    }

    @Override
    public EventLog events() {
        return new ReferenceEvents(data);
    }

    @Override
    public void lockAccount(AccountId account) {
        // Every unit of work already holds the store's one lock.
    }
}
