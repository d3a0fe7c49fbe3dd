package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.core.Niche;
import dev.niche.community.jdbc.Dialect;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.Interaction;
import dev.niche.community.trust.TrustRun;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What {@code trust().recompute(community)} costs on the JDBC store, on PostgreSQL and on an H2 file,
 * for the worlds of the sybil attack simulation (issue 6 asks for at most 5 s on 2 cores).
 *
 * <p>For each ring size r it builds the simulation's world with k = 10 random attack edges on the
 * in-memory store ({@link SybilWorld}, the same seed builds the same world), recomputes it there as the
 * reference, and copies what a recompute reads into a fresh {@link JdbcStore} through the SPI
 * ({@link WorldCopy}): pseudonyms, the community and its trust policy, ACTIVE memberships with their
 * join times and roles, every post in creation order and every vote as stored; then {@code ANALYZE} on
 * PostgreSQL. Before timing anything it fails unless the JDBC store's endorsements equal the in-memory
 * store's, the JDBC engine's {@link TrustRun} has the reference's members, seeds, edges and iterations,
 * every stored score is within {@value #TOLERANCE} of the reference's, and so is a seeded sample of
 * {@value #SAMPLE} scores read through {@code trust().standing}. It then times, after
 * {@value #WARM_UP_RUNS} warm-up runs each: the recompute (every run must report the same numbers), the
 * endorsements query alone ({@code tx.trust().interactions} in a write unit, as the recompute runs it, and
 * in a read unit), and the score write alone ({@code tx.trust().replaceScores} of the stored scores in a
 * write unit). The in-memory store is measured the same way, for comparison. Last it runs the
 * endorsements query, as the store prepares it, under {@code EXPLAIN ANALYZE}; on PostgreSQL also with
 * {@code work_mem} raised to {@value #LARGER_WORK_MEM} for the session, and for a community with no
 * posts, to show what the query reads of a database where other communities hold the rows.
 *
 * <p>Run, from the repository root, with the PostgreSQL server in {@value BenchDatabase#POSTGRES_URL}
 * (each world gets a schema of its own there, dropped afterwards; H2 needs nothing):
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * NICHE_BENCH_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/niche_recompute?user=postgres' \
 *   java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.niche.benchmarks.JdbcTrustRecompute \
 *   [--seed=1] [--runs=7] [--rings=1000,100] [--databases=postgresql,h2]
 * }</pre>
 * The table and the plans go to standard output, progress to standard error.
 */
public final class JdbcTrustRecompute {
    private static final int ATTACK_EDGES = 10;
    private static final int WARM_UP_RUNS = 2;
    private static final int SAMPLE = 1_000;
    private static final double TOLERANCE = 1e-9;
    private static final double TARGET_MILLIS = 5_000;
    private static final String LARGER_WORK_MEM = "64MB";
    /** No community has this id: the query then reads nothing of its own. */
    private static final String NO_COMMUNITY = "00000000-0000-0000-0000-000000000000";

    private JdbcTrustRecompute() {}

    /** The command line. */
    record Options(long seed, int runs, List<Integer> rings, List<String> databases) {
        static Options parse(String[] args) {
            long seed = 1;
            int runs = 7;
            List<Integer> rings = List.of(1_000, 100);
            List<String> databases = List.of("postgresql", "h2");
            for (String arg : args) {
                if (arg.startsWith("--seed=")) {
                    seed = Long.parseLong(arg.substring("--seed=".length()));
                } else if (arg.startsWith("--runs=")) {
                    runs = Integer.parseInt(arg.substring("--runs=".length()));
                } else if (arg.startsWith("--rings=")) {
                    rings = Arrays.stream(arg.substring("--rings=".length()).split(",")).map(Integer::valueOf).toList();
                } else if (arg.startsWith("--databases=")) {
                    databases = List.of(arg.substring("--databases=".length()).split(","));
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg
                            + "; use --seed=N, --runs=N (at least 5), --rings=1000,100 or --databases=postgresql,h2");
                }
            }
            if (runs < 5) {
                throw new IllegalArgumentException("--runs=" + runs + " must be at least 5");
            }
            for (String database : databases) {
                if (!database.equals("postgresql") && !database.equals("h2")) {
                    throw new IllegalArgumentException("--databases names \"" + database
                            + "\"; use postgresql, h2 or both");
                }
            }
            return new Options(seed, runs, rings, databases);
        }
    }

    /** Median, fastest and slowest of timed runs, in milliseconds. */
    record Timing(double median, double min, double max) {
        static Timing of(double[] millis) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Timing(SybilAttackSimulation.median(sorted), sorted[0], sorted[sorted.length - 1]);
        }

        String text() {
            return String.format("%,.0f ms (%,.0f–%,.0f)", median, min, max);
        }
    }

    /**
     * The in-memory engine's answer, which every store must give.
     *
     * @param run          its recompute's numbers
     * @param interactions what its store's interactions query returned
     * @param scores       every stored score, by account
     * @param standings    every account's score as {@code trust().standing} reads it, by {@link SybilWorld#actors}
     *                     index; {@code NaN} where none
     */
    record Reference(TrustRun run, Set<Interaction> interactions, Map<AccountId, Double> scores, double[] standings) {}

    /** What one store showed for one world. */
    record Outcome(int r, String store, TrustRun run, int endorsementPairs, String copied, double firstMillis,
            Timing recompute, Timing endorsements, Timing endorsementsRead, Timing scoreWrite, double largestDifference) {

        boolean met() {
            return recompute.median() <= TARGET_MILLIS;
        }
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        progress("seed %d, rings %s, k = %d random attack edges, stores in-memory and %s, %d cores, load average %.2f",
                options.seed(), options.rings(), ATTACK_EDGES, options.databases(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Outcome> outcomes = new ArrayList<>();
        StringBuilder plans = new StringBuilder();
        for (int r : options.rings()) {
            progress("building the world for r=%d, k=%d", r, ATTACK_EDGES);
            long started = System.nanoTime();
            SybilWorld world = SybilWorld.build(options.seed(), SybilWorld.Shape.FULL, new SybilWorld.Ring(r, ATTACK_EDGES),
                    line -> progress("  %s", line));
            progress("  built in %.0f s: %,d posts, %,d votes", seconds(started), world.posts.size(), world.votes.size());
            Reference reference = reference(world);
            outcomes.add(report(measure(world, "in-memory", world.engine, world.store, reference, options, "—")));
            for (String database : options.databases()) {
                outcomes.add(report(onJdbc(world, reference, database, options, plans)));
            }
        }
        print(options, outcomes, plans);
    }

    private static Reference reference(SybilWorld world) {
        TrustRun run = world.engine.trust().recompute(world.community);
        List<Interaction> endorsements = world.store.read(tx -> tx.trust().interactions(world.community));
        Map<AccountId, Double> scores = world.store.read(tx -> tx.trust().scores(world.community, accounts(world)));
        return new Reference(run, Set.copyOf(endorsements), scores, world.scores());
    }

    private static Outcome onJdbc(SybilWorld world, Reference reference, String database, Options options,
            StringBuilder plans) {
        try (BenchDatabase db = BenchDatabase.open(database, 2)) {
            JdbcStore store = JdbcStore.builder(db.dataSource()).migrate(true).build();
            progress("r=%d, %s: copying %,d posts and %,d votes", world.ring.size(), database, world.posts.size(),
                    world.votes.size());
            long started = System.nanoTime();
            WorldCopy.copy(world.store, store, world.community, accounts(world), world.posts);
            WorldCopy.copyVotes(world.store, store, world.votes);
            WorldCopy.analyze(database, db.dataSource());
            String copied = String.format("%,d posts, %,d votes in %.0f s", world.posts.size(), world.votes.size(),
                    seconds(started));
            progress("  copied %s", copied);
            CommunityEngine engine = Niche.builder().store(store).clock(world.clock).build();
            Outcome outcome = measure(world, database, engine, store, reference, options, copied);
            String sql = endorsementsSql(db.dataSource(), world.community);
            String title = String.format("-- r = %,d, %s: ", world.ring.size(), database);
            plans.append(String.format("%sthe endorsements query as the store prepares it, under %s%n%s%n%n%s%n",
                    title, explain(store.dialect()), sql,
                    plan(db.dataSource(), store.dialect(), sql, world.community.value(), null)));
            if (store.dialect() == Dialect.POSTGRESQL) {
                plans.append(String.format("%sthe same with SET work_mem = '%s' for the session%n%n%s%n", title,
                        LARGER_WORK_MEM, plan(db.dataSource(), store.dialect(), sql, world.community.value(),
                                LARGER_WORK_MEM)));
                plans.append(String.format("%sthe same for a community with no posts (id %s)%n%n%s%n", title,
                        NO_COMMUNITY, plan(db.dataSource(), store.dialect(), sql, NO_COMMUNITY, null)));
            }
            return outcome;
        }
    }

    /**
     * Checks the store against the reference, then times the recompute, the endorsements query alone and
     * the score write alone, {@value #WARM_UP_RUNS} warm-up runs and {@code options.runs()} timed runs each.
     */
    private static Outcome measure(SybilWorld world, String label, CommunityEngine engine, CommunityStore store,
            Reference reference, Options options, String copied) {
        CommunityId community = world.community;
        String where = "r=" + world.ring.size() + " on " + label + " (seed " + options.seed() + ")";
        List<Interaction> endorsements = store.read(tx -> tx.trust().interactions(community));
        if (endorsements.size() != reference.interactions().size()
                || !new HashSet<>(endorsements).equals(reference.interactions())) {
            throw new IllegalStateException(where + ": the store returned " + endorsements.size()
                    + " interaction groups, not the in-memory store's " + reference.interactions().size());
        }
        progress("%s: %,d interaction groups, as in memory; first recompute", where, endorsements.size());
        long started = System.nanoTime();
        TrustRun first = engine.trust().recompute(community);
        double firstMillis = (System.nanoTime() - started) / 1e6;
        requireSame(where, reference.run(), first);
        double largest = checkScores(where, world, engine, store, reference, options.seed());
        progress("  first recompute %,.0f ms; %s as in memory; scores within %.1e (largest difference %.1e)",
                firstMillis, numbers(first), TOLERANCE, largest);

        Timing recompute = time(options.runs(), () -> requireSame(where, reference.run(),
                engine.trust().recompute(community)));
        Timing query = time(options.runs(), () -> store.write(tx -> tx.trust().interactions(community)));
        Timing queryRead = time(options.runs(), () -> store.read(tx -> tx.trust().interactions(community)));
        Map<AccountId, Double> stored = store.read(tx -> tx.trust().scores(community, accounts(world)));
        Timing write = time(options.runs(), () -> store.write(tx -> {
            tx.trust().replaceScores(community, stored);
            return Boolean.TRUE;
        }));
        largest = Math.max(largest, checkScores(where, world, engine, store, reference, options.seed()));
        return new Outcome(world.ring.size(), label, first, endorsements.size(), copied, firstMillis, recompute, query,
                queryRead, write, largest);
    }

    private static void requireSame(String where, TrustRun expected, TrustRun actual) {
        if (actual.members() != expected.members() || actual.seeds() != expected.seeds()
                || actual.endorsements() != expected.endorsements() || actual.iterations() != expected.iterations()) {
            throw new IllegalStateException(where + ": the recompute gave " + numbers(actual)
                    + ", the in-memory engine " + numbers(expected));
        }
    }

    private static String numbers(TrustRun run) {
        return String.format("%,d members, %,d seeds, %,d edges, %d iterations", run.members(), run.seeds(),
                run.endorsements(), run.iterations());
    }

    /**
     * Compares every stored score, read through the SPI, and a seeded sample read through
     * {@code trust().standing}, with the reference; returns the largest difference.
     */
    private static double checkScores(String where, SybilWorld world, CommunityEngine engine, CommunityStore store,
            Reference reference, long seed) {
        Map<AccountId, Double> scores = store.read(tx -> tx.trust().scores(world.community, accounts(world)));
        if (!scores.keySet().equals(reference.scores().keySet())) {
            throw new IllegalStateException(where + ": " + scores.size() + " accounts have a stored score, not the "
                    + reference.scores().size() + " scored in memory");
        }
        double largest = 0;
        for (Map.Entry<AccountId, Double> score : scores.entrySet()) {
            largest = Math.max(largest, requireClose(where, score.getKey() + "'s stored score", score.getValue(),
                    Objects.requireNonNull(reference.scores().get(score.getKey()), "the reference scores every account")));
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < world.actors.length; i++) {
            members.add(i);
        }
        Collections.shuffle(members, new Random(seed));
        for (int i : members.subList(0, Math.min(SAMPLE, members.size()))) {
            Actor member = world.actors[i];
            Double trust = engine.trust().standing(member.asViewer(), world.community, member.pseudonym()).trust();
            double expected = reference.standings()[i];
            if ((trust == null) != Double.isNaN(expected)) {
                throw new IllegalStateException(where + ": " + member.pseudonym() + "'s standing has trust " + trust
                        + ", in memory " + (Double.isNaN(expected) ? "none" : expected));
            }
            if (trust != null) {
                largest = Math.max(largest, requireClose(where, member.pseudonym() + "'s standing", trust, expected));
            }
        }
        return largest;
    }

    private static double requireClose(String where, String what, double actual, double expected) {
        double difference = Math.abs(actual - expected);
        if (!(difference <= TOLERANCE)) {
            throw new IllegalStateException(where + ": " + what + " is " + actual + ", in memory " + expected
                    + " (difference " + difference + ", tolerance " + TOLERANCE + ")");
        }
        return difference;
    }

    private static Timing time(int runs, Runnable work) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return Timing.of(millis);
    }

    private static List<AccountId> accounts(SybilWorld world) {
        return Arrays.stream(world.actors).map(Actor::account).toList();
    }

    /**
     * The endorsements query exactly as the store prepares it: a second store over the same database,
     * whose connections note what is prepared, reads the endorsements once.
     */
    private static String endorsementsSql(DataSource dataSource, CommunityId community) {
        List<String> prepared = Collections.synchronizedList(new ArrayList<>());
        DataSource noting = (DataSource) Proxy.newProxyInstance(JdbcTrustRecompute.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = Objects.requireNonNull((Connection) result, "getConnection returns a connection");
                    return Proxy.newProxyInstance(JdbcTrustRecompute.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (c, m, a) -> {
                                if (m.getName().equals("prepareStatement")) {
                                    prepared.add((String) a[0]);
                                }
                                return invoke(connection, m, a);
                            });
                });
        JdbcStore.builder(noting).build().read(tx -> tx.trust().interactions(community));
        List<String> reads = prepared.stream().filter(sql -> sql.contains("niche_votes")).toList();
        if (reads.size() != 1) {
            throw new IllegalStateException("expected the store to prepare one query over niche_votes to read the "
                    + "endorsements, but it prepared " + prepared);
        }
        return reads.get(0);
    }

    private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String explain(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "EXPLAIN (ANALYZE, BUFFERS)" : "EXPLAIN ANALYZE";
    }

    /**
     * Runs {@code sql} under {@code EXPLAIN ANALYZE}, every parameter bound to {@code community}, with
     * PostgreSQL's {@code work_mem} set to {@code workMem} for the while when given.
     */
    private static String plan(DataSource dataSource, Dialect dialect, String sql, String community,
            @Nullable String workMem) {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(explain(dialect) + " " + sql)) {
            int parameters = (int) sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, community);
            }
            try (Statement session = connection.createStatement()) {
                if (workMem != null) {
                    session.execute("SET work_mem = '" + workMem + "'");
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                } finally {
                    if (workMem != null) {
                        session.execute("RESET work_mem");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not explain the endorsements query on " + dialect, e);
        }
        return plan.toString();
    }

    private static Outcome report(Outcome o) {
        progress("r=%d, %s: recompute median %,.0f ms (%,.0f–%,.0f), endorsements query %,.0f ms (%,.0f ms in a read "
                        + "unit), score write %,.0f ms", o.r(), o.store(), o.recompute().median(), o.recompute().min(),
                o.recompute().max(), o.endorsements().median(), o.endorsementsRead().median(), o.scoreWrite().median());
        return o;
    }

    private static void print(Options options, List<Outcome> outcomes, StringBuilder plans) {
        System.out.printf("Trust recompute on the JDBC store, seed %d, k = %d random attack edges, %d cores, "
                        + "load average %.2f at the end%n%n", options.seed(), ATTACK_EDGES,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| r | store | members | seeds | edges | iterations | endorsement pairs | copied "
                + "| first recompute | recompute median (min–max), " + options.runs() + " runs | ≤ 5 s? "
                + "| endorsements query alone (write unit) | same, read unit | score write alone "
                + "| largest score difference |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Outcome o : outcomes) {
            System.out.printf("| %,d | %s | %,d | %,d | %,d | %d | %,d | %s | %,.0f ms | %s | %s | %s | %s | %s | %.1e |%n",
                    o.r(), o.store(), o.run().members(), o.run().seeds(), o.run().endorsements(), o.run().iterations(),
                    o.endorsementPairs(), o.copied(), o.firstMillis(), o.recompute().text(),
                    o.met() ? "yes" : "**no**", o.endorsements().text(), o.endorsementsRead().text(),
                    o.scoreWrite().text(), o.largestDifference());
        }
        System.out.printf("%nEvery store returned the in-memory store's endorsement pairs and TrustRun numbers; every "
                + "stored score and %,d scores read through trust().standing per store were within %.0e of the "
                + "in-memory engine's.%n%n", SAMPLE, TOLERANCE);
        System.out.print(plans);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
