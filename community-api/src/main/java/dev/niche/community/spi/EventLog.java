package dev.niche.community.spi;

import java.util.List;
import java.util.OptionalLong;

/**
 * The durable log of the engine's events, one table of a unit of work ({@link StoreTransaction#events}).
 * The engine appends each command's events as the last write of the command's unit of work, and hosts
 * read the log in position order from any node. The store only persists: the engine encodes the
 * events and decides what to prune.
 *
 * <p>What a store must hold:
 * <ul>
 *   <li><b>Dense positions in commit order.</b> The first event ever appended is at position 1 and
 *       every append continues at {@link #latestPosition()} + 1, with no gap and no repeat, across
 *       every node sharing the store. A unit that appends holds a lock on the log's head (say, a row
 *       that keeps the latest position, updated by the append) until it ends, so that appends
 *       commit in position order: a reader that has seen position {@code p} never later finds an
 *       event at or before {@code p} that it did not see. The engine appends last in its unit, so
 *       the lock is held only until the commit.</li>
 *   <li><b>In the unit of work.</b> A unit that rolls back leaves no event and takes no position;
 *       the next append continues where the last committed one ended.</li>
 *   <li><b>Pruning without the head.</b> {@link #prune} deletes the oldest events and never takes
 *       the head's lock, so it does not wait for, or block, appends.</li>
 * </ul>
 *
 * @since 0.2
 */
public interface EventLog {

    /**
     * Appends {@code events} at the next positions, in their order, and holds the log's head until
     * the unit of work ends. A store may send the append with the unit's commit.
     *
     * @throws IllegalStateException in a read-only unit of work
     */
    void append(List<EventRecord> events);

    /**
     * Up to {@code limit} events with a position above {@code position}, in position order.
     *
     * @param position the last position already read, 0 to read from the first event kept
     * @param limit    the most events to return, 1 or more
     */
    List<StoredEvent> after(long position, int limit);

    /** The position of the last event ever appended and committed (or appended by this unit); 0 if none. Pruning never lowers it. */
    long latestPosition();

    /** The position of the oldest event the log still keeps; empty if it keeps none. */
    OptionalLong oldestPosition();

    /**
     * Deletes every event at or below {@code throughPosition}, without taking the log's head; returns
     * how many it deleted. The engine prunes in batches, so one call deletes a bounded range.
     *
     * @throws IllegalStateException in a read-only unit of work
     */
    int prune(long throughPosition);
}
