package dev.niche.examples.simulation;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.NicheException;
import dev.niche.community.community.CommunityId;
import dev.niche.community.core.IdGenerator;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the story acts on: the engine, built on the given store with a simulated clock and
 * seeded ids, and the story's random source, agenda, cast, ledger and event log. One seed drives
 * all of it, so a run depends on the seed and the settings alone.
 */
final class World {
    /** The first simulated morning. Fixed, so that a seed always tells the same story. */
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private final SimulationSettings settings;
    private final SimulatedClock clock = new SimulatedClock(START);
    private final SplittableRandom random;
    private final EventLog events = new EventLog();
    private final CommunityEngine engine;
    private final Agenda agenda = new Agenda(clock);
    private final Cast cast;
    private final Ledger ledger = new Ledger();

    World(SimulationSettings settings, CommunityStore store) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.engine = Niche.builder()
                .store(store)
                .clock(clock)
                .idGenerator(IdGenerator.seeded(settings.seed(), clock))
                .listener(events)
                .build();
        this.cast = new Cast(engine, random);
    }

    SimulationSettings settings() {
        return settings;
    }

    CommunityEngine engine() {
        return engine;
    }

    SplittableRandom random() {
        return random;
    }

    EventLog events() {
        return events;
    }

    Agenda agenda() {
        return agenda;
    }

    Cast cast() {
        return cast;
    }

    Ledger ledger() {
        return ledger;
    }

    Instant now() {
        return clock.instant();
    }

    /** Midnight at the start of simulated day {@code day}, counted from 0. */
    static Instant dayStart(int day) {
        return START.plus(Duration.ofDays(day));
    }

    /** A moment of day {@code day}, {@code minutes} after midnight. */
    static Instant at(int day, int minutes) {
        return dayStart(day).plus(Duration.ofMinutes(minutes));
    }

    /** A random moment of day {@code day} between two times of day, in minutes after midnight. */
    Instant sometime(int day, int fromMinute, int toMinute) {
        return at(day, fromMinute + random.nextInt(toMinute - fromMinute));
    }

    /**
     * Tries something the engine may refuse, such as a banned member posting again. A refusal is
     * noted in the ledger with the engine's own reason, and the story goes on.
     */
    <T> Optional<T> attempt(CommunityId community, String handle, String what, Supplier<T> action) {
        return attempt(community, handle, what, action, () -> null);
    }

    /**
     * Tries something that needs {@code privilege}, as {@link #attempt} does. When the engine refuses
     * it, the story asks the engine for the member's level and the policy in force: if the level is
     * below what the privilege needs, the refusal is noted as held by the trust gate.
     */
    <T> Optional<T> attemptGated(CommunityId community, Actor actor, String handle, String what, Privilege privilege,
            Supplier<T> action) {
        return attempt(community, handle, what, action, () -> {
            TrustProgress progress;
            try {
                progress = engine.trust().progress(actor, community);
            } catch (NicheException notAMember) {
                return null; // refused for want of an active membership, not of a privilege
            }
            return progress.level().atLeast(progress.policy().levelFor(privilege))
                    ? null : new Ledger.TrustGate(privilege, progress.level());
        });
    }

    private <T> Optional<T> attempt(CommunityId community, String handle, String what, Supplier<T> action,
            Supplier<Ledger.@Nullable TrustGate> gate) {
        try {
            return Optional.of(action.get());
        } catch (NicheException refused) {
            // Engine messages name pseudonyms by id; the report speaks in handles.
            String reason = Objects.requireNonNull(refused.getMessage(), "engine errors carry a message");
            for (PseudonymView pseudonym : engine.identities().findByHandle(handle).stream().toList()) {
                reason = reason.replace(pseudonym.id().value(), pseudonym.handle());
            }
            ledger.refused(new Ledger.Refusal(now(), community, handle, what, reason, gate.get()));
            return Optional.empty();
        }
    }
}
