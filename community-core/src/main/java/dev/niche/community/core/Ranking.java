package dev.niche.community.core;

import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.Ranks;
import java.time.Instant;

/**
 * The ranking functions, as pure code. Each is Reddit's, so that their behaviour is well known:
 *
 * <ul>
 *   <li><b>Hot</b>: {@code sign(s)·log10(max(|s|,1)) + (t − t0)/45000}, where {@code s = ups − downs},
 *       {@code t} is the post's creation time in seconds since the epoch and {@code t0 = 1134028003}.
 *       It depends only on the votes and the creation time, never on "now", so a post's key changes
 *       only when a vote arrives and no background job ever recomputes it. Every 45,000 seconds
 *       (12.5 hours) of age weighs as much as a tenfold score.</li>
 *   <li><b>Controversy</b>: {@code (ups + downs)^(min/max)} with {@code min, max} the smaller and larger
 *       of ups and downs, or 0 when either is 0: many votes, evenly split, rank highest.</li>
 *   <li><b>Best</b>: the lower bound of the Wilson score interval for the share of up votes, at
 *       confidence {@code z} (1.281551565545 by default, an 80% one-sided bound as on Reddit): a reply
 *       with 9 of 10 up ranks above one with 1 of 1.</li>
 * </ul>
 */
final class Ranking {
    /** Reddit's epoch for hot ranking: 2005-12-08T07:46:43Z. */
    static final long HOT_EPOCH_SECONDS = 1_134_028_003L;

    /** Seconds of age that weigh as much as a tenfold score in hot ranking. */
    static final double HOT_SECONDS_PER_DECADE = 45_000d;

    /** The default confidence of the best ranking, as on Reddit. */
    static final double DEFAULT_WILSON_Z = 1.281551565545;

    private Ranking() {}

    /** Every rank key of a post with these counters, created at {@code createdAt}. */
    static Ranks ranks(PostCounters counters, Instant createdAt, double wilsonZ) {
        return new Ranks(hot(counters.ups(), counters.downs(), createdAt),
                wilson(counters.ups(), counters.downs(), wilsonZ),
                controversy(counters.ups(), counters.downs()));
    }

    static double hot(int ups, int downs, Instant createdAt) {
        int score = ups - downs;
        double order = Math.log10(Math.max(Math.abs((double) score), 1d));
        double seconds = (createdAt.getEpochSecond() - HOT_EPOCH_SECONDS) + createdAt.getNano() / 1e9;
        return Integer.signum(score) * order + seconds / HOT_SECONDS_PER_DECADE;
    }

    static double controversy(int ups, int downs) {
        if (ups <= 0 || downs <= 0) {
            return 0d;
        }
        double magnitude = (double) ups + downs;
        double balance = ups > downs ? (double) downs / ups : (double) ups / downs;
        return Math.pow(magnitude, balance);
    }

    static double wilson(int ups, int downs, double z) {
        long n = (long) ups + downs;
        if (n <= 0) {
            return 0d;
        }
        double p = (double) ups / n;
        double z2 = z * z;
        double centre = p + z2 / (2d * n);
        double spread = z * Math.sqrt((p * (1d - p) + z2 / (4d * n)) / n);
        // Mathematically within [0, 1]; rounding can stray by an ulp at the ends (ups == 0 gives -1e-19).
        return Math.min(1d, Math.max(0d, (centre - spread) / (1d + z2 / n)));
    }
}
