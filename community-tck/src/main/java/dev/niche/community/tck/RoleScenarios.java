package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.MemberBanned;
import dev.niche.community.event.CommunityEvent.MemberUnbanned;
import dev.niche.community.event.CommunityEvent.RoleChanged;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Promotions and demotions, ownership transfer, bans and unbans. */
abstract class RoleScenarios extends EngineFixture {
    private Actor owner;
    private Actor moderator;
    private Actor member;
    private CommunityView community;

    RoleScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void staffedCommunity() {
        owner = person("founder");
        community = openCommunity(owner, "staffed");
        moderator = member(community, owner, "moderator-1");
        engine.memberships().changeRole(owner, community.id(), moderator.pseudonym(), Role.MODERATOR);
        member = member(community, owner, "member");
    }

    private MembershipView membershipOf(Actor actor) {
        return engine.memberships().membership(actor, community.id()).orElseThrow();
    }

    private int memberCount() {
        return reread(community).memberCount();
    }

    @Test
    @DisplayName("the owner promotes a member to MODERATOR, who may then moderate, and demotes them again")
    void promoteAndDemote() {
        tick();
        MembershipView promoted = engine.memberships().changeRole(owner, community.id(), member.pseudonym(), Role.MODERATOR);

        assertThat(promoted.role()).isEqualTo(Role.MODERATOR);
        assertThat(lastEvent(RoleChanged.class)).isEqualTo(new RoleChanged(community.id(), member.pseudonym(),
                Role.MODERATOR, owner.pseudonym(), START.plusSeconds(1)));
        assertThat(invite(member, community, 1).maxUses()).isEqualTo(1);

        engine.memberships().changeRole(owner, community.id(), member.pseudonym(), Role.MEMBER);

        assertThat(membershipOf(member).role()).isEqualTo(Role.MEMBER);
        assertRejected(ErrorCode.FORBIDDEN, () -> invite(member, community, 1));
    }

    @Test
    @DisplayName("only the owner changes roles; OWNER is not a role to give; the owner cannot change their own")
    void roleChangeRefusals() {
        assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().changeRole(moderator, community.id(), member.pseudonym(), Role.MODERATOR));
        assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().changeRole(member, community.id(), member.pseudonym(), Role.MODERATOR));
        assertInvalid("role", () -> engine.memberships().changeRole(owner, community.id(), member.pseudonym(), Role.OWNER));
        assertRejected(ErrorCode.CONFLICT,
                () -> engine.memberships().changeRole(owner, community.id(), owner.pseudonym(), Role.MEMBER));
        assertThat(membershipOf(member).role()).isEqualTo(Role.MEMBER);
        assertThat(membershipOf(owner).role()).isEqualTo(Role.OWNER);
    }

    @Test
    @DisplayName("roles go only to active members")
    void roleNeedsActiveMember() {
        Actor outsider = person("outsider");
        Actor leaver = member(community, owner, "leaver");
        engine.memberships().leave(leaver, community.id());

        assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.memberships().changeRole(owner, community.id(), outsider.pseudonym(), Role.MODERATOR));
        assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.memberships().changeRole(owner, community.id(), leaver.pseudonym(), Role.MODERATOR));
    }

    @Test
    @DisplayName("transferring ownership makes the target OWNER and the old owner a MODERATOR")
    void transfersOwnership() {
        MembershipView newOwner = engine.memberships().transferOwnership(owner, community.id(), member.pseudonym());

        assertThat(newOwner.role()).isEqualTo(Role.OWNER);
        assertThat(newOwner.member().id()).isEqualTo(member.pseudonym());
        assertThat(membershipOf(member).role()).isEqualTo(Role.OWNER);
        assertThat(membershipOf(owner).role()).isEqualTo(Role.MODERATOR);
        assertThat(eventsOf(RoleChanged.class)).extracting(RoleChanged::member, RoleChanged::role)
                .contains(tuple(member.pseudonym(), Role.OWNER),
                        tuple(owner.pseudonym(), Role.MODERATOR));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.communities().archive(owner, community.id()));
        assertThat(engine.memberships().leave(owner, community.id()).state()).isEqualTo(MemberState.LEFT);
        assertThat(engine.communities().archive(member, community.id()).archived()).isTrue();
    }

    @Test
    @DisplayName("only the owner transfers, and only to an active member")
    void transferRefusals() {
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().transferOwnership(moderator, community.id(), member.pseudonym()));
        assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.memberships().transferOwnership(owner, community.id(), outsider.pseudonym()));
        assertThat(membershipOf(owner).role()).isEqualTo(Role.OWNER);
    }

    @Test
    @DisplayName("a moderator bans a member: BANNED, uncounted, and shut out of posting, voting and rejoining")
    void moderatorBansMember() {
        PostView thread = thread(owner, community);
        tick();

        MembershipView banned = engine.memberships().ban(moderator, community.id(), member.pseudonym());

        assertThat(banned.state()).isEqualTo(MemberState.BANNED);
        assertThat(banned.role()).isEqualTo(Role.MEMBER);
        assertThat(memberCount()).isEqualTo(2);
        assertThat(lastEvent(MemberBanned.class)).isEqualTo(new MemberBanned(community.id(), member.pseudonym(),
                moderator.pseudonym(), START.plusSeconds(1)));
        assertRejected(ErrorCode.FORBIDDEN, () -> thread(member, community));
        assertRejected(ErrorCode.FORBIDDEN, () -> reply(member, thread));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.votes().cast(member, new CastVote(thread.id(), Direction.UP)));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().join(member, JoinCommunity.of(community.id())));
    }

    @Test
    @DisplayName("a banned account cannot come back under another pseudonym")
    void banCoversTheAccount() {
        engine.memberships().ban(owner, community.id(), member.pseudonym());
        Actor alias = otherIdentity(member, "fresh-start");

        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().join(alias, JoinCommunity.of(community.id())));
        assertThat(memberCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("only the owner bans a moderator, who loses the role; nobody bans the owner")
    void banningStaff() {
        Actor secondModerator = member(community, owner, "moderator-2");
        engine.memberships().changeRole(owner, community.id(), secondModerator.pseudonym(), Role.MODERATOR);

        assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().ban(moderator, community.id(), secondModerator.pseudonym()));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().ban(moderator, community.id(), owner.pseudonym()));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().ban(owner, community.id(), owner.pseudonym()));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().ban(member, community.id(), moderator.pseudonym()));

        MembershipView banned = engine.memberships().ban(owner, community.id(), secondModerator.pseudonym());

        assertThat(banned.state()).isEqualTo(MemberState.BANNED);
        assertThat(banned.role()).isEqualTo(Role.MEMBER);
        assertThat(membershipOf(moderator).state()).isEqualTo(MemberState.ACTIVE);
        assertThat(memberCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("a plain member may not ban")
    void membersMayNotBan() {
        Actor other = member(community, owner, "other");

        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().ban(member, community.id(), other.pseudonym()));
        assertThat(membershipOf(other).state()).isEqualTo(MemberState.ACTIVE);
    }

    @Test
    @DisplayName("banning a pending applicant changes no count")
    void banningApplicant() {
        CommunityView approval = community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        Actor applicant = person("applicant");
        engine.memberships().join(applicant, JoinCommunity.of(approval.id()));

        assertThat(engine.memberships().ban(owner, approval.id(), applicant.pseudonym()).state())
                .isEqualTo(MemberState.BANNED);
        assertThat(reread(approval).memberCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("unbanning leaves the member LEFT, free to join again; only moderators unban")
    void unbanning() {
        engine.memberships().ban(moderator, community.id(), member.pseudonym());
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().unban(member, community.id(), member.pseudonym()));
        tick();

        MembershipView unbanned = engine.memberships().unban(moderator, community.id(), member.pseudonym());

        assertThat(unbanned.state()).isEqualTo(MemberState.LEFT);
        assertThat(lastEvent(MemberUnbanned.class)).isEqualTo(new MemberUnbanned(community.id(), member.pseudonym(),
                moderator.pseudonym(), START.plusSeconds(1)));
        assertThat(memberCount()).isEqualTo(2);
        assertThat(engine.memberships().join(member, JoinCommunity.of(community.id())).state())
                .isEqualTo(MemberState.ACTIVE);
        assertThat(memberCount()).isEqualTo(3);
    }
}
