package dev.niche.community.event;

import dev.niche.community.InvalidInputException;
import dev.niche.community.NotFoundException;

/**
 * The durable feed of every committed command's events, in commit order, from any node: a host-level
 * API for notifications, search indexes, analytics, webhooks and relays to a broker. It takes no
 * actor and checks no permission, so never hand it to end users as it is; like every event, it names
 * pseudonyms only, never an account.
 *
 * <p>The engine appends each command's events to the store's log in the command's own unit of work,
 * so a command that rolled back or failed has none, and a committed one has all of its events.
 * Positions are dense (1, 2, 3, ...) and follow commit order on every store: a reader that has read up
 * to position {@code p} never later finds an event at or before {@code p} that it did not read, so a
 * cursor is all a reader has to keep. Any engine over the same database reads the same feed.
 *
 * <pre>{@code
 * FeedCursor cursor = FeedCursor.of(store.load("search-index"));  // or engine.events().oldest()
 * while (running) {
 *     FeedPage page = engine.events().after(cursor, 500);
 *     for (FeedEntry entry : page.entries()) {
 *         searchIndex.apply(entry.event());
 *     }
 *     cursor = page.next();
 *     store.save("search-index", cursor.position());
 *     if (page.entries().isEmpty()) {
 *         Thread.sleep(200);
 *     }
 * }
 * }</pre>
 *
 * <p>In-JVM {@link EventListener}s are not fed from this log: they run after the commit on the node
 * that ran the command, best effort, and miss what happens when that process dies in between.
 *
 * @since 0.2
 */
public interface EventFeed {

    /** The most entries one page may hold. */
    int MAX_PAGE = 1000;

    /**
     * Reads up to {@code limit} events after {@code cursor}, in position order.
     *
     * @throws InvalidInputException if {@code limit} is not between 1 and {@link #MAX_PAGE}, or the
     *         cursor lies beyond the latest event (a cursor of another database)
     * @throws NotFoundException if retention already pruned events right after {@code cursor}: the
     *         feed never jumps over them silently; start again from {@link #oldest()}
     */
    FeedPage after(FeedCursor cursor, int limit);

    /** The cursor just before the oldest event the feed still keeps: where a new reader that wants everything starts. */
    FeedCursor oldest();

    /** The cursor after the latest event: where a new reader that wants only what comes next starts. */
    FeedCursor latest();

    /**
     * Deletes the events beyond the engine's retention (its age and count limits, set on the
     * builder), in batches of their own units of work, oldest first, without blocking commands; returns
     * how many it deleted. Call it from a scheduled job on any one node. Does nothing when the engine
     * was built without retention.
     */
    long prune();
}
