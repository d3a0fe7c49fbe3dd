package dev.niche.examples.store;

import java.util.Objects;

/**
 * A snapshot of what a {@link MeteredStore} has metered, by kind of unit of work.
 *
 * @param reads  the read-only units of work: the engine's queries
 * @param writes the units of work that may write: the engine's commands, one per try
 */
public record StoreMetrics(UnitMetrics reads, UnitMetrics writes) {
    public StoreMetrics {
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(writes, "writes");
    }

    /** The write units of work that committed. */
    public long commits() {
        return writes.succeeded();
    }

    /** The write units of work that failed, and so were rolled back. */
    public long rollbacks() {
        return writes.failed();
    }

    /** Every unit of work started, read or write. */
    public long units() {
        return reads.started() + writes.started();
    }
}
