package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.UpdateCommunity;
import dev.niche.community.community.Visibility;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who may read what: PUBLIC and RESTRICTED communities are open to readers, PRIVATE ones only to active members. */
abstract class VisibilityScenarios extends EngineFixture {
    private Actor owner;
    private Actor member;
    private CommunityView secret;
    private PostView thread;
    private PostView reply;
    private String stubCursor;

    VisibilityScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void privateCommunity() {
        owner = person("keeper");
        secret = community(owner, "secret-garden", Visibility.PRIVATE, JoinPolicy.APPROVAL);
        member = member(secret, owner, "insider");
        thread = thread(member, secret);
        reply = reply(owner, thread);
        reply(member, reply);
        // The stub a page one level deep leaves below the reply, as a member sees it.
        ThreadView shallow = engine.posts().thread(member.asViewer(), thread.id(), new TreeRequest(ReplySort.OLD, 10, 1));
        stubCursor = Objects.requireNonNull(shallow.replies().get(0).more()).cursor();
    }

    /** Every read of the PRIVATE community and its content, as {@code viewer}. */
    private List<ThrowingCallable> readsOfSecret(Viewer viewer) {
        return List.of(
                () -> engine.communities().get(viewer, secret.id()),
                () -> engine.communities().getBySlug(viewer, secret.slug()),
                () -> engine.posts().threads(viewer, secret.id(), ThreadOrder.NEW, PageRequest.first(10)),
                () -> engine.posts().threads(viewer, secret.id(), ThreadOrder.HOT, PageRequest.first(10)),
                () -> engine.posts().thread(viewer, thread.id(), TreeRequest.of(ReplySort.OLD)),
                () -> engine.posts().thread(viewer, reply.id(), TreeRequest.of(ReplySort.BEST)),
                () -> engine.posts().moreReplies(viewer, stubCursor),
                () -> engine.posts().get(viewer, thread.id()),
                () -> engine.posts().get(viewer, reply.id()),
                () -> engine.memberships().members(viewer, secret.id(), MemberState.ACTIVE, PageRequest.first(10)));
    }

    private void assertHiddenFrom(Viewer viewer) {
        for (ThrowingCallable read : readsOfSecret(viewer)) {
            assertRejected(ErrorCode.NOT_FOUND, read);
        }
    }

    @Test
    @DisplayName("an active member reads everything of a PRIVATE community")
    void memberReads() {
        Viewer insider = member.asViewer();

        assertThat(engine.communities().get(insider, secret.id()).slug()).isEqualTo("secret-garden");
        assertThat(engine.communities().getBySlug(insider, "secret-garden").id()).isEqualTo(secret.id());
        assertThat(engine.posts().threads(insider, secret.id(), ThreadOrder.NEW, PageRequest.first(10)).items())
                .extracting(PostView::id).containsExactly(thread.id());
        assertThat(engine.posts().thread(insider, thread.id(), TreeRequest.of(ReplySort.OLD)).replies()).hasSize(1);
        assertThat(engine.posts().moreReplies(insider, stubCursor).replies()).hasSize(1);
        assertThat(engine.posts().homeFeed(insider, HomeFeed.of(ThreadOrder.HOT), PageRequest.first(10)).items())
                .extracting(PostView::id).containsExactly(thread.id());
        assertThat(engine.posts().get(insider, reply.id()).body()).isEqualTo(reply.body());
        assertThat(engine.memberships().members(insider, secret.id(), MemberState.ACTIVE, PageRequest.first(10)).items())
                .hasSize(2);
    }

    @Test
    @DisplayName("anonymous readers get NOT_FOUND for every read of a PRIVATE community")
    void hiddenFromAnonymous() {
        assertHiddenFrom(Viewer.anonymous());
    }

    @Test
    @DisplayName("signed-in outsiders get NOT_FOUND for every read of a PRIVATE community")
    void hiddenFromOutsiders() {
        assertHiddenFrom(person("outsider").asViewer());
    }

    @Test
    @DisplayName("a pending applicant gets NOT_FOUND")
    void hiddenFromApplicants() {
        // Without an invite nobody may apply to a PRIVATE community, so apply while it is RESTRICTED.
        engine.communities().update(owner, withVisibility(Visibility.RESTRICTED));
        Actor applicant = person("applicant");
        engine.memberships().join(applicant, JoinCommunity.of(secret.id()));
        engine.communities().update(owner, withVisibility(Visibility.PRIVATE));

        assertThat(engine.memberships().membership(applicant, secret.id()))
                .hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MemberState.PENDING));
        assertHiddenFrom(applicant.asViewer());
    }

    private UpdateCommunity withVisibility(Visibility visibility) {
        return new UpdateCommunity(secret.id(), secret.title(), secret.description(), secret.tags(), secret.rules(),
                visibility, JoinPolicy.APPROVAL);
    }

    @Test
    @DisplayName("a member who left no longer sees a PRIVATE community")
    void hiddenAfterLeaving() {
        engine.memberships().leave(member, secret.id());

        assertHiddenFrom(member.asViewer());
    }

    @Test
    @DisplayName("a PRIVATE community answers outsiders exactly as a community that does not exist")
    void indistinguishableFromMissing() {
        Viewer outsider = person("outsider").asViewer();
        String hidden = assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.communities().getBySlug(outsider, "secret-garden")).getMessage();
        String missing = assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.communities().getBySlug(outsider, "secret-gardes")).getMessage();

        assertThat(Objects.requireNonNull(hidden).replace("secret-garden", "<slug>")).isEqualTo(Objects.requireNonNull(missing).replace("secret-gardes", "<slug>"));
    }

    @Test
    @DisplayName("outsiders cannot post or reply in a PRIVATE community: NOT_FOUND, not FORBIDDEN")
    void outsidersCannotPostInPrivate() {
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.NOT_FOUND, () -> engine.posts()
                .startThread(outsider, new StartThread(secret.id(), "Hello", "Anyone?", null)));
        assertRejected(ErrorCode.NOT_FOUND, () -> reply(outsider, thread));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.memberships().join(outsider, JoinCommunity.of(secret.id())));
    }

    @Test
    @DisplayName("an outsider's update of a PRIVATE community is NOT_FOUND, not FORBIDDEN")
    void outsidersCannotUpdatePrivate() {
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.NOT_FOUND, () -> engine.communities().update(outsider, retitled(secret, "Mine")));
        assertThat(engine.communities().get(member.asViewer(), secret.id()).title()).isEqualTo(secret.title());
    }

    @Test
    @DisplayName("PUBLIC and RESTRICTED communities are readable by anyone")
    void publicAndRestrictedAreReadable() {
        CommunityView open = openCommunity(owner, "open-air");
        CommunityView restricted = community(owner, "members-talk", Visibility.RESTRICTED, JoinPolicy.APPROVAL);
        PostView restrictedThread = thread(owner, restricted);

        assertThat(engine.communities().get(Viewer.anonymous(), open.id()).id()).isEqualTo(open.id());
        assertThat(engine.communities().get(Viewer.anonymous(), restricted.id()).id()).isEqualTo(restricted.id());
        assertThat(engine.posts().get(Viewer.anonymous(), restrictedThread.id()).title())
                .isEqualTo(restrictedThread.title());
        assertThat(engine.posts().threads(Viewer.anonymous(), restricted.id(), ThreadOrder.NEW, PageRequest.first(5)).items())
                .hasSize(1);
    }
}
