package dev.niche.community.core;

import dev.niche.community.ConflictException;
import dev.niche.community.UnavailableException;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.EventListener;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.TransientStoreException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands and queries as units of work of the store: retries what may pass on a second try,
 * appends a command's events to the store's event log as the last write of its unit of work, and
 * publishes them to the in-JVM listeners only after it committed.
 *
 * <p>The append comes after the command's own writes so that the log's head, which the append
 * locks, is held only until the commit: every append serialises over that short stretch, which is
 * what makes the log's positions follow commit order (docs/events.md). A command that fails, or whose
 * attempt rolls back, leaves no event.
 *
 * <p>A {@link DuplicateKeyException} means that a concurrent unit of work won a race that the
 * command's own checks could not see; running the command again lets those checks see the winner
 * and answer with their own, clearer conflict.
 */
final class UnitOfWork {
    private static final Logger log = LoggerFactory.getLogger(UnitOfWork.class);

    /** A command's decision and writes, inside one unit of work. */
    @FunctionalInterface
    interface Command<T> {
        T run(StoreTransaction tx, Outbox outbox);
    }

    private final CommunityStore store;
    private final List<EventListener> listeners;
    private final int maxAttempts;
    private final IdGenerator ids;

    UnitOfWork(CommunityStore store, List<EventListener> listeners, int maxAttempts, IdGenerator ids) {
        this.store = store;
        this.listeners = listeners;
        this.maxAttempts = maxAttempts;
        this.ids = ids;
    }

    /** Runs a command, commits it, then publishes its events. */
    <T> T command(String name, Command<T> command) {
        for (int attempt = 1; ; attempt++) {
            Outbox outbox = new Outbox();
            try {
                T result = store.write(tx -> {
                    T done = command.run(tx, outbox);
                    List<CommunityEvent> events = outbox.events();
                    if (!events.isEmpty()) {
                        tx.events().append(EventCodec.encode(events, ids));
                    }
                    return done;
                });
                publish(outbox.events());
                return result;
            } catch (TransientStoreException | DuplicateKeyException e) {
                if (attempt >= maxAttempts) {
                    throw giveUp(name, attempt, e);
                }
                log.debug("{} met {} on attempt {}; running it again", name, e.getClass().getSimpleName(), attempt);
                pause(attempt);
            }
        }
    }

    /** Runs a read-only query. */
    <T> T query(String name, Function<StoreTransaction, T> query) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.read(query::apply);
            } catch (TransientStoreException e) {
                if (attempt >= maxAttempts) {
                    throw giveUp(name, attempt, e);
                }
                log.debug("{} met a transient store failure on attempt {}; running it again", name, attempt);
                pause(attempt);
            }
        }
    }

    private static RuntimeException giveUp(String name, int attempts, RuntimeException last) {
        if (last instanceof DuplicateKeyException duplicate) {
            return new ConflictException(name + " kept clashing with concurrent changes (" + duplicate.getMessage()
                    + ") after " + attempts + " attempts; nothing was written", duplicate);
        }
        log.warn("{} failed after {} attempts: {}", name, attempts, last.getMessage());
        return new UnavailableException(name + " failed after " + attempts
                + " attempts because the store kept failing; nothing was written", last);
    }

    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to retry; nothing was written", e);
        }
    }

    private void publish(List<CommunityEvent> events) {
        for (CommunityEvent event : events) {
            for (EventListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (RuntimeException | Error e) {
                    if (e instanceof VirtualMachineError vmError) {
                        throw vmError;
                    }
                    log.warn("Event listener {} failed on {}; the command stays committed",
                            listener.getClass().getName(), event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
