package dev.niche.community.inmemory;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link CommunityStore} that keeps everything in memory, for tests, demos and single-node hosts
 * that can afford to lose their data on restart.
 *
 * <pre>{@code
 * CommunityStore store = new InMemoryStore();
 * store.write(tx -> { tx.pseudonyms().insert(pseudonym); return null; });
 * Optional<PseudonymRecord> ada = store.read(tx -> tx.pseudonyms().byHandle("ada"));
 * }</pre>
 *
 * <p>One read-write lock guards all data. A {@link #write} holds the write lock for its whole unit
 * of work and a {@link #read} holds the read lock, so units of work are serializable and every
 * counter operation is atomic; reads run alongside each other, writes one at a time. A write that
 * throws is undone, before the lock is released, by replaying the inverse of each of its writes,
 * newest first, so no other unit of work ever sees it.
 *
 * <p>The store enforces the uniqueness invariants of {@link CommunityStore} itself, and keeps an
 * index for every page it serves, so that a page costs its own size rather than the table's. Its
 * data lives as long as the instance.
 */
public final class InMemoryStore implements CommunityStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Tables tables = Tables.empty();

    /** Creates an empty store. */
    public InMemoryStore() {}

    @Override
    public <T> T read(StoreWork<T> work) {
        refuseNesting();
        Lock readLock = lock.readLock();
        readLock.lock();
        UnitOfWork unit = UnitOfWork.readOnly(tables);
        try {
            return work.run(unit);
        } finally {
            unit.end();
            readLock.unlock();
        }
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        refuseNesting();
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        UnitOfWork unit = UnitOfWork.readWrite(tables);
        try {
            return work.run(unit);
        } catch (Throwable failure) {
            unit.undo(failure);
            throw failure;
        } finally {
            unit.end();
            writeLock.unlock();
        }
    }

    // Checked before locking: a nested write would deadlock on the read lock, and a nested read
    // would slip in under the write lock and see uncommitted writes.
    private void refuseNesting() {
        if (lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("nested units of work are not supported: this thread is already "
                    + "inside a unit of work of this store, so use the transaction it was given instead");
        }
    }
}
