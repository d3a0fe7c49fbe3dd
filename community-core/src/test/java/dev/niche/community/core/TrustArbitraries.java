package dev.niche.community.core;

import dev.niche.community.trust.Activity;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid trust values, each within the ranges its record documents, shared by the
 * properties of the trust code.
 */
final class TrustArbitraries {
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    private TrustArbitraries() {}

    /** Any activity: counts up to {@code Long.MAX_VALUE}, reading time to the nanosecond. */
    static Arbitrary<Activity> anyActivity() {
        Arbitrary<Long> count = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Duration> reading = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofNanos);
        return Combinators.combine(count, count, count, reading, count, count, count).as(Activity::new);
    }

    /**
     * Small activity, counts 0 to {@code max} and reading time 0 to {@code max} seconds, so that one
     * activity meets another often and misses it often.
     */
    static Arbitrary<Activity> smallActivity(int max) {
        Arbitrary<Long> count = Arbitraries.longs().between(0, max);
        Arbitrary<Duration> reading = Arbitraries.longs().between(0, max).map(Duration::ofSeconds);
        return Combinators.combine(count, count, count, reading, count, count, count).as(Activity::new);
    }

    /** A share in (0, 1], at full double precision, with its edges. */
    static Arbitrary<Double> keepShare() {
        Arbitrary<Double> anywhere = Arbitraries.longs().between(1, Long.MAX_VALUE)
                .map(bits -> bits / (double) Long.MAX_VALUE);
        Arbitrary<Double> decimal = Arbitraries.integers().between(1, 100).map(percent -> percent / 100.0);
        return Arbitraries.frequencyOf(
                Tuple.of(4, anywhere),
                Tuple.of(4, decimal),
                Tuple.of(1, Arbitraries.of(Double.MIN_VALUE, Math.nextDown(1.0), 1.0)));
    }

    /** Level requirements built from {@code activity}, with any window and keep share. */
    static Arbitrary<TrustPolicy.Levels> levels(Arbitrary<Activity> activity) {
        return Combinators.combine(activity, activity, activity,
                        Arbitraries.integers().between(1, 365).map(Duration::ofDays), keepShare())
                .as(TrustPolicy.Levels::new);
    }

    /** Any valid policy. */
    static Arbitrary<TrustPolicy> anyPolicy() {
        Arbitrary<TrustPolicy.Reputation> reputation = Combinators.combine(
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(-1000, 0),
                        Arbitraries.integers().between(0, 1_000_000))
                .as(TrustPolicy.Reputation::new);
        Arbitrary<TrustLevel> level = Arbitraries.of(TrustLevel.class);
        Arbitrary<Map<Privilege, TrustLevel>> privileges = level.list().ofSize(Privilege.values().length).map(levels -> {
            Map<Privilege, TrustLevel> map = new EnumMap<>(Privilege.class);
            for (Privilege privilege : Privilege.values()) {
                map.put(privilege, levels.get(privilege.ordinal()));
            }
            return map;
        });
        Arbitrary<TrustPolicy.SerialVotes> serialVotes = Combinators.combine(
                        Arbitraries.integers().between(2, 1000),
                        Arbitraries.longs().between(Duration.ofMinutes(1).toNanos(), 30 * DAY_NANOS).map(Duration::ofNanos))
                .as(TrustPolicy.SerialVotes::new);
        Arbitrary<Double> floor = Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(bits -> 1000 * (bits / (double) Long.MAX_VALUE)),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, 0.1, 1000.0));
        Arbitrary<TrustPolicy.Score> score = Combinators.combine(
                        Arbitraries.longs().between(0, 3650 * DAY_NANOS).map(Duration::ofNanos),
                        Arbitraries.of(true, false),
                        floor)
                .as(TrustPolicy.Score::new);
        return Combinators.combine(reputation, levels(anyActivity()), privileges, serialVotes, score)
                .as(TrustPolicy::new);
    }
}
