package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A deliberately tiny store that is correct by inspection: plain maps, one lock held for the whole
 * of every unit of work, and rollback by restoring a copy of the maps taken when the unit began.
 *
 * <p>The model-based rule runs the same actions against it and against the store under test, and
 * the kit's own tests decorate it to build broken stores. It is slow by design and knows nothing
 * of indexes: it exists to be obviously right.
 */
final class ReferenceStore implements CommunityStore {
    private final ReentrantLock lock = new ReentrantLock();
    private ReferenceData data = new ReferenceData();

    /** Runs {@code work} over a copy of the data, so that whatever it changes is dropped. */
    @Override
    public <T> T read(StoreWork<T> work) {
        lock();
        try {
            return work.run(new ReferenceTransaction(data.copy()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        lock();
        try {
            ReferenceData before = data.copy();
            try {
                return work.run(new ReferenceTransaction(data));
            } catch (Throwable failure) {
                data = before;
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    private void lock() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a unit of work is already open on this thread; units of work do not nest");
        }
        lock.lock();
    }
}
