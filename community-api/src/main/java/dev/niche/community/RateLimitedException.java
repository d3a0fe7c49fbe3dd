package dev.niche.community;

import java.time.Duration;
import java.util.Objects;

/** The actor is acting too often. Nothing was written; retry after {@link #retryAfter()}. */
public final class RateLimitedException extends NicheException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait before the same command may succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
