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
 * ThreadView tree = engine.posts().thread(Viewer.anonymous(), thread.id(), ReplyOrder.OLDEST);
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

    /** A thread with its whole reply tree, siblings in the order given, with the viewer's votes. */
    ThreadView thread(Viewer viewer, PostId thread, ReplyOrder order);

    /** A community's threads, newest first, with the viewer's votes. */
    Page<PostView> threads(Viewer viewer, CommunityId community, PageRequest page);
}
