package dev.niche.community.spring.metrics;

import dev.niche.community.CommunityEngine;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.EventListener;
import dev.niche.community.membership.MemberState;
import dev.niche.community.spring.CommunityEngineDecorator;
import dev.niche.community.vote.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's Micrometer meters:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th></tr>
 *   <tr><td>{@value #COMMAND_TIMER}</td><td>timer</td><td>{@code command} (facet and method, such as
 *       {@code votes.cast}), {@code outcome} ({@code SUCCESS} or {@code ERROR}), {@code error}
 *       ({@code none}, an {@link dev.niche.community.ErrorCode} such as {@code NOT_FOUND}, or the
 *       class of an unexpected exception)</td></tr>
 *   <tr><td>{@value #VOTES}</td><td>counter</td><td>{@code direction} ({@code up}, {@code down}): votes
 *       cast or changed</td></tr>
 *   <tr><td>{@value #POSTS}</td><td>counter</td><td>{@code kind} ({@code thread}, {@code reply})</td></tr>
 *   <tr><td>{@value #JOINS}</td><td>counter</td><td>{@code state} ({@code active}, {@code pending})</td></tr>
 * </table>
 *
 * <p>The timer comes from {@link #decorate}, which wraps every engine call; the counters from the
 * engine's events, since this is also an {@link EventListener}. Tags never carry ids, handles or
 * accounts. A gauge of the event feed's lag will join these once the durable event feed lands.
 *
 * <p>An application that declares its own {@code CommunityEngine} can still meter it:
 * {@code meters.decorate(Niche.builder().store(store).listener(meters).build())}.
 */
public final class NicheMeters implements CommunityEngineDecorator, EventListener {
    /** The timer of every engine call. */
    public static final String COMMAND_TIMER = "niche.command";
    /** The counter of votes cast or changed. */
    public static final String VOTES = "niche.votes";
    /** The counter of threads and replies posted. */
    public static final String POSTS = "niche.posts";
    /** The counter of joins, pending ones included. */
    public static final String JOINS = "niche.joins";

    private final MeterRegistry registry;
    private final Map<Direction, Counter> votes = new EnumMap<>(Direction.class);
    private final Counter threads;
    private final Counter replies;
    private final Map<MemberState, Counter> joins = new EnumMap<>(MemberState.class);

    /** Meters on {@code registry}; the counters are registered at once, at zero. */
    public NicheMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (Direction direction : Direction.values()) {
            votes.put(direction, counter(VOTES, "Votes cast or changed", "direction", direction.name()));
        }
        threads = counter(POSTS, "Threads and replies posted", "kind", "thread");
        replies = counter(POSTS, "Threads and replies posted", "kind", "reply");
        for (MemberState state : new MemberState[] {MemberState.ACTIVE, MemberState.PENDING}) {
            joins.put(state, counter(JOINS, "Joins, pending ones included", "state", state.name()));
        }
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name)
                .description(description)
                .tag(tag, value.toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    /** An engine that times each call of {@code engine} in {@value #COMMAND_TIMER}. */
    @Override
    public CommunityEngine decorate(CommunityEngine engine) {
        return TimedEngine.wrap(engine, this::record);
    }

    private void record(String command, String error, long nanos) {
        Timer.builder(COMMAND_TIMER)
                .description("Calls of the Niche engine, by command and outcome")
                .tag("command", command)
                .tag("outcome", error.equals(TimedEngine.NO_ERROR) ? "SUCCESS" : "ERROR")
                .tag("error", error)
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void on(CommunityEvent event) {
        if (event instanceof CommunityEvent.VoteCast vote) {
            Objects.requireNonNull(votes.get(vote.direction())).increment();
        } else if (event instanceof CommunityEvent.ThreadStarted) {
            threads.increment();
        } else if (event instanceof CommunityEvent.ReplyPosted) {
            replies.increment();
        } else if (event instanceof CommunityEvent.MemberJoined joined) {
            Counter counter = joins.get(joined.state());
            if (counter != null) {
                counter.increment();
            }
        }
    }
}
