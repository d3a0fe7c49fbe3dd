package dev.niche.community.membership;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import java.util.Optional;

/**
 * Memberships: one per account per community, held by one of the account's pseudonyms.
 *
 * <pre>{@code
 * MembershipView m = engine.memberships().join(bob, JoinCommunity.of(flyers.id()));
 * assert m.state() == MemberState.ACTIVE; // an OPEN community
 * }</pre>
 */
public interface Memberships {

    /**
     * Joins a community: OPEN makes an active member, APPROVAL a pending one, INVITE_ONLY needs a
     * valid invite (which admits at once under every policy). A member who left may join again.
     *
     * @throws dev.niche.community.ConflictException if the account is already a member, through this
     *         or another of its pseudonyms (the message does not say which), or the community is
     *         archived
     * @throws dev.niche.community.ForbiddenException if the account is banned, or the invite is
     *         missing, unknown, expired, used up or revoked
     */
    MembershipView join(Actor actor, JoinCommunity command);

    /**
     * Leaves a community. The owner must transfer ownership first.
     *
     * @throws dev.niche.community.NotFoundException if the actor is not an active or pending member
     */
    MembershipView leave(Actor actor, CommunityId community);

    /** Approves a pending member; moderators may. */
    MembershipView approve(Actor moderator, CommunityId community, PseudonymId applicant);

    /** Rejects a pending member, who may apply again later; moderators may. */
    MembershipView reject(Actor moderator, CommunityId community, PseudonymId applicant);

    /**
     * Creates an invite code; moderators may, and members who hold the
     * {@link dev.niche.community.trust.Privilege#CREATE_INVITES} privilege (trust level 2 by default).
     */
    InviteView createInvite(Actor actor, CreateInvite command);

    /** Revokes an invite so that it admits nobody more; moderators may. */
    InviteView revokeInvite(Actor moderator, InviteId invite);

    /**
     * Makes an active member a MODERATOR or a MEMBER; only the owner may.
     *
     * @throws dev.niche.community.InvalidInputException if {@code role} is OWNER: use
     *         {@link #transferOwnership}
     */
    MembershipView changeRole(Actor owner, CommunityId community, PseudonymId member, Role role);

    /**
     * Hands the community to another active member, who becomes OWNER; the old owner becomes a
     * MODERATOR. Only the owner may.
     */
    MembershipView transferOwnership(Actor owner, CommunityId community, PseudonymId newOwner);

    /**
     * Bans a member, who then cannot take part or rejoin. Moderators may ban members; only the owner
     * may ban a moderator; nobody bans the owner.
     */
    MembershipView ban(Actor moderator, CommunityId community, PseudonymId member);

    /** Lifts a ban; the member may join again. Moderators may. */
    MembershipView unban(Actor moderator, CommunityId community, PseudonymId member);

    /**
     * The actor's own membership in a community, if it has one in any state, held by whichever of
     * its pseudonyms.
     */
    Optional<MembershipView> membership(Actor actor, CommunityId community);

    /**
     * The community's members in one state, longest-standing first. Anyone who may read the community
     * may list ACTIVE members; only its moderators may list the other states.
     */
    Page<MembershipView> members(Viewer viewer, CommunityId community, MemberState state, PageRequest page);
}
