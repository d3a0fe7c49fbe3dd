package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Label("Ranking properties")
class RankingProperties {

    @Property
    @Label("hot rises with score at equal time")
    void hotMonotoneInScore(@ForAll @IntRange(min = -100_000, max = 100_000) int score,
            @ForAll @IntRange(min = 1, max = 1000) int more,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds) {
        Instant at = Instant.ofEpochSecond(seconds);
        double lower = Ranking.hot(Math.max(score, 0), Math.max(-score, 0), at);
        int higher = score + more;
        assertThat(Ranking.hot(Math.max(higher, 0), Math.max(-higher, 0), at)).isGreaterThanOrEqualTo(lower);
    }

    @Property
    @Label("hot rises with time at equal score")
    void hotMonotoneInTime(@ForAll @IntRange(min = 0, max = 100_000) int ups,
            @ForAll @IntRange(min = 0, max = 100_000) int downs,
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
            @ForAll @LongRange(min = 1, max = 1_000_000) long later) {
        assertThat(Ranking.hot(ups, downs, Instant.ofEpochSecond(seconds + later)))
                .isGreaterThan(Ranking.hot(ups, downs, Instant.ofEpochSecond(seconds)));
    }

    @Property
    @Label("Wilson lies in [0, 1]")
    void wilsonBounded(@ForAll @IntRange(min = 0, max = 1_000_000) int ups,
            @ForAll @IntRange(min = 0, max = 1_000_000) int downs) {
        assertThat(Ranking.wilson(ups, downs, Ranking.DEFAULT_WILSON_Z)).isBetween(0d, 1d);
    }

    @Property
    @Label("Wilson rises with ups")
    void wilsonRisesWithUps(@ForAll @IntRange(min = 0, max = 1_000_000) int ups,
            @ForAll @IntRange(min = 0, max = 1_000_000) int downs) {
        assertThat(Ranking.wilson(ups + 1, downs, Ranking.DEFAULT_WILSON_Z))
                .isGreaterThan(Ranking.wilson(ups, downs, Ranking.DEFAULT_WILSON_Z));
    }

    @Property
    @Label("controversy is symmetric in ups and downs")
    void controversySymmetric(@ForAll @IntRange(min = 0, max = 1_000_000) int ups,
            @ForAll @IntRange(min = 0, max = 1_000_000) int downs) {
        assertThat(Ranking.controversy(ups, downs)).isEqualTo(Ranking.controversy(downs, ups));
    }
}
