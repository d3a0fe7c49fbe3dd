package dev.niche.community.spi;

/**
 * Where the engine keeps its data. A store persists and queries; it never decides.
 *
 * <p>The engine runs every command as one call of {@link #write} and every query as one call of
 * {@link #read}. A store must make each call a unit of work:
 * <ul>
 *   <li><b>All or nothing.</b> If the work throws, none of its writes remain, and the exception
 *       propagates unchanged (with any rollback failure attached as suppressed).</li>
 *   <li><b>Isolated.</b> Concurrent units of work behave as if run one after another, at least for
 *       the rows each one reads and then writes; the atomic counter operations never lose an
 *       update.</li>
 *   <li><b>Durable enough to be seen.</b> Once {@code write} returns, every later unit of work, on
 *       any thread or node, sees its writes.</li>
 *   <li><b>Not nested.</b> Calling {@code read} or {@code write} from inside a unit of work is
 *       refused with an {@link IllegalStateException}.</li>
 * </ul>
 *
 * <p>A store enforces these invariants itself, as a database does with unique constraints, so that
 * they hold when several application nodes share it; a violation throws
 * {@link DuplicateKeyException} naming the {@link UniqueKey}:
 * <ul>
 *   <li>a community slug is unique;</li>
 *   <li>a pseudonym handle is unique, compared case-insensitively;</li>
 *   <li>an account holds at most one membership per community;</li>
 *   <li>an account holds at most one vote per post;</li>
 *   <li>an invite code is unique;</li>
 *   <li>an id is unique within its table ({@link UniqueKey#ID}).</li>
 * </ul>
 *
 * <p>A store may hold writes back and send them together later in the same unit of work, as the
 * JDBC store does on PostgreSQL, provided every later read of the unit sees them and they run in
 * their order. A write's failure ({@link DuplicateKeyException}, or {@link IllegalStateException} for
 * a missing row) may then surface at a later call of the unit, or from {@code write} as it commits,
 * but never after {@code write} returned; the unit is rolled back all the same. Likewise a
 * {@link StoreTransaction#lockAccount} takes effect no later than the unit's next statement.
 *
 * <p>Values round-trip exactly: text in every Unicode plane, and instants to the microsecond (the
 * engine never passes a finer one).
 *
 * <p>A failure that may pass if the work runs again, such as a deadlock or a serialization failure,
 * is reported as a {@link TransientStoreException}; the engine retries those a bounded number of
 * times. The {@code community-tck} module proves a store against all of this.
 */
public interface CommunityStore {

    /**
     * Runs {@code work} as a read-only unit of work and returns its result. A store may refuse writes
     * made inside it with an {@link IllegalStateException}.
     *
     * @throws IllegalStateException if called from inside another unit of work
     */
    <T> T read(StoreWork<T> work);

    /**
     * Runs {@code work} as a unit of work that may write, commits it if it returns, and returns its
     * result. If it throws, every write it made is undone.
     *
     * @throws IllegalStateException if called from inside another unit of work
     */
    <T> T write(StoreWork<T> work);
}
