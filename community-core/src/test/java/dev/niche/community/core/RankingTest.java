package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference vectors for the ranking functions, computed independently with 50-digit decimal
 * arithmetic (Python's decimal module) from the published formulas, and checked to 1e-9.
 */
@DisplayName("Ranking functions")
class RankingTest {
    private static final double TOLERANCE = 1e-9;

    @Nested
    @DisplayName("hot")
    class Hot {
        @ParameterizedTest(name = "ups {0}, downs {1}, created {2}.{3}s gives {4}")
        @CsvSource({
            "0, 0, 1134028003, 0, 0.000000000000",
            "1, 0, 1134028003, 0, 0.000000000000",
            "10, 0, 1700000000, 0, 12578.155488888890",
            "0, 10, 1700000000, 0, 12576.155488888890",
            "123, 23, 1764067200, 500000000, 14002.871055555555",
            "5, 5, 1600000000, 0, 10354.933266666667",
            "1000000, 1, 1800000000, 0, 14805.377710676816",
            "2, 7, 1262304000, 0, 2849.878741106775",
            "0, 0, 1000000000, 0, -2978.400066666667",
        })
        @DisplayName("matches the reference vectors")
        void vectors(int ups, int downs, long seconds, int nanos, double expected) {
            assertThat(Ranking.hot(ups, downs, Instant.ofEpochSecond(seconds, nanos))).isCloseTo(expected, within(TOLERANCE));
        }
    }

    @Nested
    @DisplayName("controversy")
    class Controversy {
        @ParameterizedTest(name = "ups {0}, downs {1} gives {2}")
        @CsvSource({
            "0, 0, 0", "5, 0, 0", "0, 5, 0", "1, 1, 2",
            "10, 5, 3.872983346207", "5, 10, 3.872983346207", "100, 99, 188.740258552095",
            "1000, 1, 1.006932675281", "3, 4, 4.303517070659",
        })
        @DisplayName("matches the reference vectors")
        void vectors(int ups, int downs, double expected) {
            assertThat(Ranking.controversy(ups, downs)).isCloseTo(expected, within(TOLERANCE));
        }
    }

    @Nested
    @DisplayName("best (Wilson lower bound)")
    class Best {
        @ParameterizedTest(name = "ups {0}, downs {1} gives {2}")
        @CsvSource({
            "0, 0, 0", "1, 0, 0.378447503225206", "0, 1, 0", "9, 1, 0.717555698609624",
            "100, 0, 0.983841636673670", "50, 50, 0.436442224460083", "600, 400, 0.579997926296222",
            "1, 2, 0.105775636121687", "5000, 3, 0.998763686726639",
        })
        @DisplayName("matches the reference vectors at Reddit's confidence")
        void vectors(int ups, int downs, double expected) {
            assertThat(Ranking.wilson(ups, downs, Ranking.DEFAULT_WILSON_Z)).isCloseTo(expected, within(TOLERANCE));
        }

        @ParameterizedTest(name = "z {2}")
        @CsvSource({"600, 400, 1.96, 0.569308860622099"})
        @DisplayName("takes another confidence")
        void otherZ(int ups, int downs, double z, double expected) {
            assertThat(Ranking.wilson(ups, downs, z)).isCloseTo(expected, within(TOLERANCE));
        }
    }
}
