package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Label("UTC day properties")
class DaysProperties {

    @Property(tries = 500)
    @Label("a day number is the UTC calendar's epoch day, years 1 to 9999")
    void matchesTheUtcCalendar(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant at = Instant.ofEpochSecond(seconds, nanos);
        assertThat(Days.of(at)).isEqualTo(LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay());
    }

    @Property(tries = 300)
    @Label("the instant before midnight and midnight itself are one day apart")
    void midnightStartsTheNextDay(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long day) {
        Instant midnight = Instant.ofEpochSecond(day * 86_400);
        assertThat(Days.of(midnight)).isEqualTo(day);
        assertThat(Days.of(midnight.minusNanos(1))).isEqualTo(day - 1);
    }
}
