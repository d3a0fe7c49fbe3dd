package dev.niche.examples.store;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spi.TransientStoreException;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link CommunityStore} that decorates another one and meters its units of work: how many ran,
 * how many committed, how many failed and were rolled back (and how many of those were transient),
 * and how long they took. Read the figures with {@link #metrics()}.
 *
 * <pre>{@code
 * MeteredStore store = new MeteredStore(JdbcStore.builder(dataSource).migrate(true).build());
 * CommunityEngine engine = Niche.builder().store(store).build();
 * // ... serve requests ...
 * StoreMetrics metrics = store.metrics();
 * log.info("{} commits, {} rollbacks, {} ms in writes", metrics.commits(), metrics.rollbacks(),
 *         metrics.writes().time().toMillis());
 * }</pre>
 *
 * <h2>How an application team adds to the storage SPI</h2>
 *
 * <p>The SPI in {@code dev.niche.community.spi} has two levels: {@link CommunityStore}, whose
 * {@link #read} and {@link #write} each run one unit of work, and the tables a
 * {@link dev.niche.community.spi.StoreTransaction} hands to that work. There are two ways in:
 * <ul>
 *   <li><b>Implement a store</b> for another backend: implement both levels, keep every invariant
 *       of {@link CommunityStore} in the backend itself (unique keys, atomic counters, all-or-nothing
 *       units), and prove it by extending {@code StoreCompatibilityKit} from {@code community-tck}
 *       in one test class, as {@code MeteredStoreTest} does for this one.</li>
 *   <li><b>Decorate a store</b>, as this class does, to add metrics, tracing, logging or a circuit
 *       breaker. Wrap at the unit-of-work level, {@link #read} and {@link #write}: the decorator then
 *       never needs to know the tables, so it stays correct when the SPI grows new ones, and it keeps
 *       every guarantee of the store below because it passes the work, its result and its exception
 *       through unchanged. (A caching decorator would have to wrap the tables too, and invalidate
 *       on every write of every node sharing the database: much harder to get right.)</li>
 * </ul>
 *
 * <p>This store is thread-safe and adds no lock: each figure is a {@link LongAdder}, so metering
 * costs a few nanoseconds and never serialises units of work. A {@link StoreMetrics} snapshot is
 * exact once no unit of work is running; taken while some run, its figures are read one after
 * another, with every unit counted as finished also counted as started.
 *
 * <p>What the figures mean for the engine: each command the engine runs is one write (the engine
 * runs it again after a {@link TransientStoreException}, so each try counts), and each query is one
 * read. A command refused by its own checks, such as a taken handle, fails inside its unit of work
 * and counts as a rollback; a command refused by bean validation never reaches the store.
 */
public final class MeteredStore implements CommunityStore {
    private final CommunityStore delegate;
    private final LongSupplier nanoTime;
    private final Meter reads = new Meter();
    private final Meter writes = new Meter();

    /** Meters {@code delegate}, timing its units of work with {@link System#nanoTime()}. */
    public MeteredStore(CommunityStore delegate) {
        this(delegate, System::nanoTime);
    }

    /**
     * Meters {@code delegate}, timing its units of work with {@code nanoTime}, a source of
     * nanoseconds such as {@link System#nanoTime()} or a test's fake ticker.
     */
    public MeteredStore(CommunityStore delegate, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public <T> T read(StoreWork<T> work) {
        Objects.requireNonNull(work, "work");
        return reads.meter(() -> delegate.read(work));
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        Objects.requireNonNull(work, "work");
        return writes.meter(() -> delegate.write(work));
    }

    /** The figures so far, as an immutable snapshot. */
    public StoreMetrics metrics() {
        return new StoreMetrics(reads.snapshot(), writes.snapshot());
    }

    @Override
    public String toString() {
        return "MeteredStore[" + delegate + "]";
    }

    /** The counters of one kind of unit of work. */
    private final class Meter {
        private final LongAdder started = new LongAdder();
        private final LongAdder succeeded = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder transientFailures = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        <T> T meter(Supplier<T> unit) {
            started.increment();
            long start = nanoTime.getAsLong();
            try {
                T result = unit.get();
                succeeded.increment();
                return result;
            } catch (RuntimeException | Error e) {
                failed.increment();
                if (e instanceof TransientStoreException) {
                    transientFailures.increment();
                }
                throw e;
            } finally {
                nanos.add(nanoTime.getAsLong() - start);
            }
        }

        UnitMetrics snapshot() {
            // Finished units first, started last: a unit that ends between the reads is then counted
            // as started too, so that started never falls below succeeded + failed.
            long time = nanos.sum();
            long transients = transientFailures.sum();
            long fails = failed.sum();
            long successes = succeeded.sum();
            return new UnitMetrics(started.sum(), successes, fails, transients, time);
        }
    }
}
