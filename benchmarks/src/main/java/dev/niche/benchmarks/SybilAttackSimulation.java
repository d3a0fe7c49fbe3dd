package dev.niche.benchmarks;

import dev.niche.community.trust.TrustRun;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The sybil attack simulation of issue 6: how much trust a ring of fake accounts gets from the
 * engine's trust score when k honest members endorse it, and what recomputing the score costs.
 *
 * <p>For each ring size r and number of attack edges k it builds a seeded world through the real
 * engine on the in-memory store ({@link SybilWorld}): the same honest community of 10,000 accounts
 * with power-law activity and over 200,000 votes, and a ring of r fresh accounts that post, up-vote and
 * reply to each other densely and up-vote honest posts, which k honest accounts each up-voted once.
 * The k endorsers are drawn at random (one world per r and k); then, as the stronger attack, they are
 * the k most trusted honest members other than the owner and the moderators (one world per r, whose
 * attack edges are added after a first recompute, 1, then 4 more, then 5 more). It then runs {@code trust().recompute}, times it, reads every member's score through
 * {@code trust().standing} and reports:
 * <ul>
 *   <li>ring accounts scored above the honest median, against SybilRank's bound k·⌈log2 n⌉;</li>
 *   <li>the ring's total trust as a share of what its head count would earn at the average of 1.0
 *       (target at most 5%);</li>
 *   <li>the recompute time, median of several runs after a warm-up (target at most 5 s);</li>
 *   <li>on the last world, what a fresh round of ring votes does once votes are weighed by trust.</li>
 * </ul>
 *
 * <p>Run, from the repository root:
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.niche.benchmarks.SybilAttackSimulation [--seed=1] [--runs=7] [--quick]
 * }</pre>
 * The table goes to standard output, progress to standard error. The same seed builds the same
 * worlds; {@code --quick} runs a world a fifth of the size, with rings of 20 and 200, to try it out.
 */
public final class SybilAttackSimulation {
    private static final int[] ATTACK_EDGES = {1, 5, 10};
    private static final int WARM_UP_RUNS = 2;

    private SybilAttackSimulation() {}

    /** The command line. */
    record Options(long seed, boolean quick, int runs) {
        static Options parse(String[] args) {
            long seed = 1;
            boolean quick = false;
            int runs = 7;
            for (String arg : args) {
                if (arg.startsWith("--seed=")) {
                    seed = Long.parseLong(arg.substring("--seed=".length()));
                } else if (arg.startsWith("--runs=")) {
                    runs = Integer.parseInt(arg.substring("--runs=".length()));
                } else if (arg.equals("--quick")) {
                    quick = true;
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg
                            + "; use --seed=N, --runs=N (at least 5) or --quick");
                }
            }
            if (runs < 5) {
                throw new IllegalArgumentException("--runs=" + runs + " must be at least 5");
            }
            return new Options(seed, quick, runs);
        }

        SybilWorld.Shape shape() {
            return quick ? SybilWorld.Shape.QUICK : SybilWorld.Shape.FULL;
        }

        int[] ringSizes() {
            return quick ? new int[] {20, 200} : new int[] {100, 1000};
        }
    }

    /** Who gave the ring its attack edges. */
    enum Endorsers {
        /** Honest members drawn at random, one world per (r, k). */
        RANDOM("random"),
        /** The most trusted honest members, added to one world per r. */
        MOST_TRUSTED("most trusted");

        final String label;

        Endorsers(String label) {
            this.label = label;
        }
    }

    /** What one (r, k) attack showed. */
    record Outcome(Endorsers endorsers, int r, int k, TrustRun run, double honestMedian, double honestZeroShare,
            int ringAboveMedian, int bound, double ringShare, double ringMax, double ringMaxPercentile, int ringZero,
            double endorserTrust, int unscored, double medianMillis, double minMillis, double maxMillis) {

        boolean rankPass() {
            return ringAboveMedian <= bound;
        }

        boolean sharePass() {
            return ringShare <= 0.05;
        }

        boolean timePass() {
            return medianMillis <= 5_000;
        }
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        SybilWorld.Shape shape = options.shape();
        progress("seed %d, %s world, %d cores, load average %.2f", options.seed(), options.quick() ? "quick" : "full",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Outcome> outcomes = new ArrayList<>();
        List<String> worldLines = new ArrayList<>();
        SybilWorld.Weighed weighed = null;
        int[] rings = options.ringSizes();
        for (int r : rings) {
            for (int k : ATTACK_EDGES) {
                SybilWorld world = build(options, shape, new SybilWorld.Ring(r, k), worldLines, k == ATTACK_EDGES[0]);
                outcomes.add(report(measure(world, Endorsers.RANDOM, k, options.runs())));
                if (r == rings[rings.length - 1] && k == ATTACK_EDGES[ATTACK_EDGES.length - 1]) {
                    progress("weighing votes by trust on r=%d, k=%d", r, k);
                    weighed = world.weighedRound(world.scores());
                }
            }
            SybilWorld world = build(options, shape, new SybilWorld.Ring(r, 0), worldLines, false);
            world.engine.trust().recompute(world.community);
            double[] unattacked = world.scores();
            int added = 0;
            for (int k : ATTACK_EDGES) {
                world.attackFromMostTrusted(k - added, unattacked);
                added = k;
                world.advance(Duration.ofMinutes(1));
                outcomes.add(report(measure(world, Endorsers.MOST_TRUSTED, k, options.runs())));
            }
        }
        print(options, worldLines, outcomes, weighed);
    }

    private static SybilWorld build(Options options, SybilWorld.Shape shape, SybilWorld.Ring ring,
            List<String> worldLines, boolean describe) {
        progress("building the world for r=%d with %d random attack edges", ring.size(), ring.attackEdges());
        long started = System.nanoTime();
        SybilWorld world = SybilWorld.build(options.seed(), shape, ring, line -> progress("  %s", line));
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        progress("  built in %.0f s", buildSeconds);
        if (describe) {
            worldLines.add(describe(world, buildSeconds));
        }
        return world;
    }

    private static Outcome report(Outcome outcome) {
        progress("r=%d, k=%d, %s endorsers: %d ring accounts above the honest median (bound %d), ring share %.3f%%, "
                        + "recompute median %.0f ms", outcome.r(), outcome.k(), outcome.endorsers().label,
                outcome.ringAboveMedian(), outcome.bound(), 100 * outcome.ringShare(), outcome.medianMillis());
        return outcome;
    }

    private static Outcome measure(SybilWorld world, Endorsers endorsers, int k, int runs) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            world.engine.trust().recompute(world.community);
        }
        double[] millis = new double[runs];
        TrustRun run = null;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            run = world.engine.trust().recompute(world.community);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);

        double[] scores = world.scores();
        int honestCount = world.shape.accounts();
        int r = world.ring.size();
        int unscored = 0;
        double[] honest = new double[honestCount];
        for (int i = 0; i < honestCount; i++) {
            if (Double.isNaN(scores[i])) {
                unscored++;
            }
            honest[i] = Double.isNaN(scores[i]) ? 0 : scores[i];
        }
        Arrays.sort(honest);
        double honestMedian = median(honest);
        int honestZero = 0;
        for (double score : honest) {
            if (score == 0) {
                honestZero++;
            }
        }
        int above = 0;
        int ringZero = 0;
        double ringSum = 0;
        double ringMax = 0;
        for (int m = 0; m < r; m++) {
            double score = scores[honestCount + m];
            if (Double.isNaN(score)) {
                unscored++;
                continue;
            }
            ringSum += score;
            ringMax = Math.max(ringMax, score);
            if (score > honestMedian) {
                above++;
            }
            if (score == 0) {
                ringZero++;
            }
        }
        int below = 0;
        for (double score : honest) {
            if (score < ringMax) {
                below++;
            }
        }
        double endorserTrust = 0;
        for (int endorser : world.endorsers) {
            endorserTrust += Double.isNaN(scores[endorser]) ? 0 : scores[endorser];
        }
        int log2 = 64 - Long.numberOfLeadingZeros(Objects.requireNonNull(run, "at least one run").members() - 1L);
        return new Outcome(endorsers, r, k, run, honestMedian, (double) honestZero / honestCount, above, k * log2,
                ringSum / r, ringMax, (double) below / honestCount, ringZero, endorserTrust, unscored, median(millis),
                millis[0], millis[runs - 1]);
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String describe(SybilWorld world, double buildSeconds) {
        SybilWorld.Counts c = world.counts();
        return String.format("- r = %,d: honest part %,d accounts (owner, %d moderators, %,d joined at least 90 days "
                        + "before the end; %,d of the others did nothing), %,d threads, %,d replies, %,d up and %,d "
                        + "down votes (%,d planned votes found no post to vote on); ring %,d threads, %,d replies, %,d up votes inside the ring, "
                        + "%,d up votes on honest posts; built in %.0f s",
                world.ring.size(), world.shape.accounts(), world.shape.moderators(), c.longStanding(), c.idle(), c.honestThreads(),
                c.honestReplies(), c.honestUpvotes(), c.honestDownvotes(), c.honestSkipped(), c.ringThreads(),
                c.ringReplies(), c.ringUpvotes(), c.ringUpvotesOnHonest(), buildSeconds);
    }

    private static void print(Options options, List<String> worldLines, List<Outcome> outcomes,
            SybilWorld.@Nullable Weighed weighed) {
        System.out.printf("Sybil attack simulation, seed %d%s, %d cores, load average %.2f at the end%n%n",
                options.seed(), options.quick() ? " (--quick)" : "", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        worldLines.forEach(System.out::println);
        System.out.println();
        System.out.println("| r | k | endorsers (their trust) | n (members) | seeds | edges | iterations "
                + "| honest median trust | honest at 0 | ring above the honest median | bound k·⌈log2 n⌉ | met? "
                + "| ring max (honest below it) | ring at 0 | ring trust / r | ≤ 5%? "
                + "| recompute median (min–max), " + options.runs() + " runs | ≤ 5 s? |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes) {
            System.out.printf("| %,d | %d | %s (%.2f) | %,d | %,d | %,d | %d | %.3f | %.1f%% | %,d | %,d | %s "
                            + "| %.3f (%.1f%%) | %,d | %.3f%% | %s | %.0f ms (%.0f–%.0f) | %s |%n",
                    o.r(), o.k(), o.endorsers().label, o.endorserTrust(), o.run().members(), o.run().seeds(),
                    o.run().endorsements(), o.run().iterations(), o.honestMedian(), 100 * o.honestZeroShare(),
                    o.ringAboveMedian(), o.bound(), o.rankPass() ? "yes" : "**no**", o.ringMax(),
                    100 * o.ringMaxPercentile(), o.ringZero(), 100 * o.ringShare(), o.sharePass() ? "yes" : "**no**",
                    o.medianMillis(), o.minMillis(), o.maxMillis(), o.timePass() ? "yes" : "**no**");
        }
        int unscored = outcomes.stream().mapToInt(Outcome::unscored).sum();
        if (unscored > 0) {
            System.out.printf("%nWarning: %,d member scores read back as null (not scored) and were taken as 0.%n",
                    unscored);
        }
        if (weighed != null) {
            int r = options.ringSizes()[options.ringSizes().length - 1];
            System.out.printf("%nWeighing votes by trust (r = %,d, k = %d random endorsers, Score.weighingVotes(true), "
                    + "floor %.2f):%n", r, ATTACK_EDGES[ATTACK_EDGES.length - 1], weighed.floor());
            System.out.printf("- before: the ring's first threads hold %,d counted up votes, cast while votes were "
                    + "not weighed%n", weighed.firstRoundUps());
            System.out.printf("- ring accounts with trust at or above the floor: %,d of %,d%n", weighed.aboveFloor(), r);
            System.out.printf("- fresh round: %,d up votes on the ring's new threads, %,d counted; the new threads "
                            + "hold %,d counted up votes (%,d threads with any); ring reputation gained: %,d%n",
                    weighed.votes(), weighed.counted(), weighed.newThreadUps(), weighed.threadsWithUps(),
                    weighed.reputationGain());
            System.out.printf("- the price for honest members: %,d of %,d honest voters (%.1f%%) have trust at or above "
                            + "the floor; they cast %,d of the %,d honest votes (%.1f%%), the share that would still "
                            + "count%n", weighed.honestVotersAboveFloor(), weighed.honestVoters(),
                    100.0 * weighed.honestVotersAboveFloor() / weighed.honestVoters(), weighed.honestVotesAboveFloor(),
                    weighed.honestVotes(), 100.0 * weighed.honestVotesAboveFloor() / weighed.honestVotes());
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
