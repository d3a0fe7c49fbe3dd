package dev.niche.community.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What every facet of one engine shares, the facts it remembers ({@link Facts}) included. */
record Context(UnitOfWork work, InputValidator validator, Clock clock, IdGenerator ids, Settings settings, Facts facts) {

    /** The current time, from the injected clock, to the microsecond that every store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
