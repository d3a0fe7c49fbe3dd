package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.InviteCreated;
import dev.niche.community.event.CommunityEvent.InviteRevoked;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Invite codes: who makes them, their limits, and the one answer for every code that does not work. */
abstract class InviteScenarios extends EngineFixture {
    private Actor owner;
    private CommunityView community;

    InviteScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void inviteOnlyCommunity() {
        owner = person("founder");
        community = community(owner, "invitation", Visibility.PUBLIC, JoinPolicy.INVITE_ONLY);
    }

    private InviteView create(Actor moderator, Duration validFor, int maxUses) {
        return engine.memberships().createInvite(moderator, new CreateInvite(community.id(), validFor, maxUses));
    }

    private String joinWith(Actor actor, String code) {
        return engine.memberships().join(actor, JoinCommunity.withInvite(community.id(), code)).state().name();
    }

    @Test
    @DisplayName("a moderator's invite expires after its validity, admits its uses, and its event hides the code")
    void createsInvite() {
        Actor moderator = member(community, owner, "moderator-1");
        engine.memberships().changeRole(owner, community.id(), moderator.pseudonym(), Role.MODERATOR);

        InviteView invite = create(moderator, Duration.ofDays(2), 3);

        assertThat(invite.community()).isEqualTo(community.id());
        assertThat(invite.expiresAt()).isEqualTo(START.plus(Duration.ofDays(2)));
        assertThat(invite.maxUses()).isEqualTo(3);
        assertThat(invite.uses()).isZero();
        assertThat(invite.revoked()).isFalse();
        assertThat(invite.code()).hasSizeGreaterThanOrEqualTo(22);
        InviteCreated event = lastEvent(InviteCreated.class);
        assertThat(event).isEqualTo(new InviteCreated(community.id(), invite.id(), moderator.pseudonym(), START));
        assertThat(event.toString()).doesNotContain(invite.code());
    }

    @Test
    @DisplayName("invite codes differ from one another")
    void codesAreDistinct() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            codes.add(invite(owner, community, 1).code());
        }
        assertThat(codes).hasSize(20);
    }

    @Test
    @DisplayName("a plain member may neither create nor revoke invites")
    void membersMayNotInvite() {
        Actor member = member(community, owner, "member");
        InviteView invite = invite(owner, community, 5);

        assertRejected(ErrorCode.FORBIDDEN, () -> create(member, Duration.ofDays(1), 1));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().revokeInvite(member, invite.id()));
        assertThat(joinWith(person("guest"), invite.code())).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("validity must lie between one minute and thirty days, and uses between 1 and 1000")
    void limits() {
        assertThat(create(owner, Duration.ofMinutes(1), 1).maxUses()).isEqualTo(1);
        assertThat(create(owner, Duration.ofDays(30), 1000).maxUses()).isEqualTo(1000);
        assertInvalid("validFor", () -> create(owner, Duration.ofSeconds(59), 1));
        assertInvalid("validFor", () -> create(owner, Duration.ofDays(30).plusSeconds(1), 1));
        assertInvalid("validFor", () -> create(owner, Duration.ofMinutes(-5), 1));
        assertInvalid("maxUses", () -> create(owner, Duration.ofDays(1), 0));
        assertInvalid("maxUses", () -> create(owner, Duration.ofDays(1), 1001));
    }

    @Test
    @DisplayName("a valid code admits at once under every policy, counting one use")
    void codeAdmitsUnderEveryPolicy() {
        CommunityView approval = community(owner, "by-approval", Visibility.RESTRICTED, JoinPolicy.APPROVAL);
        InviteView invite = engine.memberships().createInvite(owner, new CreateInvite(approval.id(), Duration.ofDays(1), 2));
        Actor guest = person("guest");

        assertThat(engine.memberships().join(guest, JoinCommunity.withInvite(approval.id(), invite.code())).state())
                .isEqualTo(MemberState.ACTIVE);
        assertThat(joinWith(person("other-guest"), invite(owner, community, 1).code())).isEqualTo("ACTIVE");
        assertThat(reread(approval).memberCount()).isEqualTo(2);
        assertThat(engine.memberships().revokeInvite(owner, invite.id()).uses()).isEqualTo(1);
    }

    @Test
    @DisplayName("a code lets an outsider into a PRIVATE community, which they then see")
    void codeOpensPrivate() {
        CommunityView hidden = community(owner, "hidden", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        InviteView invite = engine.memberships().createInvite(owner, new CreateInvite(hidden.id(), Duration.ofDays(1), 1));
        Actor guest = person("guest");

        engine.memberships().join(guest, JoinCommunity.withInvite(hidden.id(), invite.code()));

        assertThat(engine.communities().get(guest.asViewer(), hidden.id()).memberCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("unknown, expired, used-up and revoked codes are all refused with one message")
    void unusableCodes() {
        InviteView expiring = create(owner, Duration.ofMinutes(1), 5);
        InviteView single = create(owner, Duration.ofDays(1), 1);
        InviteView revoked = create(owner, Duration.ofDays(1), 5);
        joinWith(person("first-guest"), single.code());
        engine.memberships().revokeInvite(owner, revoked.id());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        Actor guest = person("guest");

        Set<String> messages = new HashSet<>();
        for (String code : new String[] {"no-such-code", expiring.code(), single.code(), revoked.code()}) {
            messages.add(assertRejected(ErrorCode.FORBIDDEN, () -> joinWith(guest, code)).getMessage());
        }

        assertThat(messages).hasSize(1);
        assertThat(engine.memberships().membership(guest, community.id())).isEmpty();
        assertThat(reread(community).memberCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a code admits only to its own community")
    void codeIsBoundToCommunity() {
        CommunityView other = community(owner, "elsewhere", Visibility.PUBLIC, JoinPolicy.INVITE_ONLY);
        InviteView forOther = engine.memberships().createInvite(owner, new CreateInvite(other.id(), Duration.ofDays(1), 5));
        Actor guest = person("guest");

        assertRejected(ErrorCode.FORBIDDEN, () -> joinWith(guest, forOther.code()));
    }

    @Test
    @DisplayName("revoking publishes InviteRevoked and shows the invite revoked")
    void revoking() {
        InviteView invite = invite(owner, community, 5);
        tick();

        InviteView revoked = engine.memberships().revokeInvite(owner, invite.id());

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.id()).isEqualTo(invite.id());
        assertThat(lastEvent(InviteRevoked.class))
                .isEqualTo(new InviteRevoked(community.id(), invite.id(), owner.pseudonym(), START.plusSeconds(1)));
    }

    @Test
    @DisplayName("a banned account cannot come back with an invite")
    void bannedCannotUseInvite() {
        Actor troll = member(community, owner, "troll");
        engine.memberships().ban(owner, community.id(), troll.pseudonym());
        InviteView invite = invite(owner, community, 5);

        assertRejected(ErrorCode.FORBIDDEN, () -> joinWith(troll, invite.code()));
        assertThat(engine.communities().get(Viewer.anonymous(), community.id()).memberCount()).isEqualTo(1);
    }
}
