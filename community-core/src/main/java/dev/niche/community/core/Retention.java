package dev.niche.community.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long the event feed keeps events, fixed when the engine is built.
 *
 * @param maxAge   events older than this go; null for no limit by age
 * @param maxCount at most this many of the latest events stay; 0 for no limit by count
 */
record Retention(@Nullable Duration maxAge, long maxCount) {
    /** Keeps every event. */
    static final Retention FOREVER = new Retention(null, 0);

    boolean keepsAll() {
        return maxAge == null && maxCount == 0;
    }
}
