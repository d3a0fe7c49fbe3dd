package dev.niche.community.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, for engines and stores under test. It is
 * thread-safe and reads in UTC.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
 * CommunityEngine engine = Niche.builder().store(store).clock(clock).build();
 * clock.advance(Duration.ofDays(31)); // an invite made before is now expired
 * }</pre>
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    /** A clock that reads {@code start} until moved. */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Sets the time, forwards or backwards. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the time forwards.
     *
     * @return the new time
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public Instant advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("step " + step + " must not be negative; use set to go back in time");
        }
        return now.updateAndGet(instant -> instant.plus(step));
    }

    @Override
    public Instant instant() {
        return Objects.requireNonNull(now.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock's time seen in another zone; the view moves whenever this clock moves. */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(ZoneOffset.UTC) ? this : new ZonedView(this, zone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }

    /** Reads a {@link MutableClock} in another zone. */
    private static final class ZonedView extends Clock {
        private final MutableClock source;
        private final ZoneId zone;

        ZonedView(MutableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return source.withZone(newZone);
        }
    }
}
