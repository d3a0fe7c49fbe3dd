package dev.niche.community.tck;

import org.jspecify.annotations.Nullable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Privileges gated by trust level, by the documented default table: links from level 1, down votes
 * and invites from level 2, owners and moderators exempt; and the owner's power to change the table.
 */
abstract class PrivilegeScenarios extends TrustScenarios {
    private Actor owner;
    private Actor newbie;
    private CommunityView community;
    private PostView topic;

    PrivilegeScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void newcomer() {
        owner = person("founder");
        community = openCommunity(owner, "gated");
        newbie = member(community, owner, "newbie");
        topic = thread(owner, community);
    }

    private PostView startThread(Actor author, String title, String body, @Nullable String link) {
        return engine.posts().startThread(author, new StartThread(community.id(), title, body, link));
    }

    private PostView replyWith(Actor author, String body) {
        return engine.posts().reply(author, new Reply(topic.id(), body));
    }

    private InviteView invite(Actor actor) {
        return engine.memberships().createInvite(actor, new CreateInvite(community.id(), Duration.ofDays(1), 1));
    }

    @Test
    @DisplayName("a NEW member may not post a link: as a link field, as https:// in a body or title, or as www. in a reply; nothing is written")
    void newMembersPostNoLinks() {
        List<Object> before = storeState(List.of(community), List.of(owner, newbie));

        String message = assertRejected(ErrorCode.FORBIDDEN,
                () -> startThread(newbie, "A shop", "Cheap.", "https://example.com/shop")).getMessage();
        assertRejected(ErrorCode.FORBIDDEN, () -> startThread(newbie, "A shop", "See https://example.com/shop", null));
        assertRejected(ErrorCode.FORBIDDEN, () -> startThread(newbie, "Go to ftp://example.com", "Cheap.", null));
        assertRejected(ErrorCode.FORBIDDEN, () -> replyWith(newbie, "Buy at WWW.example.com today"));

        assertThat(message).contains("level 1");
        assertThat(storeState(List.of(community), List.of(owner, newbie))).isEqualTo(before);
        assertThat(reread(topic).replyCount()).isZero();
        assertThat(startThread(newbie, "No address here", "Just words: www and http.", null).title())
                .isEqualTo("No address here");
    }

    @Test
    @DisplayName("after reaching BASIC the member posts links")
    void basicMembersPostLinks() {
        raiseToBasic(community, newbie, threads(owner, community, 5));

        PostView linked = startThread(newbie, "A find", "Worth reading.", "https://example.com/find");
        PostView reply = replyWith(newbie, "More at www.example.com");

        assertThat(linked.link()).isEqualTo("https://example.com/find");
        assertThat(reply.body()).isEqualTo("More at www.example.com");
    }

    @Test
    @DisplayName("the owner and moderators post links at level 0")
    void moderatorsAreExempt() {
        Actor warden = member(community, owner, "warden");
        engine.memberships().changeRole(owner, community.id(), warden.pseudonym(), Role.MODERATOR);

        startThread(owner, "Owner's link", "", "https://example.com/owner");
        startThread(warden, "Moderator's link", "See https://example.com/mod", null);

        assertThat(level(community, owner)).isEqualTo(TrustLevel.NEW);
        assertThat(level(community, warden)).isEqualTo(TrustLevel.NEW);
    }

    @Test
    @DisplayName("down votes need MEMBER: refused at NEW and BASIC with nothing written, allowed at MEMBER; up votes need no level")
    void downVotesNeedMember() {
        Actor author = member(community, owner, "author");
        PostView post = thread(author, community);
        List<PostView> threads = threads(owner, community, 20);
        Actor basic = member(community, owner, "basic");
        raiseToBasic(community, basic, threads);
        up(newbie, post);
        List<Object> before = storeState(List.of(community), List.of(owner, newbie, basic, author));

        assertThat(assertRejected(ErrorCode.FORBIDDEN, () -> vote(newbie, post, Direction.DOWN)).getMessage())
                .contains("level 2");
        assertRejected(ErrorCode.FORBIDDEN, () -> vote(basic, post, Direction.DOWN));

        assertThat(storeState(List.of(community), List.of(owner, newbie, basic, author))).isEqualTo(before);
        assertThat(reread(post).ups()).as("the NEW member's up vote stays").isEqualTo(1);
        raiseToMember(community, owner, newbie, threads);
        VoteOutcome down = vote(newbie, post, Direction.DOWN);
        assertThat(down.downs()).isEqualTo(1);
        assertThat(down.ups()).isZero();
        assertReputation(community, author, -2);
    }

    @Test
    @DisplayName("the owner and moderators down vote at level 0")
    void moderatorsDownVote() {
        Actor warden = member(community, owner, "warden");
        engine.memberships().changeRole(owner, community.id(), warden.pseudonym(), Role.MODERATOR);
        PostView post = thread(newbie, community);

        vote(owner, post, Direction.DOWN);
        vote(warden, post, Direction.DOWN);

        assertThat(reread(post).downs()).isEqualTo(2);
        assertReputation(community, newbie, -4);
    }

    @Test
    @DisplayName("creating invites needs MEMBER: refused at NEW with nothing written, allowed at MEMBER")
    void invitesNeedMember() {
        CommunityView guild = community(owner, "guild", Visibility.PUBLIC, JoinPolicy.INVITE_ONLY);
        Actor recruit = member(guild, owner, "recruit");
        List<Object> before = storeState(List.of(guild), List.of(owner, recruit));

        assertThat(assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships().createInvite(recruit,
                new CreateInvite(guild.id(), Duration.ofDays(1), 1))).getMessage()).contains("level 2");

        assertThat(storeState(List.of(guild), List.of(owner, recruit))).isEqualTo(before);
        raiseToMember(guild, owner, recruit, threads(owner, guild, 20));
        InviteView invite = engine.memberships().createInvite(recruit, new CreateInvite(guild.id(), Duration.ofDays(1), 1));
        Actor guest = person("guest");
        assertThat(engine.memberships().join(guest, JoinCommunity.withInvite(guild.id(), invite.code())).state())
                .isEqualTo(MemberState.ACTIVE);
    }

    @Test
    @DisplayName("the owner's policy changes the table: with links and invites at level 0 a NEW member posts links and invites")
    void ownerChangesTable() {
        TrustPolicy open = TrustPolicy.defaults()
                .withPrivilege(Privilege.POST_LINKS, TrustLevel.NEW)
                .withPrivilege(Privilege.CREATE_INVITES, TrustLevel.NEW);

        TrustPolicy set = trust().setPolicy(owner, community.id(), open);

        assertThat(set).isEqualTo(open);
        assertThat(trust().policy(Viewer.anonymous(), community.id())).isEqualTo(open);
        assertThat(startThread(newbie, "A find", "", "https://example.com/find").link()).isEqualTo("https://example.com/find");
        assertThat(invite(newbie).maxUses()).isEqualTo(1);
        assertRejected(ErrorCode.FORBIDDEN, () -> vote(newbie, topic, Direction.DOWN));
    }

    @Test
    @DisplayName("a stricter table binds members who earned the old one: with links at MEMBER a BASIC member is refused")
    void stricterTable() {
        raiseToBasic(community, newbie, threads(owner, community, 5));
        trust().setPolicy(owner, community.id(), TrustPolicy.defaults().withPrivilege(Privilege.POST_LINKS, TrustLevel.MEMBER));

        assertThat(assertRejected(ErrorCode.FORBIDDEN, () -> replyWith(newbie, "See www.example.com")).getMessage())
                .contains("level 2");
        assertThat(level(community, newbie)).as("levels already reached are kept").isEqualTo(TrustLevel.BASIC);
    }

    @Test
    @DisplayName("only the owner sets the policy: moderators and members are FORBIDDEN and the policy stays; each community has its own")
    void onlyOwnerSetsPolicy() {
        Actor warden = member(community, owner, "warden");
        engine.memberships().changeRole(owner, community.id(), warden.pseudonym(), Role.MODERATOR);
        CommunityView other = openCommunity(owner, "other");
        TrustPolicy lax = TrustPolicy.defaults().withPrivilege(Privilege.POST_LINKS, TrustLevel.NEW);
        Actor outsider = person("outsider");
        List<Object> before = storeState(List.of(community), List.of(owner, warden, newbie));

        assertRejected(ErrorCode.FORBIDDEN, () -> trust().setPolicy(warden, community.id(), lax));
        assertRejected(ErrorCode.FORBIDDEN, () -> trust().setPolicy(newbie, community.id(), lax));
        assertRejected(ErrorCode.FORBIDDEN, () -> trust().setPolicy(outsider, community.id(), lax));

        assertThat(storeState(List.of(community), List.of(owner, warden, newbie))).isEqualTo(before);
        assertThat(trust().policy(newbie.asViewer(), community.id())).isEqualTo(TrustPolicy.defaults());
        trust().setPolicy(owner, other.id(), lax);
        assertThat(trust().policy(Viewer.anonymous(), other.id())).isEqualTo(lax);
        assertThat(trust().policy(Viewer.anonymous(), community.id())).isEqualTo(TrustPolicy.defaults());
    }

    @Test
    @DisplayName("a PRIVATE community's policy is NOT_FOUND to outsiders")
    void privatePolicy() {
        CommunityView club = community(owner, "club", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.NOT_FOUND, () -> trust().policy(outsider.asViewer(), club.id()));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().setPolicy(outsider, club.id(), TrustPolicy.defaults()));
        assertThat(trust().policy(owner.asViewer(), club.id())).isEqualTo(TrustPolicy.defaults());
    }
}
