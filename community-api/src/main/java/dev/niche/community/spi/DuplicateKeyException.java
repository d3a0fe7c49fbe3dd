package dev.niche.community.spi;

import dev.niche.community.ConflictException;

/**
 * Thrown by a store when an insert would break a uniqueness invariant. The unit of work it was
 * thrown in must still be rolled back by whoever handles it; the engine turns it into a
 * {@link ConflictException} with a message for the user.
 */
public final class DuplicateKeyException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final UniqueKey key;

    public DuplicateKeyException(UniqueKey key) {
        super("duplicate " + key.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.key = key;
    }

    public DuplicateKeyException(UniqueKey key, Throwable cause) {
        super("duplicate " + key.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), cause);
        this.key = key;
    }

    /** Which invariant the insert would have broken. */
    public UniqueKey key() {
        return key;
    }
}
