package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.MemberApproved;
import dev.niche.community.event.CommunityEvent.MemberJoined;
import dev.niche.community.event.CommunityEvent.MemberLeft;
import dev.niche.community.event.CommunityEvent.MemberRejected;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.membership.Role;
import dev.niche.community.identity.PseudonymView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Joining by policy, one membership per account, leaving, rejoining, approvals and rejections. */
abstract class JoinScenarios extends EngineFixture {
    private Actor owner;

    JoinScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void owner() {
        owner = person("founder");
    }

    private MembershipView join(Actor actor, CommunityView community) {
        return engine.memberships().join(actor, JoinCommunity.of(community.id()));
    }

    private MemberState stateOf(Actor actor, CommunityView community) {
        return engine.memberships().membership(actor, community.id()).map(MembershipView::state).orElseThrow();
    }

    @Test
    @DisplayName("joining an OPEN community makes an active MEMBER at once and counts them")
    void openJoinIsActive() {
        CommunityView community = openCommunity(owner, "open-house");
        Actor bob = person("bob");
        tick();

        MembershipView joined = join(bob, community);

        assertThat(joined.community()).isEqualTo(community.id());
        assertThat(joined.member()).isEqualTo(pseudonym(bob));
        assertThat(joined.role()).isEqualTo(Role.MEMBER);
        assertThat(joined.state()).isEqualTo(MemberState.ACTIVE);
        assertThat(joined.since()).isEqualTo(START.plusSeconds(1));
        assertThat(reread(community).memberCount()).isEqualTo(2);
        assertThat(lastEvent(MemberJoined.class)).isEqualTo(
                new MemberJoined(community.id(), bob.pseudonym(), MemberState.ACTIVE, START.plusSeconds(1)));
    }

    @Test
    @DisplayName("joining an APPROVAL community makes a pending member, not counted until approved")
    void approvalJoinIsPending() {
        CommunityView community = community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        Actor bob = person("bob");

        assertThat(join(bob, community).state()).isEqualTo(MemberState.PENDING);
        assertThat(lastEvent(MemberJoined.class).state()).isEqualTo(MemberState.PENDING);
        assertThat(reread(community).memberCount()).isEqualTo(1);
        tick();

        MembershipView approved = engine.memberships().approve(owner, community.id(), bob.pseudonym());

        assertThat(approved.state()).isEqualTo(MemberState.ACTIVE);
        assertThat(approved.since()).isEqualTo(START.plusSeconds(1));
        assertThat(reread(community).memberCount()).isEqualTo(2);
        assertThat(lastEvent(MemberApproved.class)).isEqualTo(
                new MemberApproved(community.id(), bob.pseudonym(), owner.pseudonym(), START.plusSeconds(1)));
    }

    @Test
    @DisplayName("a rejected applicant is LEFT and may apply again")
    void rejectedMayApplyAgain() {
        CommunityView community = community(owner, "by-approval", Visibility.RESTRICTED, JoinPolicy.APPROVAL);
        Actor bob = person("bob");
        join(bob, community);

        MembershipView rejected = engine.memberships().reject(owner, community.id(), bob.pseudonym());

        assertThat(rejected.state()).isEqualTo(MemberState.LEFT);
        assertThat(lastEvent(MemberRejected.class).member()).isEqualTo(bob.pseudonym());
        assertThat(reread(community).memberCount()).isEqualTo(1);
        assertThat(join(bob, community).state()).isEqualTo(MemberState.PENDING);
    }

    @Test
    @DisplayName("only moderators approve or reject, and only pending applicants")
    void approvalRefusals() {
        CommunityView community = community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        Actor member = member(community, owner, "member");
        Actor bob = person("bob");
        Actor stranger = person("stranger");
        join(bob, community);

        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().approve(member, community.id(), bob.pseudonym()));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().reject(member, community.id(), bob.pseudonym()));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.memberships().approve(owner, community.id(), member.pseudonym()));
        assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.memberships().reject(owner, community.id(), stranger.pseudonym()));
        assertThat(stateOf(bob, community)).isEqualTo(MemberState.PENDING);
    }

    @Test
    @DisplayName("an INVITE_ONLY community refuses a join without a code")
    void inviteOnlyNeedsCode() {
        CommunityView community = community(owner, "invitation", Visibility.PUBLIC, JoinPolicy.INVITE_ONLY);
        Actor bob = person("bob");

        assertRejected(ErrorCode.FORBIDDEN, () -> join(bob, community));
        assertThat(engine.memberships().membership(bob, community.id())).isEmpty();
    }

    @Test
    @DisplayName("a PRIVATE community is not found by an outsider joining without an invite")
    void privateNeedsInvite() {
        CommunityView community = community(owner, "hidden", Visibility.PRIVATE, JoinPolicy.OPEN);
        Actor bob = person("bob");

        assertRejected(ErrorCode.NOT_FOUND, () -> join(bob, community));
        assertThat(reread(owner, community).memberCount()).isEqualTo(1);
    }

    private CommunityView reread(Actor viewer, CommunityView community) {
        return engine.communities().get(viewer.asViewer(), community.id());
    }

    @Test
    @DisplayName("joining an unknown community is not found")
    void unknownCommunity() {
        Actor bob = person("bob");

        assertRejected(ErrorCode.NOT_FOUND, () -> engine.memberships()
                .join(bob, JoinCommunity.of(CommunityId.of("00000000-0000-7000-8000-000000000000"))));
    }

    @Test
    @DisplayName("joining twice under the same pseudonym is a conflict")
    void joiningTwiceConflicts() {
        CommunityView community = openCommunity(owner, "open-house");
        Actor bob = person("bob");
        join(bob, community);

        assertRejected(ErrorCode.CONFLICT, () -> join(bob, community));
        assertThat(reread(community).memberCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a second pseudonym of a member's account cannot join; the message names neither identity")
    void oneMembershipPerAccount() {
        CommunityView community = openCommunity(owner, "open-house");
        Actor bob = person("bob");
        join(bob, community);
        Actor bobsAlias = otherIdentity(bob, "robert");

        String message = assertRejected(ErrorCode.CONFLICT, () -> join(bobsAlias, community)).getMessage();

        assertThat(message).contains("another identity")
                .doesNotContain("bob").doesNotContain(bob.pseudonym().value())
                .doesNotContain("robert").doesNotContain(bobsAlias.pseudonym().value());
        assertThat(reread(community).memberCount()).isEqualTo(2);
        assertThat(engine.memberships().membership(bobsAlias, community.id()))
                .hasValueSatisfying(m -> assertThat(m.member().id()).isEqualTo(bob.pseudonym()));
    }

    @Test
    @DisplayName("a pending applicant's other pseudonym cannot apply again")
    void oneApplicationPerAccount() {
        CommunityView community = community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        Actor bob = person("bob");
        join(bob, community);
        Actor robert = otherIdentity(bob, "robert");

        assertRejected(ErrorCode.CONFLICT, () -> join(robert, community));
    }

    @Test
    @DisplayName("leaving makes the membership LEFT, uncounts it and publishes MemberLeft")
    void leaving() {
        CommunityView community = openCommunity(owner, "open-house");
        Actor bob = person("bob");
        join(bob, community);
        tick();

        MembershipView left = engine.memberships().leave(bob, community.id());

        assertThat(left.state()).isEqualTo(MemberState.LEFT);
        assertThat(left.since()).isEqualTo(START.plusSeconds(1));
        assertThat(reread(community).memberCount()).isEqualTo(1);
        assertThat(lastEvent(MemberLeft.class))
                .isEqualTo(new MemberLeft(community.id(), bob.pseudonym(), START.plusSeconds(1)));
    }

    @Test
    @DisplayName("a pending applicant may withdraw, which changes no count")
    void pendingMayLeave() {
        CommunityView community = community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        Actor bob = person("bob");
        join(bob, community);

        assertThat(engine.memberships().leave(bob, community.id()).state()).isEqualTo(MemberState.LEFT);
        assertThat(reread(community).memberCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("the owner cannot leave, and a non-member's leave is not found")
    void leaveRefusals() {
        CommunityView community = openCommunity(owner, "open-house");
        Actor bob = person("bob");

        assertRejected(ErrorCode.CONFLICT, () -> engine.memberships().leave(owner, community.id()));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.memberships().leave(bob, community.id()));
        join(bob, community);
        engine.memberships().leave(bob, community.id());
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.memberships().leave(bob, community.id()));
        assertThat(reread(community).memberCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a member who left may rejoin under another pseudonym, as a plain MEMBER again")
    void rejoinResetsRole() {
        CommunityView community = openCommunity(owner, "open-house");
        Actor bob = person("bob");
        join(bob, community);
        engine.memberships().changeRole(owner, community.id(), bob.pseudonym(), Role.MODERATOR);
        engine.memberships().leave(bob, community.id());
        Actor robert = otherIdentity(bob, "robert");

        MembershipView rejoined = join(robert, community);

        assertThat(rejoined.role()).isEqualTo(Role.MEMBER);
        assertThat(rejoined.state()).isEqualTo(MemberState.ACTIVE);
        assertThat(rejoined.member()).isEqualTo(pseudonym(robert));
        assertThat(reread(community).memberCount()).isEqualTo(2);
        assertThat(engine.memberships().membership(bob, community.id()).map(MembershipView::member)
                .map(PseudonymView::id)).contains(robert.pseudonym());
    }
}
