package dev.niche.examples.simulation;

import dev.niche.community.UnavailableException;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.examples.store.MeteredStore;
import dev.niche.examples.store.StoreMetrics;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The README's main demo: a few micro-communities live for some simulated days on the JDBC store,
 * then the report prints what the engine says about them.
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests package exec:java
 * mvn -B -q -pl examples -am -DskipTests package exec:java -Dexec.args="--seed 7 --days 60"
 * </pre>
 *
 * <p>The story: fearful flyers, vegan bakers and film-noir fans open their communities, and members
 * join under pseudonyms, come back, read, start threads, reply in trees and vote, a few of them far
 * more than the rest. The host reports visits and reading, so members climb trust levels by the
 * engine's default (Discourse) rules, and only those at level 2 vote down. A brand account joins
 * openly, shares what it knows, then opens an invite-only community for the members who liked its
 * posts. A spammer's pitches with links are held by the trust gate; its pitches without links land,
 * and moderators lock them, ban the spammer and, from the serial voting the engine lists, its
 * accomplice; the engine refuses the spammer's next try. Trust scores are recomputed nightly.
 *
 * <p>The same seed and flags print the same report, byte for byte: the engine runs on a simulated
 * clock with seeded ids, and one seeded random source makes every choice. Progress goes to standard
 * error. By default the data goes to an H2 file in a temporary directory, deleted at the end;
 * {@code --data-dir} keeps it, and {@code --jdbc-url} uses PostgreSQL instead. Either must hold no
 * Niche data yet.
 */
@Command(name = "community-simulation", sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = {"Simulates a few micro-communities on Niche and prints what the engine reports:",
                "discovery, a hot feed, a thread tree, reputation and trust, the brand's community,",
                "the moderation log and a health summary. The same seed prints the same report;",
                "progress goes to standard error."},
        footerHeading = "%nExamples:%n",
        footer = {"  community-simulation --seed 7 --days 60",
                "  community-simulation --size small --data-dir ./niche-data",
                "  community-simulation --jdbc-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed", "1:the database holds Niche data already, or the run failed",
                "2:bad flags"})
public final class CommunitySimulation implements Callable<Integer> {
    /** The size presets of {@code --size}: members per community. */
    static final Map<String, Integer> SIZES = Map.of("tiny", 8, "small", 60, "medium", 200, "large", 500);

    @Option(names = "--seed", order = 1, defaultValue = "42", paramLabel = "<long>",
            description = "drives every choice of the story (default: ${DEFAULT-VALUE})")
    private long seed;

    private int members = Objects.requireNonNull(SIZES.get("medium"));

    private int days = 30;

    @ArgGroup(exclusive = true)
    private @Nullable Where where;

    @Option(names = {"-h", "--help"}, order = 6, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Spec
    private @Nullable CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    /** Where the data goes: one of the two flags, or neither for a temporary H2 file. */
    static final class Where {
        @Option(names = "--data-dir", order = 4, paramLabel = "<dir>",
                description = "keep the H2 database in this directory (created if missing; must hold no Niche data)")
        private @Nullable Path dataDir;

        @Option(names = "--jdbc-url", order = 5, paramLabel = "<url>",
                description = "use PostgreSQL at this JDBC URL instead (an empty database or schema)")
        private @Nullable String jdbcUrl;
    }

    private CommunitySimulation(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Option(names = "--size", order = 2, paramLabel = "<size>", defaultValue = "medium",
            description = "members per community: tiny (8), small (60), medium (200), large (500), or a number from "
                    + SimulationSettings.MIN_MEMBERS + " to " + SimulationSettings.MAX_MEMBERS + " (default: ${DEFAULT-VALUE})")
    void size(String size) {
        Integer preset = SIZES.get(size.toLowerCase(Locale.ROOT));
        int count;
        if (preset != null) {
            count = preset;
        } else {
            try {
                count = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                throw usage("--size must be tiny, small, medium, large or a number, not '" + size + "'");
            }
        }
        if (count < SimulationSettings.MIN_MEMBERS || count > SimulationSettings.MAX_MEMBERS) {
            throw usage("--size " + count + " must be between " + SimulationSettings.MIN_MEMBERS + " and "
                    + SimulationSettings.MAX_MEMBERS);
        }
        this.members = count;
    }

    @Option(names = "--days", order = 3, paramLabel = "<days>", defaultValue = "30",
            description = "simulated days, " + SimulationSettings.MIN_DAYS + " to " + SimulationSettings.MAX_DAYS
                    + " (default: ${DEFAULT-VALUE})")
    void days(int days) {
        if (days < SimulationSettings.MIN_DAYS || days > SimulationSettings.MAX_DAYS) {
            throw usage("--days " + days + " must be between " + SimulationSettings.MIN_DAYS + " and "
                    + SimulationSettings.MAX_DAYS);
        }
        this.days = days;
    }

    /** Runs the simulation and exits with its exit code when that is not 0. */
    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging, which otherwise picks java.util.logging.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        // Bytes, not the platform's default charset: the report holds a few non-ASCII characters.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int exitCode = execute(args, out, err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Parses {@code args}, runs the simulation and returns the exit code: 0 when the report was
     * printed to {@code out}, 1 when the database already holds Niche data or the run failed, 2 for
     * bad flags (with the usage on {@code err}). Progress and errors go to {@code err}.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new CommunitySimulation(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof SimulationDatabase.DatabaseNotEmptyException
                    || failure instanceof UnavailableException) {
                line.getErr().println("community-simulation: " + failure.getMessage());
                return 1;
            }
            throw failure;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        SimulationSettings settings = new SimulationSettings(seed, members, days);
        long started = System.nanoTime();
        try (SimulationDatabase database = open()) {
            err.println("community-simulation: data in " + database.description());
            database.requireEmpty();
            MeteredStore store = new MeteredStore(JdbcStore.builder(database.dataSource()).migrate(true).build());
            Simulation.run(settings, store, out, err);
            StoreMetrics metrics = store.metrics();
            err.printf(Locale.ROOT, "community-simulation: done in %.1f s; the store ran %d units of work "
                            + "(%d queries, %d commits, %d rollbacks of refused commands)%n",
                    (System.nanoTime() - started) / 1e9, metrics.units(), metrics.reads().started(), metrics.commits(),
                    metrics.rollbacks());
        }
        return 0;
    }

    private SimulationDatabase open() {
        if (where != null && where.jdbcUrl != null) {
            try {
                return SimulationDatabase.postgres(where.jdbcUrl);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (where != null && where.dataDir != null) {
            return SimulationDatabase.h2(where.dataDir);
        }
        return SimulationDatabase.temporaryH2();
    }

    private ParameterException usage(@Nullable String message) {
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command spec");
        }
        return new ParameterException(spec.commandLine(), message);
    }
}
