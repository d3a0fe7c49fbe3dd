package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("UTC days")
class DaysTest {

    @Nested
    @DisplayName("a day number")
    class Numbers {
        @ParameterizedTest(name = "{0} is day {1}")
        @CsvSource({
            "1970-01-01T00:00:00Z, 0",
            "1970-01-01T23:59:59.999999999Z, 0",
            "1970-01-02T00:00:00Z, 1",
            "1969-12-31T23:59:59.999999999Z, -1",
            "1969-12-31T00:00:00Z, -1",
            "1969-12-30T23:59:59Z, -2",
            "2026-11-25T12:00:00Z, 20782",
            "0001-01-01T00:00:00Z, -719162",
        })
        @DisplayName("counts whole UTC days from 1970-01-01, flooring before it")
        void vectors(String at, long day) {
            assertThat(Days.of(Instant.parse(at))).isEqualTo(day);
        }
    }
}
