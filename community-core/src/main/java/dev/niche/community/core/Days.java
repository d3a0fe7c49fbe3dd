package dev.niche.community.core;

import java.time.Instant;

/** UTC days, counted from 1970-01-01, in which activity and daily caps are kept. */
final class Days {
    private static final long SECONDS_PER_DAY = 86_400;

    private Days() {}

    static long of(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
    }
}
