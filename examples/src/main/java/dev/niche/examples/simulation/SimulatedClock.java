package dev.niche.examples.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulation's time, in UTC. It stands still while a beat of the story runs and moves forward
 * between beats, so the engine stamps every post, vote and event with simulated time.
 */
final class SimulatedClock extends Clock {
    private volatile Instant now;

    SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the time to {@code instant}.
     *
     * @throws IllegalArgumentException if {@code instant} lies before the current time
     */
    void moveTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("simulated time runs forward only: " + instant + " is before " + now);
        }
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A fixed reading in another zone: the engine reads this clock only in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(now, zone);
    }
}
