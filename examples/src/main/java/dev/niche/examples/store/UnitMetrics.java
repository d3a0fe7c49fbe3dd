package dev.niche.examples.store;

import java.time.Duration;

/**
 * What a {@link MeteredStore} counted of one kind of unit of work.
 *
 * @param started           units of work begun
 * @param succeeded         units that returned: for writes, the commits
 * @param failed            units that threw: for writes, the rollbacks
 * @param transientFailures of the failed units, those that threw a
 *                          {@link dev.niche.community.spi.TransientStoreException}, which the
 *                          engine runs again
 * @param nanos             the time spent in the units that finished, in nanoseconds
 */
public record UnitMetrics(long started, long succeeded, long failed, long transientFailures, long nanos) {

    /** @throws IllegalArgumentException if a figure is negative or the figures contradict each other */
    public UnitMetrics {
        if (started < 0 || succeeded < 0 || failed < 0 || transientFailures < 0 || nanos < 0) {
            throw new IllegalArgumentException("figures must not be negative: " + started + ", " + succeeded + ", "
                    + failed + ", " + transientFailures + ", " + nanos);
        }
        if (succeeded + failed > started || transientFailures > failed) {
            throw new IllegalArgumentException("figures contradict each other: started " + started + ", succeeded "
                    + succeeded + ", failed " + failed + ", transient " + transientFailures);
        }
    }

    /** Units begun but not yet finished when the snapshot was taken. */
    public long running() {
        return started - succeeded - failed;
    }

    /** The time spent in the units that finished. */
    public Duration time() {
        return Duration.ofNanos(nanos);
    }
}
