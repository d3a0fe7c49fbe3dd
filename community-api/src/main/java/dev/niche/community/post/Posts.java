package dev.niche.community.post;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;

/**
 * Threads and their reply trees.
 *
 * <pre>{@code
 * PostView thread = engine.posts().startThread(alice,
 *         new StartThread(flyers.id(), "Turbulence tips?", "What helps you?", null));
 * PostView reply = engine.posts().reply(bob, new Reply(thread.id(), "Breathing slowly."));
 * ThreadView tree = engine.posts().thread(Viewer.anonymous(), thread.id(), TreeRequest.of(ReplySort.BEST));
 * }</pre>
 *
 * <p>Posting needs an active membership in a community that is not archived.
 */
public interface Posts {

    /** Starts a thread; active members may. */
    PostView startThread(Actor actor, StartThread command);

    /**
     * Replies to a post; active members may, unless the thread is locked or the post deleted.
     *
     * @throws dev.niche.community.InvalidInputException if the parent is at the maximum depth
     * @throws dev.niche.community.ConflictException if the thread is locked or the parent deleted
     */
    PostView reply(Actor actor, Reply command);

    /** Edits one's own post; the edit time is kept. */
    PostView edit(Actor actor, EditPost command);

    /**
     * Deletes one's own post. It becomes a tombstone that keeps its place, so its replies stay in
     * the tree; its texts and author are no longer shown.
     */
    PostView delete(Actor actor, PostId post);

    /** Locks or unlocks a thread against new replies; moderators may. */
    PostView setLocked(Actor moderator, PostId thread, boolean locked);

    /**
     * One post, with the viewer's vote.
     *
     * @throws dev.niche.community.NotFoundException if there is none, or the viewer may not read
     *         its community
     */
    PostView get(Viewer viewer, PostId post);

    /**
     * A post with one page of the replies below it, with the viewer's votes. Pass a thread root for
     * the thread, or any reply to continue the thread from there ("continue this thread").
     *
     * <p>The page holds at most {@code maxReplies} replies and reaches {@code maxDepth} levels below
     * the post. It chooses replies best first, as Reddit does: a reply can be shown once its parent
     * is, and among those that can, the one ranking highest in the sort comes next; so strong
     * replies deep in a branch beat weak ones near the top. Siblings are shown in the sort's order.
     * Where replies were left out, a {@link MoreReplies} stub says how many and loads them.
     * Deleted replies keep their place as tombstones.
     */
    ThreadView thread(Viewer viewer, PostId post, TreeRequest request);

    /**
     * The replies that a {@link MoreReplies} stub stood for, chosen and limited as the page that gave
     * out the stub was.
     *
     * <p>Sibling replies page by position in the sort (keyset): between pages, a reply whose votes
     * moved it across the position may be shown twice or not at all; reload the tree to see it.
     *
     * @throws dev.niche.community.InvalidInputException if the cursor is not one a stub gave out
     */
    ReplyPage moreReplies(Viewer viewer, String cursor);

    /**
     * A community's threads in the given order, with the viewer's votes.
     *
     * <p>What a page sequence promises: NEW pages by position (creation time, then id), which never
     * changes, so the sequence lists every thread that existed when it began exactly once, and has
     * no end. HOT, TOP and CONTROVERSIAL change as votes arrive, so they page by exclusion instead:
     * each page holds the threads ranking highest, by the votes at the time it is read, that no
     * earlier page of the sequence listed. However votes move threads between pages, a sequence
     * never lists a thread twice and never skips one. Such a sequence ends after 1,000 threads, as
     * Reddit's listings do; its cursors grow by 8 bytes a thread.
     */
    Page<PostView> threads(Viewer viewer, CommunityId community, ThreadOrder order, PageRequest page);

    /**
     * The viewer's home feed: the threads of every community the viewer's account is an active
     * member of, merged under the feed's order, paged as {@link #threads} pages. Costs one store
     * query per community joined.
     *
     * @throws dev.niche.community.InvalidInputException if the viewer is anonymous
     */
    Page<PostView> homeFeed(Viewer viewer, HomeFeed feed, PageRequest page);
}
