package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityDecision;
import dev.niche.community.spi.PostDecision;
import java.util.Optional;
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

/** The tables of one unit of work, all on the unit's one {@link Session}. */
final class JdbcTransaction implements StoreTransaction {
    private final JdbcPseudonymTable pseudonyms;
    private final JdbcCommunityTable communities;
    private final JdbcMembershipTable memberships;
    private final JdbcInviteTable invites;
    private final JdbcPostTable posts;
    private final JdbcVoteTable votes;
    private final JdbcReputationTable reputation;
    private final JdbcTrustTable trust;
    private final AccountLocks accountLocks;
    private final Decisions decisions;
    private final JdbcEventLog events;

    JdbcTransaction(Session session) {
        RowVersions versions = new RowVersions(!session.readOnly());
        CommunitiesRead communitiesRead = new CommunitiesRead();
        this.pseudonyms = new JdbcPseudonymTable(session);
        this.communities = new JdbcCommunityTable(session, versions, communitiesRead);
        this.memberships = new JdbcMembershipTable(session, versions);
        this.invites = new JdbcInviteTable(session);
        this.posts = new JdbcPostTable(session, versions, communitiesRead);
        this.votes = new JdbcVoteTable(session, versions);
        this.reputation = new JdbcReputationTable(session);
        this.trust = new JdbcTrustTable(session);
        this.accountLocks = new AccountLocks(session);
        this.events = new JdbcEventLog(session);
        this.decisions = new Decisions(session, versions, communitiesRead, posts, memberships, votes);
    }

    @Override
    public PseudonymTable pseudonyms() {
        return pseudonyms;
    }

    @Override
    public CommunityTable communities() {
        return communities;
    }

    @Override
    public MembershipTable memberships() {
        return memberships;
    }

    @Override
    public InviteTable invites() {
        return invites;
    }

    @Override
    public PostTable posts() {
        return posts;
    }

    @Override
    public VoteTable votes() {
        return votes;
    }

    @Override
    public ReputationTable reputation() {
        return reputation;
    }

    @Override
    public TrustTable trust() {
        return trust;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public void lockAccount(AccountId account) {
        accountLocks.lock(account);
    }

    @Override
    public Optional<PostDecision> postDecision(PostId post, AccountId account) {
        return decisions.post(post, account);
    }

    @Override
    public Optional<CommunityDecision> communityDecision(CommunityId community, AccountId account) {
        return decisions.community(community, account);
    }
}
