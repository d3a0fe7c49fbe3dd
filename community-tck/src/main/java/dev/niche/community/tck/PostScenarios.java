package dev.niche.community.tck;

import org.jspecify.annotations.Nullable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.ReplyPosted;
import dev.niche.community.event.CommunityEvent.ThreadStarted;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting threads and replying, to the maximum depth. */
abstract class PostScenarios extends EngineFixture {
    private Actor owner;
    private Actor member;
    private CommunityView community;

    PostScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void community() {
        owner = person("founder");
        community = openCommunity(owner, "talkers");
        member = member(community, owner, "member");
    }

    private PostView start(Actor author, String title, String body, @Nullable String link) {
        return engine.posts().startThread(author, new StartThread(community.id(), title, body, link));
    }

    @Test
    @DisplayName("a new thread is its own root at depth 0, with the author, texts, time and zero counters")
    void startsThread() {
        tick();
        PostView thread = start(member, "Turbulence tips?", "What helps you?\n\tBreathing?", "https://example.org/tips");

        assertThat(thread.community()).isEqualTo(community.id());
        assertThat(thread.thread()).isEqualTo(thread.id());
        assertThat(thread.parent()).isNull();
        assertThat(thread.isThread()).isTrue();
        assertThat(thread.depth()).isZero();
        assertThat(thread.author()).isEqualTo(pseudonym(member));
        assertThat(thread.title()).isEqualTo("Turbulence tips?");
        assertThat(thread.body()).isEqualTo("What helps you?\n\tBreathing?");
        assertThat(thread.link()).isEqualTo("https://example.org/tips");
        assertThat(thread.createdAt()).isEqualTo(START.plusSeconds(1));
        assertThat(thread.editedAt()).isNull();
        assertThat(thread.deleted()).isFalse();
        assertThat(thread.locked()).isFalse();
        assertThat(thread.ups()).isZero();
        assertThat(thread.downs()).isZero();
        assertThat(thread.score()).isZero();
        assertThat(thread.replyCount()).isZero();
        assertThat(thread.threadReplyCount()).isZero();
        assertThat(reread(thread)).isEqualTo(thread);
        assertThat(lastEvent(ThreadStarted.class))
                .isEqualTo(new ThreadStarted(community.id(), thread.id(), member.pseudonym(), START.plusSeconds(1)));
    }

    @Test
    @DisplayName("a thread may have an empty body and no link")
    void minimalThread() {
        PostView thread = start(member, "Just a title", "", null);

        assertThat(thread.body()).isEmpty();
        assertThat(thread.link()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.org/file", "/relative/path", "example.org",
        "http://", "https:///path-only", "mailto:someone@example.org"})
    @DisplayName("links other than http or https with a host are refused on field link")
    void refusesBadLinks(String link) {
        assertInvalid("link", () -> start(member, "Linked", "", link));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org", "https://example.org/a?b=c#d", "https://xn--bcher-kva.example:8443/"})
    @DisplayName("http and https links with a host are kept")
    void acceptsWebLinks(String link) {
        assertThat(start(member, "Linked", "", link).link()).isEqualTo(link);
    }

    @Test
    @DisplayName("posting needs an active membership: outsiders and applicants are forbidden")
    void postingNeedsMembership() {
        Actor outsider = person("outsider");
        CommunityView approval = community(owner, "by-approval", Visibility.RESTRICTED, JoinPolicy.APPROVAL);
        PostView restrictedThread = thread(owner, approval);
        Actor applicant = person("applicant");
        engine.memberships().join(applicant, JoinCommunity.of(approval.id()));
        PostView thread = thread(member, community);

        assertRejected(ErrorCode.FORBIDDEN, () -> start(outsider, "Hi", "", null));
        assertRejected(ErrorCode.FORBIDDEN, () -> reply(outsider, thread));
        assertRejected(ErrorCode.FORBIDDEN, () -> thread(applicant, approval));
        assertRejected(ErrorCode.FORBIDDEN, () -> reply(applicant, restrictedThread));
        assertRejected(ErrorCode.FORBIDDEN, () -> reply(outsider, restrictedThread));
        assertThat(reread(thread).replyCount()).isZero();
        assertThat(reread(restrictedThread).replyCount()).isZero();
    }

    @Test
    @DisplayName("a reply sits one deeper than its parent, in the parent's thread, and is counted on both")
    void repliesNest() {
        PostView root = thread(owner, community);
        tick();
        PostView first = reply(member, root);
        PostView second = reply(owner, first);

        assertThat(first.thread()).isEqualTo(root.id());
        assertThat(first.parent()).isEqualTo(root.id());
        assertThat(first.depth()).isEqualTo(1);
        assertThat(first.title()).isEmpty();
        assertThat(first.link()).isNull();
        assertThat(first.isThread()).isFalse();
        assertThat(second.thread()).isEqualTo(root.id());
        assertThat(second.parent()).isEqualTo(first.id());
        assertThat(second.depth()).isEqualTo(2);
        assertThat(reread(root).replyCount()).isEqualTo(1);
        assertThat(reread(root).threadReplyCount()).isEqualTo(2);
        assertThat(reread(first).replyCount()).isEqualTo(1);
        assertThat(reread(first).threadReplyCount()).isZero();
        assertThat(reread(second).replyCount()).isZero();
        assertThat(lastEvent(ReplyPosted.class)).isEqualTo(new ReplyPosted(community.id(), root.id(), first.id(),
                second.id(), owner.pseudonym(), START.plusSeconds(1)));
    }

    @Test
    @DisplayName("replying to an unknown post is not found")
    void replyToUnknown() {
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.posts()
                .reply(member, new Reply(PostId.of("00000000-0000-7000-8000-000000000000"), "Hello?")));
    }

    @Test
    @DisplayName("replying to a deleted post is a conflict; its siblings still take replies")
    void replyToDeleted() {
        PostView root = thread(owner, community);
        PostView gone = reply(member, root);
        engine.posts().delete(member, gone.id());

        assertRejected(ErrorCode.CONFLICT, () -> reply(owner, gone));
        assertThat(reply(owner, root).depth()).isEqualTo(1);
        assertThat(reread(gone).replyCount()).isZero();
    }

    @Test
    @DisplayName("a locked thread takes no replies at any depth until unlocked")
    void lockedThread() {
        PostView root = thread(member, community);
        PostView first = reply(member, root);
        engine.posts().setLocked(owner, root.id(), true);

        assertRejected(ErrorCode.CONFLICT, () -> reply(member, root));
        assertRejected(ErrorCode.CONFLICT, () -> reply(owner, first));
        assertThat(reread(root).threadReplyCount()).isEqualTo(1);

        engine.posts().setLocked(owner, root.id(), false);
        assertThat(reply(member, first).depth()).isEqualTo(2);
    }

    @Test
    @DisplayName("with a maximum depth of 3, a reply at depth 3 is kept and one deeper is refused on parent")
    void configurableDepthLimit() {
        CommunityEngine shallow = newEngine(5, 3);
        PostView post = thread(member, community);
        for (int depth = 1; depth <= 3; depth++) {
            post = shallow.posts().reply(member, new Reply(post.id(), "depth " + depth));
            assertThat(post.depth()).isEqualTo(depth);
        }
        PostView deepest = post;

        assertInvalid("parent", () -> shallow.posts().reply(member, new Reply(deepest.id(), "too deep")));
        assertThat(reread(deepest).replyCount()).isZero();
    }

    @Test
    @DisplayName("by default replies nest 64 deep and no deeper")
    void defaultDepthLimit() {
        PostView post = thread(member, community);
        for (int depth = 1; depth <= 64; depth++) {
            post = reply(depth % 2 == 0 ? owner : member, post);
        }
        PostView deepest = post;

        assertThat(deepest.depth()).isEqualTo(64);
        assertInvalid("parent", () -> reply(owner, deepest));
        assertThat(engine.posts().get(Viewer.anonymous(), deepest.thread()).threadReplyCount()).isEqualTo(64);
    }
}
