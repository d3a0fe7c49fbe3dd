package dev.niche.community.spi;

import dev.niche.community.UnavailableException;

/**
 * Thrown by a store when a unit of work failed for a reason that may pass if it runs again, such as
 * a deadlock, a serialization failure or a lost connection. Nothing of the unit of work remains.
 * The engine retries such work a bounded number of times before it reports UNAVAILABLE.
 */
public final class TransientStoreException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    public TransientStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
