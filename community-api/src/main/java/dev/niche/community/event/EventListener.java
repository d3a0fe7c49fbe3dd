package dev.niche.community.event;

/**
 * Receives the engine's events, on the thread that ran the command, after it committed, in the
 * order the command produced them. A listener that throws neither undoes nor blocks the committed
 * work: the engine logs the failure and goes on to the next listener.
 *
 * <p>Listeners are a best-effort convenience of the node that ran the command: they miss the events
 * of other nodes and those committed just before the process died. For every committed event, in
 * commit order, from any node, read the {@link EventFeed}.
 */
@FunctionalInterface
public interface EventListener {
    /** Receives one event of a command that committed. */
    void on(CommunityEvent event);
}
