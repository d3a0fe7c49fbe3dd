package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import java.time.Instant;

/**
 * A stored membership: one per (community, account).
 *
 * @param community the community
 * @param account   the account that is a member
 * @param pseudonym the account's pseudonym that holds it
 * @param role      the role
 * @param state     the state
 * @param since     when it entered its state; the member list's sort key
 */
public record MembershipRecord(
        CommunityId community, AccountId account, PseudonymId pseudonym, Role role, MemberState state, Instant since) {

    /** This membership with another role. */
    public MembershipRecord withRole(Role newRole) {
        return new MembershipRecord(community, account, pseudonym, newRole, state, since);
    }

    /** This membership in another state since {@code at}. */
    public MembershipRecord withState(MemberState newState, Instant at) {
        return new MembershipRecord(community, account, pseudonym, role, newState, at);
    }
}
