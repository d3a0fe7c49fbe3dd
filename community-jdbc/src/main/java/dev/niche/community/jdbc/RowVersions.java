package dev.niche.community.jdbc;

import dev.niche.community.spi.TransientStoreException;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic checks for the rows a write unit of work reads and then writes back.
 *
 * <p>Units of work run at READ COMMITTED, so two of them may read the same row, decide, and both
 * write it: the second would silently undo the first (two approvals of one pending member would
 * each add one to the member count). To keep such units as if run one after another, every
 * versioned row carries {@code row_version}; a write unit remembers the version of each row it
 * reads, and its update or delete of that row applies only if the version is unchanged. If another
 * unit changed the row in between, the write fails with a {@link TransientStoreException} and the
 * engine runs the command again on fresh data. Counters never take part: they change atomically in
 * SQL, so concurrent votes never conflict here.
 */
final class RowVersions {
    /** What became of a versioned update or delete. */
    enum Outcome {
        /** The row was written. */
        WRITTEN,
        /** There is no such row. */
        MISSING,
        /** Another unit of work changed or deleted the row since this one read it. */
        CHANGED
    }

    private final Map<String, Long> seen = new HashMap<>();
    private final boolean tracking;

    /** @param tracking whether to remember versions: only write units of work need them */
    RowVersions(boolean tracking) {
        this.tracking = tracking;
    }

    /** Remembers that this unit of work read {@code row} at {@code version}. */
    void saw(String row, long version) {
        if (tracking) {
            seen.put(row, version);
        }
    }

    /**
     * Runs an UPDATE whose SQL ends with the row's key condition, adding {@code AND row_version = ?}
     * when this unit read the row. The UPDATE must also set {@code row_version = row_version + 1}.
     */
    Outcome update(Session session, String operation, String row, String sql, Session.Binder binder) {
        Long expected = seen.get(row);
        Outcome outcome = run(session, operation, expected, sql, binder);
        if (outcome == Outcome.WRITTEN && expected != null) {
            seen.put(row, expected + 1);
        }
        return outcome;
    }

    /** Runs a DELETE whose SQL ends with the row's key condition, as {@link #update} does. */
    Outcome delete(Session session, String operation, String row, String sql, Session.Binder binder) {
        Outcome outcome = run(session, operation, seen.get(row), sql, binder);
        if (outcome == Outcome.WRITTEN) {
            seen.remove(row);
        }
        return outcome;
    }

    /**
     * No row written means, without a version check, that there is no such row; with one, that the
     * row this unit read was changed or deleted since (this unit's own delete forgets the version).
     */
    private static Outcome run(Session session, String operation, @Nullable Long expected, String sql,
            Session.Binder binder) {
        String checked = expected == null ? sql : sql + " AND row_version = ?";
        int written = session.update(operation, checked, params -> {
            binder.bind(params);
            if (expected != null) {
                params.bigint(expected);
            }
        });
        if (written > 0) {
            return Outcome.WRITTEN;
        }
        return expected == null ? Outcome.MISSING : Outcome.CHANGED;
    }

    /** The failure for {@link Outcome#CHANGED}; {@code what} names the row without private data. */
    static TransientStoreException changed(String what) {
        String message = what + " changed in another unit of work after this one read it; running it again may succeed";
        return new TransientStoreException(message, new ConcurrentModificationException(message));
    }
}
