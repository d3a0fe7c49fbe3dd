package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.ForbiddenException;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Posts;
import dev.niche.community.post.Reply;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadView;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.CommunityDecision;
import dev.niche.community.spi.PostDecision;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Threads, replies, edits, tombstones, locks, and reading them. */
final class PostCommands implements Posts {
    private static final int REPLY_MAX_LENGTH = 10_000;

    private final Context context;

    PostCommands(Context context) {
        this.context = context;
    }

    @Override
    public PostView startThread(Actor actor, StartThread command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        checkLink(command.link());
        return context.work().command("start thread", (tx, outbox) -> {
            PseudonymRecord author = context.facts().actor(tx, actor);
            CommunityDecision decision = tx.communityDecision(command.community(), actor.account())
                    .filter(found -> Access.canRead(found.community(), found.membership()))
                    .orElseThrow(() -> Access.communityNotFound(command.community().value()));
            CommunityRecord community = decision.community();
            MembershipRecord member = Access.participant(actor, community, decision.membership());
            Access.open(community);
            requireLinkPrivilege(tx, community, member, decision.policy(), command.title(), command.body(),
                    command.link());
            PostId id = new PostId(context.ids().newId());
            Instant now = context.now();
            PostRecord thread = new PostRecord(id, community.id(), id, null, 0, actor.pseudonym(), actor.account(),
                    PlainTextRules.normalize(command.title()), PlainTextRules.normalize(command.body()),
                    PlainTextRules.normalizeOrNull(command.link()), now, null, false, false, PostCounters.ZERO,
                    Ranking.ranks(PostCounters.ZERO, now, context.settings().wilsonZ()));
            tx.posts().insert(thread);
            ActivityLog.started(tx, community.id(), actor.account(), id, now);
            outbox.add(new CommunityEvent.ThreadStarted(community.id(), id, actor.pseudonym(), now));
            return Views.post(thread, author, null);
        });
    }

    @Override
    public PostView reply(Actor actor, Reply command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        return context.work().command("reply", (tx, outbox) -> {
            PseudonymRecord author = context.facts().actor(tx, actor);
            PostDecision decision = decide(tx, actor, command.parent());
            Access.PostInCommunity found = Access.readablePostIn(decision);
            PostRecord parent = found.post();
            CommunityRecord community = found.community();
            MembershipRecord member = Access.participant(actor, community, decision.membership());
            Access.open(community);
            requireLinkPrivilege(tx, community, member, decision.policy(), null, command.body(), null);
            if (parent.deleted()) {
                throw new ConflictException("post " + parent.id() + " was deleted; it takes no replies");
            }
            PostRecord root = parent.isRoot() ? parent : tx.posts().byId(parent.thread()).orElseThrow();
            if (root.locked()) {
                throw new ConflictException("thread " + root.id() + " is locked; it takes no replies");
            }
            int depth = parent.depth() + 1;
            if (depth > context.settings().maxReplyDepth()) {
                throw InputValidator.invalid("parent", parent.id().value(), "is at the deepest reply level ("
                        + context.settings().maxReplyDepth() + "); reply to one of its ancestors instead");
            }
            PostId id = new PostId(context.ids().newId());
            Instant now = context.now();
            PostRecord reply = new PostRecord(id, community.id(), root.id(), parent.id(), depth, actor.pseudonym(),
                    actor.account(), "", PlainTextRules.normalize(command.body()), null, now, null, false, false,
                    PostCounters.ZERO, Ranking.ranks(PostCounters.ZERO, now, context.settings().wilsonZ()));
            tx.posts().insert(reply);
            tx.posts().addReply(parent.id(), root.id());
            ActivityLog.replied(tx, community.id(), actor.account(), root.id(), now);
            outbox.add(new CommunityEvent.ReplyPosted(community.id(), root.id(), parent.id(), id, actor.pseudonym(), now));
            return Views.post(reply, author, null);
        });
    }

    @Override
    public PostView edit(Actor actor, EditPost command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        checkLink(command.link());
        return context.work().command("edit post", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            PostDecision decision = decide(tx, actor, command.post());
            Access.PostInCommunity own = ownPost(actor, decision);
            PostRecord post = own.post();
            Access.open(own.community());
            if (post.deleted()) {
                throw new ConflictException("post " + post.id() + " was deleted; it cannot be edited");
            }
            checkShape(post, command);
            if (Policies.hasLink(command.title(), command.body(), command.link())) {
                MembershipRecord member = Optional.ofNullable(decision.membership())
                        .filter(m -> m.state() == MemberState.ACTIVE)
                        .orElseThrow(() -> new ForbiddenException("editing a post in community "
                                + own.community().slug() + " needs an active membership"));
                requireLinkPrivilege(tx, own.community(), member, decision.policy(), command.title(), command.body(),
                        command.link());
            }
            Instant now = context.now();
            PostRecord edited = post.withText(
                    post.isRoot() ? PlainTextRules.normalize(Objects.requireNonNull(command.title())) : "",
                    PlainTextRules.normalize(command.body()), PlainTextRules.normalizeOrNull(command.link()), now);
            tx.posts().update(edited);
            outbox.add(new CommunityEvent.PostEdited(post.community(), post.id(), actor.pseudonym(), now));
            return single(tx, edited, actor.asViewer());
        });
    }

    @Override
    public PostView delete(Actor actor, PostId postId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(postId, "post");
        return context.work().command("delete post", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            PostRecord post = ownPost(actor, decide(tx, actor, postId)).post();
            if (post.deleted()) {
                throw new ConflictException("post " + postId + " is already deleted");
            }
            PostRecord tombstone = post.asTombstone();
            tx.posts().update(tombstone);
            outbox.add(new CommunityEvent.PostDeleted(post.community(), postId, context.now()));
            return single(tx, tombstone, actor.asViewer());
        });
    }

    @Override
    public PostView setLocked(Actor moderator, PostId threadId, boolean locked) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(threadId, "thread");
        return context.work().command(locked ? "lock thread" : "unlock thread", (tx, outbox) -> {
            context.facts().actor(tx, moderator);
            PostDecision decision = decide(tx, moderator, threadId);
            Access.PostInCommunity found = Access.readablePostIn(decision);
            PostRecord thread = found.post();
            requireRoot(thread);
            CommunityRecord community = found.community();
            Access.moderator(moderator, community, decision.membership());
            Access.open(community);
            if (thread.locked() == locked) {
                return single(tx, thread, moderator.asViewer());
            }
            PostRecord changed = thread.withLocked(locked);
            tx.posts().update(changed);
            outbox.add(new CommunityEvent.ThreadLockChanged(thread.community(), threadId, locked,
                    moderator.pseudonym(), context.now()));
            return single(tx, changed, moderator.asViewer());
        });
    }

    @Override
    public PostView get(Viewer viewer, PostId id) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(id, "post");
        return context.work().query("get post", tx -> single(tx, Access.readablePost(tx, viewer, id), viewer));
    }

    @Override
    public ThreadView thread(Viewer viewer, PostId postId, TreeRequest request) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(postId, "post");
        Objects.requireNonNull(request, "request");
        return context.work().query("read thread", tx -> {
            PostRecord root = Access.readablePost(tx, viewer, postId);
            ReplyTrees trees = new ReplyTrees(tx, request.sort(), request.maxReplies(), request.maxDepth());
            ReplyTrees.Page page = trees.choose(root, null, root.counters().replyCount());
            List<PostRecord> posts = page.all();
            posts.add(root);
            Map<PostId, PostView> views = ReplyTrees.views(tx, posts, viewer);
            return new ThreadView(Objects.requireNonNull(views.get(root.id()), "the root has a view"), ReplyTrees.nodes(root.id(), page, views), page.more().get(root.id()));
        });
    }

    @Override
    public ReplyPage moreReplies(Viewer viewer, String cursor) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(cursor, "cursor");
        Cursors.ReplyPosition position = Cursors.repliesAfter(cursor);
        return context.work().query("read more replies", tx -> {
            PostRecord parent = Access.readablePost(tx, viewer, position.parent());
            ReplyTrees trees = new ReplyTrees(tx, position.sort(), position.maxReplies(), position.maxDepth());
            ReplyTrees.Page page = trees.choose(parent, position.after(), position.remaining());
            Map<PostId, PostView> views = ReplyTrees.views(tx, page.all(), viewer);
            return new ReplyPage(parent.id(), ReplyTrees.nodes(parent.id(), page, views), page.more().get(parent.id()));
        });
    }

    @Override
    public Page<PostView> threads(Viewer viewer, CommunityId communityId, ThreadOrder order, PageRequest page) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(page, "page");
        Instant now = context.now();
        return context.work().query("list threads", tx -> {
            CommunityRecord community = Access.readable(tx, viewer, communityId);
            return Listings.page(tx, viewer, List.of(community), order, false, page.cursor(), page.size(), now,
                    Listings.name(communityId, order, false));
        });
    }

    @Override
    public Page<PostView> homeFeed(Viewer viewer, HomeFeed feed, PageRequest page) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(page, "page");
        AccountId account = viewer.account().orElseThrow(() -> InputValidator.invalid("viewer", null,
                "must be signed in: a home feed lists the communities an account has joined"));
        Instant now = context.now();
        return context.work().query("read home feed", tx -> {
            Collection<CommunityRecord> joined =
                    tx.communities().byIds(tx.memberships().communitiesOf(account, MemberState.ACTIVE)).values();
            return Listings.page(tx, viewer, joined, feed.order(), feed.scaled(), page.cursor(), page.size(), now,
                    Listings.name(null, feed.order(), feed.scaled()));
        });
    }

    private static PostView single(StoreTransaction tx, PostRecord post, Viewer viewer) {
        return Views.posts(tx, List.of(post), viewer).get(0);
    }

    /** What a command on the post decides on, in one read; NOT_FOUND if there is no such post. */
    private static PostDecision decide(StoreTransaction tx, Actor actor, PostId id) {
        return tx.postDecision(id, actor.account()).orElseThrow(() -> Access.postNotFound(id));
    }

    /**
     * Refuses a post that carries a link unless the member holds the POST_LINKS privilege under the
     * community's stored policy ({@code null} for the default).
     */
    private void requireLinkPrivilege(StoreTransaction tx, CommunityRecord community, MembershipRecord member,
            @Nullable String storedPolicy, @Nullable String title, @Nullable String body, @Nullable String link) {
        if (Policies.hasLink(title, body, link)) {
            TrustPolicy policy = Policies.of(context.facts(), storedPolicy, context.settings().trustPolicy());
            Policies.require(tx, policy, community, member, Privilege.POST_LINKS);
        }
    }

    /** A post the actor wrote, under the exact pseudonym acting now. */
    private static Access.PostInCommunity ownPost(Actor actor, PostDecision decision) {
        Access.PostInCommunity found = Access.readablePostIn(decision);
        if (!found.post().author().equals(actor.pseudonym())) {
            throw new ForbiddenException("only the author of post " + found.post().id() + " may change it");
        }
        Access.notBanned(actor, found.community(), decision.membership());
        return found;
    }

    private static void requireRoot(PostRecord post) {
        if (!post.isRoot()) {
            throw InputValidator.invalid("thread", post.id().value(), "is a reply, not a thread");
        }
    }

    /** A thread keeps a title and may keep a link; a reply has neither and keeps the reply's limits. */
    private static void checkShape(PostRecord post, EditPost command) {
        if (post.isRoot()) {
            if (command.title() == null) {
                throw InputValidator.invalid("title", null, "must not be null when editing a thread");
            }
            return;
        }
        if (command.title() != null) {
            throw InputValidator.invalid("title", command.title(), "must be null when editing a reply, which has no title");
        }
        if (command.link() != null) {
            throw InputValidator.invalid("link", command.link(), "must be null when editing a reply, which has no link");
        }
        String problem = PlainTextRules.problem(command.body(), 1, REPLY_MAX_LENGTH, true);
        if (problem != null) {
            throw InputValidator.invalid("body", command.body(), problem);
        }
    }

    /** Links must be http or https URLs with a host: no javascript:, data: or relative links. */
    private static void checkLink(@Nullable String link) {
        if (link == null) {
            return;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            throw InputValidator.invalid("link", link, "is not a well-formed URL");
        }
        throw InputValidator.invalid("link", link, "must be an http or https URL with a host");
    }
}
