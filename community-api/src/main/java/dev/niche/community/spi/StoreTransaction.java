package dev.niche.community.spi;

import dev.niche.community.AccountId;

/**
 * The tables of one unit of work. Valid only during the {@link StoreWork} it was passed to.
 * Reads see the unit's own writes.
 */
public interface StoreTransaction {

    PseudonymTable pseudonyms();

    CommunityTable communities();

    MembershipTable memberships();

    InviteTable invites();

    PostTable posts();

    VoteTable votes();

    ReputationTable reputation();

    TrustTable trust();

    /**
     * Serialises this unit of work with every other unit of work, on any node, that locks the same
     * account, until this one ends. The engine uses it where a rule spans several rows of one
     * account, such as the most pseudonyms an account may hold. A store with a single global write
     * lock may do nothing here.
     */
    void lockAccount(AccountId account);
}
