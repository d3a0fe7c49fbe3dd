package dev.niche.community.event;

/**
 * Receives the engine's events, on the thread that ran the command, after it committed, in the
 * order the command produced them. A listener that throws neither undoes nor blocks the committed
 * work: the engine logs the failure and goes on to the next listener.
 */
@FunctionalInterface
public interface EventListener {
    void on(CommunityEvent event);
}
