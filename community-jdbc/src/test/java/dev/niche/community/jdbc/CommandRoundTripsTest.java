package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What each command costs in round trips to the database, counted through a wrapping
 * {@code DataSource}: every statement executed (a pipelined group of statements, or a batch, counts
 * once, as the driver sends it once) and the commit. These are the figures of community-jdbc's
 * README; a test fails when a command's count changes, so that a change that adds a round trip is seen
 * and the table kept true. On H2 a round trip is a call into the database in the same process; on
 * MariaDB the driver also switches autocommit off and back on around each unit, which the table shows
 * apart.
 */
@DisplayName("Every command takes the documented number of round trips")
class CommandRoundTripsTest extends OnEveryDatabase {
    /** Round trips by command and database, as community-jdbc/README.md lists them: H2, PostgreSQL, MariaDB. */
    static final Map<String, int[]> DOCUMENTED = Map.ofEntries(
            Map.entry("register a pseudonym", new int[] {7, 5, 11}),
            Map.entry("create a community", new int[] {9, 7, 14}),
            Map.entry("join a community", new int[] {7, 5, 12}),
            Map.entry("start a thread", new int[] {7, 3, 10}),
            Map.entry("reply to a reply", new int[] {12, 4, 15}),
            Map.entry("cast a new up vote", new int[] {19, 4, 17}),
            Map.entry("change a vote", new int[] {13, 5, 17}),
            Map.entry("retract a vote", new int[] {9, 5, 14}),
            Map.entry("read the home feed, 5 communities joined", new int[] {6, 7, 10}),
            Map.entry("read the home feed, 50 communities joined", new int[] {6, 7, 10}),
            Map.entry("read a reply tree, 5 replies with replies", new int[] {6, 7, 10}),
            Map.entry("read a reply tree, 30 replies with replies", new int[] {6, 7, 10}));

    private @Nullable InstrumentedDataSource source;
    private @Nullable CommunityEngine engine;
    private final AtomicInteger handles = new AtomicInteger();

    @BeforeEach
    void countingEngine() {
        source = new InstrumentedDataSource(database());
        engine = Niche.builder().store(JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build())
                .build();
    }

    @Test
    @DisplayName("registering a pseudonym")
    void register() {
        AccountId account = Records.account();
        expect("register a pseudonym", () -> engine().identities().register(account, handle()));
    }

    @Test
    @DisplayName("creating a community")
    void create() {
        Actor owner = member();
        expect("create a community", () -> community(owner));
    }

    @Test
    @DisplayName("joining an open community")
    void join() {
        CommunityView community = community(member());
        Actor joiner = member();
        expect("join a community", () -> engine().memberships().join(joiner, JoinCommunity.of(community.id())));
    }

    @Test
    @DisplayName("starting a thread")
    void startThread() {
        Actor owner = member();
        CommunityView community = community(owner);
        expect("start a thread", () -> thread(owner, community));
    }

    @Test
    @DisplayName("replying to a reply")
    void reply() {
        Actor owner = member();
        CommunityView community = community(owner);
        Actor replier = joined(community);
        PostView thread = thread(owner, community);
        PostView first = engine().posts().reply(owner, new Reply(thread.id(), "First."));
        expect("reply to a reply", () -> engine().posts().reply(replier, new Reply(first.id(), "Second.")));
    }

    @Test
    @DisplayName("casting a new up vote, changing it and retracting it")
    void votes() {
        Actor owner = member();
        CommunityView community = community(owner);
        Actor author = joined(community);
        PostView thread = thread(author, community);
        engine().posts().reply(owner, new Reply(thread.id(), "Warming the author's rows up."));

        expect("cast a new up vote", () -> engine().votes().cast(owner, new CastVote(thread.id(), Direction.UP)));
        expect("change a vote", () -> engine().votes().cast(owner, new CastVote(thread.id(), Direction.DOWN)));
        expect("retract a vote", () -> engine().votes().retract(owner, thread.id()));
    }

    @Test
    @DisplayName("reading the home feed costs the same with 5 and with 50 joined communities")
    void homeFeed() {
        for (int joined : new int[] {5, 50}) {
            Actor reader = member();
            for (int i = 0; i < joined; i++) {
                Actor owner = member();
                CommunityView community = community(owner);
                thread(owner, community);
                engine().memberships().join(reader, JoinCommunity.of(community.id()));
            }
            expect("read the home feed, " + joined + " communities joined", () -> engine().posts()
                    .homeFeed(Viewer.of(reader.account()), HomeFeed.of(ThreadOrder.HOT), PageRequest.first(25)));
        }
    }

    @Test
    @DisplayName("reading a page of a reply tree costs the same with 5 and with 30 replies that have replies")
    void replyTree() {
        for (int opened : new int[] {5, 30}) {
            Actor owner = member();
            CommunityView community = community(owner);
            PostView thread = thread(owner, community);
            for (int i = 0; i < opened; i++) {
                PostView reply = engine().posts().reply(owner, new Reply(thread.id(), "Reply " + i));
                engine().posts().reply(owner, new Reply(reply.id(), "Below " + i));
                engine().posts().reply(owner, new Reply(reply.id(), "Also below " + i));
            }
            expect("read a reply tree, " + opened + " replies with replies", () -> engine().posts()
                    .thread(Viewer.of(owner.account()), thread.id(), TreeRequest.of(ReplySort.BEST)));
        }
    }

    @Test
    @DisplayName("community-jdbc's README lists exactly these figures")
    void readmeTable() throws java.io.IOException {
        Map<String, int[]> listed = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length == 5 && DOCUMENTED.containsKey(cells[1].trim())) {
                listed.put(cells[1].trim(), new int[] {Integer.parseInt(cells[2].trim()),
                        Integer.parseInt(cells[3].trim()), Integer.parseInt(cells[4].trim())});
            }
        }
        assertThat(listed).containsOnlyKeys(DOCUMENTED.keySet());
        DOCUMENTED.forEach((command, figures) -> assertThat(listed.get(command)).as(command).containsExactly(figures));
    }

    private void expect(String command, Runnable run) {
        InstrumentedDataSource counted = source();
        counted.failAtStatement(0, false);
        counted.autoCommitSwitches.set(0);
        run.run();
        int roundTrips = counted.statements.get() + counted.commits.get();
        int switches = counted.autoCommitSwitches.get();
        int expected = DOCUMENTED.get(command)[database().dialect().ordinal()];
        assertThat(roundTrips + (database().dialect() == Dialect.MARIADB ? switches : 0))
                .as("round trips to %s on %s: %s", command, database().dialect(), new ArrayList<>(counted.executed))
                .isEqualTo(expected);
    }

    private Actor member() {
        AccountId account = Records.account();
        return Actor.of(account, engine().identities().register(account, handle()).id());
    }

    private Actor joined(CommunityView community) {
        Actor actor = member();
        engine().memberships().join(actor, JoinCommunity.of(community.id()));
        return actor;
    }

    private CommunityView community(Actor owner) {
        return engine().communities().create(owner, new CreateCommunity("c" + handles.incrementAndGet() + "-"
                + Long.toString(System.nanoTime(), 36), "Counted", "Where statements are counted.", List.of("counting"),
                List.of(), Visibility.PUBLIC, JoinPolicy.OPEN));
    }

    private PostView thread(Actor author, CommunityView community) {
        return engine().posts().startThread(author, new StartThread(community.id(), "A thread", "Its body.", null));
    }

    private RegisterPseudonym handle() {
        return new RegisterPseudonym("rt" + handles.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36));
    }

    private InstrumentedDataSource source() {
        if (source == null) {
            throw new IllegalStateException("no counting source");
        }
        return source;
    }

    private CommunityEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("no engine");
        }
        return engine;
    }
}
