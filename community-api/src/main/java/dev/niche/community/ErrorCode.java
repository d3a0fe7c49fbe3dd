package dev.niche.community;

/**
 * The stable code of every {@link NicheException}. Hosts may switch on it, map it to HTTP statuses
 * and store it; the set only grows.
 */
public enum ErrorCode {
    /** The input is malformed; {@link InvalidInputException#violations()} says which field and why. */
    INVALID_INPUT,
    /** The thing asked for does not exist, or the caller may not know that it exists. */
    NOT_FOUND,
    /** The actor may not do this. */
    FORBIDDEN,
    /** The request clashes with the current state, such as a taken handle or slug. */
    CONFLICT,
    /** The actor is acting too often; {@link RateLimitedException#retryAfter()} says when to retry. */
    RATE_LIMITED,
    /** The store could not complete the command, even after bounded retries; nothing was written. */
    UNAVAILABLE
}
