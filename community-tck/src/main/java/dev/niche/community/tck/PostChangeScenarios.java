package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.event.CommunityEvent.PostDeleted;
import dev.niche.community.event.CommunityEvent.PostEdited;
import dev.niche.community.event.CommunityEvent.ThreadLockChanged;
import dev.niche.community.membership.Role;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Editing and deleting one's own posts, and locking threads. */
abstract class PostChangeScenarios extends EngineFixture {
    private Actor owner;
    private Actor author;
    private CommunityView community;
    private PostView root;
    private PostView reply;

    PostChangeScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void conversation() {
        owner = person("founder");
        community = openCommunity(owner, "talkers");
        author = member(community, owner, "author");
        root = thread(author, community);
        reply = reply(owner, root);
    }

    @Test
    @DisplayName("the author edits a thread's title, body and link; the edit time is the clock's")
    void editsThread() {
        clock.advance(Duration.ofMinutes(3));

        PostView edited = engine.posts()
                .edit(author, new EditPost(root.id(), "New title", "New body", "https://example.org"));

        assertThat(edited.title()).isEqualTo("New title");
        assertThat(edited.body()).isEqualTo("New body");
        assertThat(edited.link()).isEqualTo("https://example.org");
        assertThat(edited.editedAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThat(edited.createdAt()).isEqualTo(root.createdAt());
        assertThat(edited.replyCount()).isEqualTo(1);
        assertThat(reread(root)).isEqualTo(edited);
        assertThat(lastEvent(PostEdited.class)).isEqualTo(
                new PostEdited(community.id(), root.id(), author.pseudonym(), START.plus(Duration.ofMinutes(3))));
    }

    @Test
    @DisplayName("a banned author can neither edit nor delete their posts, under any pseudonym, and nothing is written")
    void bannedAuthorsChangeNothing() {
        PostView own = reply(author, root);
        engine.memberships().ban(owner, community.id(), author.pseudonym());
        int before = events.size();

        assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.posts().edit(author, new EditPost(root.id(), "Changed", "Changed", null)));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().edit(author, EditPost.reply(own.id(), "Changed")));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().delete(author, own.id()));

        assertThat(reread(root).title()).isEqualTo(root.title());
        assertThat(reread(root).body()).isEqualTo(root.body());
        assertThat(reread(own)).isEqualTo(own);
        assertThat(events).hasSize(before);

        engine.memberships().unban(owner, community.id(), author.pseudonym());
        assertThat(engine.posts().edit(author, EditPost.reply(own.id(), "Changed")).body()).isEqualTo("Changed");
    }

    @Test
    @DisplayName("the author edits a reply's body")
    void editsReply() {
        PostView edited = engine.posts().edit(owner, EditPost.reply(reply.id(), "Better said"));

        assertThat(edited.body()).isEqualTo("Better said");
        assertThat(edited.title()).isEmpty();
        assertThat(edited.editedAt()).isEqualTo(START);
    }

    @Test
    @DisplayName("only the exact author pseudonym edits: another pseudonym of the same account is forbidden too")
    void onlyAuthorEdits() {
        Actor alias = otherIdentity(author, "author-alias");
        Actor stranger = member(community, owner, "stranger");
        PostView before = reread(root);

        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().edit(alias, new EditPost(root.id(), "Mine", "", null)));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().edit(stranger, new EditPost(root.id(), "Mine", "", null)));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().edit(owner, new EditPost(root.id(), "Mine", "", null)));
        assertThat(reread(root)).isEqualTo(before);
    }

    @Test
    @DisplayName("a thread's edit needs a title and a reply's edit must have none")
    void titleRules() {
        PostView rootBefore = reread(root);
        PostView replyBefore = reread(reply);
        assertInvalid("title", () -> engine.posts().edit(author, new EditPost(root.id(), null, "No title", null)));
        assertInvalid("title", () -> engine.posts().edit(owner, new EditPost(reply.id(), "A title", "Body", null)));
        assertThat(reread(root)).isEqualTo(rootBefore);
        assertThat(reread(reply)).isEqualTo(replyBefore);
    }

    @Test
    @DisplayName("deleting leaves a tombstone without author, texts or link, whose replies stay in the tree")
    void deletesToTombstone() {
        PostView linked = engine.posts().edit(author, new EditPost(root.id(), "Title", "Body", "https://example.org"));
        PostView nested = reply(author, reply);
        tick();

        PostView tombstone = engine.posts().delete(author, linked.id());

        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.author()).isNull();
        assertThat(tombstone.title()).isEmpty();
        assertThat(tombstone.body()).isEmpty();
        assertThat(tombstone.link()).isNull();
        assertThat(tombstone.replyCount()).isEqualTo(1);
        assertThat(tombstone.threadReplyCount()).isEqualTo(2);
        assertThat(reread(root)).isEqualTo(tombstone);
        assertThat(lastEvent(PostDeleted.class)).isEqualTo(new PostDeleted(community.id(), root.id(), START.plusSeconds(1)));

        ThreadView tree = engine.posts().thread(Viewer.anonymous(), root.id(), TreeRequest.of(ReplySort.OLD));
        assertThat(tree.root().deleted()).isTrue();
        assertThat(tree.replies()).extracting(node -> node.post().id()).containsExactly(reply.id());
        ReplyNode child = tree.replies().get(0);
        assertThat(child.replies()).extracting(node -> node.post().id()).containsExactly(nested.id());
    }

    @Test
    @DisplayName("a deleted reply stays in place as a tombstone between its parent and its replies")
    void deletedReplyKeepsChildren() {
        PostView nested = reply(author, reply);

        engine.posts().delete(owner, reply.id());

        ThreadView tree = engine.posts().thread(Viewer.anonymous(), root.id(), TreeRequest.of(ReplySort.OLD));
        ReplyNode tombstone = tree.replies().get(0);
        assertThat(tombstone.post().deleted()).isTrue();
        assertThat(tombstone.post().author()).isNull();
        assertThat(tombstone.replies()).extracting(node -> node.post()).containsExactly(reread(nested));
        assertThat(reread(root).threadReplyCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("only the author deletes, once; a deleted post can be neither edited nor voted on")
    void deleteRefusals() {
        Actor alias = otherIdentity(author, "author-alias");

        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().delete(owner, root.id()));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().delete(alias, root.id()));
        engine.posts().delete(author, root.id());

        assertRejected(ErrorCode.CONFLICT, () -> engine.posts().delete(author, root.id()));
        assertRejected(ErrorCode.CONFLICT, () -> engine.posts().edit(author, new EditPost(root.id(), "Back", "", null)));
        assertRejected(ErrorCode.CONFLICT, () -> engine.votes().cast(owner, new CastVote(root.id(), Direction.UP)));
        assertThat(reread(root).deleted()).isTrue();
    }

    @Test
    @DisplayName("moderators lock and unlock threads, publishing ThreadLockChanged")
    void locking() {
        Actor moderator = member(community, owner, "moderator-1");
        engine.memberships().changeRole(owner, community.id(), moderator.pseudonym(), Role.MODERATOR);
        tick();

        PostView locked = engine.posts().setLocked(moderator, root.id(), true);

        assertThat(locked.locked()).isTrue();
        assertThat(reread(root).locked()).isTrue();
        assertThat(lastEvent(ThreadLockChanged.class)).isEqualTo(
                new ThreadLockChanged(community.id(), root.id(), true, moderator.pseudonym(), START.plusSeconds(1)));
        assertThat(engine.posts().setLocked(owner, root.id(), false).locked()).isFalse();
        assertThat(lastEvent(ThreadLockChanged.class).locked()).isFalse();
    }

    @Test
    @DisplayName("plain members, even the author, may not lock; replies cannot be locked")
    void lockRefusals() {
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.posts().setLocked(author, root.id(), true));
        assertInvalid("thread", () -> engine.posts().setLocked(owner, reply.id(), true));
        assertThat(reread(root).locked()).isFalse();
        assertThat(reread(reply).locked()).isFalse();
    }
}
