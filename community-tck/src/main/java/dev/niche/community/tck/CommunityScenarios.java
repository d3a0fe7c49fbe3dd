package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.UpdateCommunity;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.CommunityArchived;
import dev.niche.community.event.CommunityEvent.CommunityCreated;
import dev.niche.community.event.CommunityEvent.CommunityUpdated;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Creating, reading, updating and archiving communities. */
abstract class CommunityScenarios extends EngineFixture {
    CommunityScenarios(EngineScenarios suite) {
        super(suite);
    }

    @Test
    @DisplayName("the creator becomes the active OWNER of a new community with one member")
    void creatorBecomesOwner() {
        Actor owner = person("founder");
        CreateCommunity command = new CreateCommunity("vegan-bakers", "Vegan bakers", "Egg-free.\nButter-free.",
                List.of("baking", "vegan"), List.of("Be kind.", "No spam."), Visibility.PUBLIC, JoinPolicy.APPROVAL);

        CommunityView created = engine.communities().create(owner, command);

        assertThat(created.slug()).isEqualTo("vegan-bakers");
        assertThat(created.title()).isEqualTo("Vegan bakers");
        assertThat(created.description()).isEqualTo("Egg-free.\nButter-free.");
        assertThat(created.tags()).containsExactly("baking", "vegan");
        assertThat(created.rules()).containsExactly("Be kind.", "No spam.");
        assertThat(created.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(created.joinPolicy()).isEqualTo(JoinPolicy.APPROVAL);
        assertThat(created.archived()).isFalse();
        assertThat(created.memberCount()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(START);
        assertThat(created.updatedAt()).isEqualTo(START);
        assertThat(engine.memberships().membership(owner, created.id())).hasValueSatisfying(m -> {
            assertThat(m.role()).isEqualTo(Role.OWNER);
            assertThat(m.state()).isEqualTo(MemberState.ACTIVE);
            assertThat(m.member().id()).isEqualTo(owner.pseudonym());
        });
        assertThat(lastEvent(CommunityCreated.class))
                .isEqualTo(new CommunityCreated(created.id(), "vegan-bakers", owner.pseudonym(), START));
    }

    @Test
    @DisplayName("a community is found by id and by slug; unknown ones are not found")
    void readsByIdAndSlug() {
        CommunityView created = openCommunity(person("founder"), "chess-clubs");

        assertThat(engine.communities().get(Viewer.anonymous(), created.id())).isEqualTo(created);
        assertThat(engine.communities().getBySlug(Viewer.anonymous(), "chess-clubs")).isEqualTo(created);
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.communities().getBySlug(Viewer.anonymous(), "no-such-slug"));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.communities()
                .get(Viewer.anonymous(), CommunityId.of("00000000-0000-7000-8000-000000000000")));
    }

    @Test
    @DisplayName("a taken slug is a conflict and nothing of the second community is kept")
    void slugIsUnique() {
        Actor first = person("first");
        Actor second = person("second");
        CommunityView original = openCommunity(first, "knitting");

        assertRejected(ErrorCode.CONFLICT, () -> openCommunity(second, "knitting"));

        assertThat(engine.communities().getBySlug(Viewer.anonymous(), "knitting")).isEqualTo(original);
        assertThat(engine.memberships().membership(second, original.id())).isEmpty();
    }

    @Test
    @DisplayName("a RESTRICTED community cannot be OPEN, neither when created nor when updated")
    void restrictedCannotBeOpen() {
        Actor owner = person("founder");
        assertInvalid("joinPolicy", () -> community(owner, "closed-doors", Visibility.RESTRICTED, JoinPolicy.OPEN));
        CommunityView open = openCommunity(owner, "open-doors");

        assertInvalid("joinPolicy", () -> engine.communities().update(owner, new UpdateCommunity(open.id(),
                open.title(), open.description(), open.tags(), open.rules(), Visibility.RESTRICTED, JoinPolicy.OPEN)));
        assertThat(reread(open)).isEqualTo(open);
    }

    @Test
    @DisplayName("the owner replaces the settings; the slug and creation time stay and the update time moves")
    void ownerUpdates() {
        Actor owner = person("founder");
        CommunityView before = openCommunity(owner, "gardeners");
        clock.advance(Duration.ofMinutes(5));

        CommunityView after = engine.communities().update(owner, new UpdateCommunity(before.id(), "Urban gardeners",
                "Balconies too.", List.of("garden"), List.of("Share seeds."), Visibility.RESTRICTED, JoinPolicy.APPROVAL));

        assertThat(after.slug()).isEqualTo("gardeners");
        assertThat(after.title()).isEqualTo("Urban gardeners");
        assertThat(after.description()).isEqualTo("Balconies too.");
        assertThat(after.tags()).containsExactly("garden");
        assertThat(after.rules()).containsExactly("Share seeds.");
        assertThat(after.visibility()).isEqualTo(Visibility.RESTRICTED);
        assertThat(after.joinPolicy()).isEqualTo(JoinPolicy.APPROVAL);
        assertThat(after.createdAt()).isEqualTo(START);
        assertThat(after.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(after.memberCount()).isEqualTo(1);
        assertThat(reread(before)).isEqualTo(after);
        assertThat(lastEvent(CommunityUpdated.class))
                .isEqualTo(new CommunityUpdated(before.id(), owner.pseudonym(), after.updatedAt()));
    }

    @Test
    @DisplayName("a moderator may update; a plain member and an outsider may not")
    void whoMayUpdate() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "gardeners");
        Actor moderator = member(community, owner, "moderator-1");
        engine.memberships().changeRole(owner, community.id(), moderator.pseudonym(), Role.MODERATOR);
        Actor plain = member(community, owner, "plain");
        Actor outsider = person("outsider");

        assertThat(engine.communities().update(moderator, retitled(community, "By a moderator")).title())
                .isEqualTo("By a moderator");
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.communities().update(plain, retitled(community, "No")));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.communities().update(outsider, retitled(community, "No")));
        assertThat(reread(community).title()).isEqualTo("By a moderator");
    }

    @Test
    @DisplayName("only the owner archives, once; a moderator is forbidden")
    void onlyOwnerArchivesOnce() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "old-news");
        Actor moderator = member(community, owner, "moderator-1");
        engine.memberships().changeRole(owner, community.id(), moderator.pseudonym(), Role.MODERATOR);

        assertRejected(ErrorCode.FORBIDDEN, () -> engine.communities().archive(moderator, community.id()));
        tick();
        CommunityView archived = engine.communities().archive(owner, community.id());

        assertThat(archived.archived()).isTrue();
        assertThat(reread(community).archived()).isTrue();
        assertThat(lastEvent(CommunityArchived.class))
                .isEqualTo(new CommunityArchived(community.id(), owner.pseudonym(), START.plusSeconds(1)));
        assertRejected(ErrorCode.CONFLICT, () -> engine.communities().archive(owner, community.id()));
    }

    @Test
    @DisplayName("an archived community refuses joins, threads, replies, votes and updates, but stays readable")
    void archivedIsReadOnly() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "old-news");
        Actor member = member(community, owner, "member");
        PostView thread = thread(member, community);
        engine.communities().archive(owner, community.id());
        Actor late = person("latecomer");

        assertRejected(ErrorCode.CONFLICT, () -> engine.memberships().join(late, JoinCommunity.of(community.id())));
        assertRejected(ErrorCode.CONFLICT, () -> engine.posts()
                .startThread(member, new StartThread(community.id(), "Late", "Too late", null)));
        assertRejected(ErrorCode.CONFLICT, () -> engine.posts().reply(member, new Reply(thread.id(), "Too late")));
        assertRejected(ErrorCode.CONFLICT, () -> engine.votes().cast(owner, new CastVote(thread.id(), Direction.UP)));
        assertRejected(ErrorCode.CONFLICT, () -> engine.communities().update(owner, retitled(community, "New")));

        assertThat(engine.posts().thread(Viewer.anonymous(), thread.id(), TreeRequest.of(ReplySort.OLD)).root().id())
                .isEqualTo(thread.id());
        assertThat(engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.NEW, PageRequest.first(10)).items())
                .extracting(PostView::id).containsExactly(thread.id());
        assertThat(reread(thread).ups()).isZero();
        assertThat(reread(community).memberCount()).isEqualTo(2);
    }
}
