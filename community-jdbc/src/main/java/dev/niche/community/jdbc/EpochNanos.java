package dev.niche.community.jdbc;

import java.time.Instant;

/**
 * Instants as nanoseconds since the epoch, the form every table keeps them in: one BIGINT that
 * round-trips an {@link Instant} exactly (nanoseconds included) and orders as a number on every
 * database. It spans 1677-09-21 to 2262-04-11.
 */
final class EpochNanos {
    static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private EpochNanos() {}

    /** @throws IllegalArgumentException if {@code instant} lies outside {@link #MIN} to {@link #MAX} */
    static long of(Instant instant) {
        try {
            long seconds = instant.getEpochSecond();
            int nanos = instant.getNano();
            // As Instant.toEpochMilli does: before the epoch, step one second up first, so that the
            // product of the earliest keepable second does not overflow before its nanos are added.
            if (seconds < 0 && nanos > 0) {
                return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000_000L), nanos - 1_000_000_000L);
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant " + instant + " lies outside what the JDBC store keeps, "
                    + MIN + " to " + MAX, e);
        }
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
