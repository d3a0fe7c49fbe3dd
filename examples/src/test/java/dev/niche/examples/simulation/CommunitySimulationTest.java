package dev.niche.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.vote.Direction;
import dev.niche.community.jdbc.JdbcStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation, run small on H2, checked against the engine: the story's invariants hold in
 * what the engine reports, not only in the printed text.
 */
@DisplayName("The community simulation")
class CommunitySimulationTest {
    static final long SEED = 11;
    static final int MEMBERS = 12;
    static final int DAYS = 14;
    static final String[] ARGS = {"--seed", "" + SEED, "--size", "" + MEMBERS, "--days", "" + DAYS};

    @TempDir
    static Path directory;

    private static SimulationDatabase database;
    private static SimulationRun run;
    private static String output;

    @BeforeAll
    static void runTheStory() {
        database = SimulationDatabase.h2(directory.resolve("story"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run = Simulation.run(new SimulationSettings(SEED, MEMBERS, DAYS),
                JdbcStore.builder(database.dataSource()).migrate(true).build(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        output = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    private static CommunityEngine engine() {
        return run.engine();
    }

    private static CommunityId id(String slug) {
        return run.story().community(slug).id();
    }

    @Nested
    @DisplayName("The spammer")
    class Spam {
        private final Person spammer = run.story().spam().spammer().orElseThrow();
        private final List<PostId> pitches = run.story().spam().pitches();

        @Test
        @DisplayName("had every sales pitch held: refused by the engine, or locked by a moderator with no reply")
        void pitchesHeld() {
            List<Ledger.Refusal> refused = run.world().ledger().refusals().stream()
                    .filter(refusal -> refusal.handle().equals(SpamArc.HANDLE)).toList();
            assertThat(pitches.size() + refused.size()).as("pitches tried").isEqualTo(Themes.OPENING.size() + 1);
            for (PostId pitch : pitches) {
                PostView post = engine().posts().get(Viewer.anonymous(), pitch);
                assertThat(post.author().handle()).isEqualTo(SpamArc.HANDLE);
                assertThat(post.locked()).as("pitch %s locked", post.title()).isTrue();
                assertThat(post.threadReplyCount()).isZero();
            }
        }

        @Test
        @DisplayName("is banned from every community it posted in, by one of its moderators")
        void banned() {
            assertThat(pitches).as("pitches that landed, to be moderated").isNotEmpty();
            for (PostId pitch : pitches) {
                CommunityId community = engine().posts().get(Viewer.anonymous(), pitch).community();
                Actor actor = spammer.in(community).orElseThrow();
                assertThat(engine().memberships().membership(actor, community))
                        .get().extracting(MembershipView::state).isEqualTo(MemberState.BANNED);
                List<CommunityEvent.MemberBanned> bans = run.world().events().of(CommunityEvent.MemberBanned.class).stream()
                        .filter(ban -> ban.community().equals(community)).toList();
                assertThat(bans).singleElement().satisfies(ban -> {
                    assertThat(ban.member()).isEqualTo(actor.pseudonym());
                    Actor moderator = Actor.of(run.world().cast().owner(ban.by()).account(), ban.by());
                    assertThat(engine().memberships().membership(moderator, community).orElseThrow().role().moderates())
                            .isTrue();
                });
            }
        }

        @Test
        @DisplayName("was voted down: its pitches score what the votes cast add up to, never above zero")
        void votedDown() {
            for (PostId pitch : pitches) {
                int score = engine().posts().get(Viewer.anonymous(), pitch).score();
                assertThat(score).isLessThanOrEqualTo(0).isEqualTo(run.world().ledger().score(pitch));
            }
        }

        @Test
        @DisplayName("tried again after the ban, and the engine refused it without writing a thread")
        void retryRefused() {
            Instant lastBan = run.world().events().of(CommunityEvent.MemberBanned.class).stream()
                    .map(CommunityEvent::at).max(Instant::compareTo).orElseThrow();
            assertThat(run.world().ledger().refusals())
                    .filteredOn(refusal -> refusal.handle().equals(SpamArc.HANDLE) && refusal.at().isAfter(lastBan))
                    .singleElement()
                    .satisfies(refusal -> assertThat(refusal.attempt()).isEqualTo("post a sales pitch"));
            long spammerThreads = run.census().threads()
                    .filter(thread -> thread.root().author() != null
                            && thread.root().author().handle().equals(SpamArc.HANDLE))
                    .count();
            assertThat(spammerThreads).isEqualTo(pitches.size());
        }

        @Test
        @DisplayName("shows in the printed moderation log: a lock and a ban per community, then the refusal")
        void logged() {
            List<String> texts = run.moderation().stream().map(ModerationSection.Entry::text).toList();
            assertThat(texts).filteredOn(text -> text.contains(" locked \"") && text.endsWith("by " + SpamArc.HANDLE))
                    .hasSize(pitches.size());
            assertThat(texts).filteredOn(text -> text.endsWith(" banned " + SpamArc.HANDLE)).hasSize(pitches.size());
            assertThat(output).contains(SpamArc.HANDLE + " tried to post a sales pitch: refused (");
        }
    }

    @Nested
    @DisplayName("The brand")
    class Brand {
        private final BrandArc arc = run.story().brand();
        private final Person brand = arc.brand().orElseThrow();
        private final CommunityId kitchen = arc.kitchen().orElseThrow();

        @Test
        @DisplayName("discloses its affiliation in its handle and in every post it made")
        void discloses() {
            assertThat(brand.firstPseudonym().handle()).isEqualTo(BrandArc.HANDLE).contains("brand");
            List<PostView> posts = run.census().threads().flatMap(Census.ThreadCensus::posts)
                    .filter(post -> post.author() != null && post.author().handle().equals(BrandArc.HANDLE))
                    .toList();
            assertThat(posts).hasSize(arc.posts().size()).isNotEmpty()
                    .allSatisfy(post -> assertThat(post.title() + post.body()).contains("Oatmill"));
        }

        @Test
        @DisplayName("opened a restricted, invite-only community that says who runs it")
        void kitchen() {
            CommunityView view = engine().communities().get(Viewer.anonymous(), kitchen);
            assertThat(view.joinPolicy()).isEqualTo(JoinPolicy.INVITE_ONLY);
            assertThat(view.visibility()).isEqualTo(Visibility.RESTRICTED);
            assertThat(view.description()).contains("Run by Oatmill").contains(BrandArc.HANDLE);
        }

        @Test
        @DisplayName("invited only advocates: members who up-voted or answered one of its posts")
        void invitedAdvocates() {
            assertThat(arc.invitations()).as("the story's seed gives the brand advocates").isNotEmpty()
                    .hasSizeLessThanOrEqualTo(BrandArc.MOST_INVITES);
            Set<PostId> brandPosts = arc.posts();
            List<CommunityEvent> events = run.world().events().events();
            for (BrandArc.Invitation invitation : arc.invitations()) {
                PseudonymId advocate = invitation.actor().pseudonym();
                boolean engaged = events.stream().anyMatch(event ->
                        event instanceof CommunityEvent.VoteCast vote && vote.voter().equals(advocate)
                                && vote.direction() == Direction.UP && brandPosts.contains(vote.post())
                        || event instanceof CommunityEvent.ReplyPosted reply && reply.author().equals(advocate)
                                && brandPosts.contains(reply.parent()));
                assertThat(engaged).as("advocate %s engaged with the brand", invitation.actor()).isTrue();
            }
        }

        @Test
        @DisplayName("has only the brand and invited advocates as members, each under the pseudonym invited")
        void onlyInvitedMembers() {
            Set<PseudonymId> members = CommunityHealth.activeMembers(engine(), kitchen);
            Set<PseudonymId> invited = arc.invitations().stream().map(i -> i.actor().pseudonym()).collect(Collectors.toSet());
            assertThat(members).contains(brand.firstPseudonym().id());
            assertThat(members).allMatch(member -> member.equals(brand.firstPseudonym().id()) || invited.contains(member));
            assertThat(engine().communities().get(Viewer.anonymous(), kitchen).memberCount()).isEqualTo(members.size());
            assertThat(run.world().events().of(CommunityEvent.InviteCreated.class))
                    .filteredOn(created -> created.community().equals(kitchen))
                    .hasSize(arc.invitations().size());
        }

        @Test
        @DisplayName("saw the engine turn away a member who tried to join without an invite")
        void uninvitedRefused() {
            assertThat(run.world().ledger().refusals())
                    .filteredOn(refusal -> refusal.attempt().equals(BrandArc.UNINVITED_JOIN))
                    .singleElement()
                    .satisfies(refusal -> {
                        assertThat(refusal.community()).isEqualTo(kitchen);
                        PseudonymId curious = engine().identities().findByHandle(refusal.handle()).orElseThrow().id();
                        Actor actor = Actor.of(run.world().cast().owner(curious).account(), curious);
                        assertThat(engine().memberships().membership(actor, kitchen)).isEmpty();
                    });
        }
    }

    @Nested
    @DisplayName("The health summary")
    class Health {

        @Test
        @DisplayName("counts the members the engine lists, and active ones as the story's own record has them")
        void members() {
            Instant since = run.world().now().minus(Duration.ofDays(CommunityHealth.ACTIVE_DAYS));
            for (CommunityHealth health : run.health()) {
                CommunityId community = id(health.slug());
                Set<PseudonymId> members = CommunityHealth.activeMembers(engine(), community);
                assertThat(health.members()).isEqualTo(members.size())
                        .isEqualTo(engine().communities().get(Viewer.anonymous(), community).memberCount());
                long active = members.stream()
                        .map(member -> run.world().cast().owner(member).account())
                        .filter(account -> run.world().ledger().lastActive(community, account)
                                .filter(at -> !at.isBefore(since)).isPresent())
                        .count();
                assertThat(health.activeMembers()).as(health.slug()).isEqualTo(active).isPositive();
            }
        }

        @Test
        @DisplayName("counts the threads and replies the story posted, as the engine's counters have them")
        void threadsAndReplies() {
            for (CommunityHealth health : run.health()) {
                CommunityId community = id(health.slug());
                List<Ledger.Post> posted = run.world().ledger().posts().stream()
                        .filter(post -> post.community().equals(community)).toList();
                long threads = posted.stream().filter(post -> post.depth() == 0).count();
                assertThat(health.threads()).as(health.slug()).isEqualTo(threads).isPositive();
                assertThat(health.replies()).as(health.slug()).isEqualTo(posted.size() - threads)
                        .isEqualTo(run.census().community(health.slug()).threads().stream()
                                .mapToInt(thread -> thread.root().threadReplyCount()).sum());
                assertThat(health.answeredThreads()).isEqualTo(run.census().community(health.slug()).threads().stream()
                        .filter(thread -> thread.root().threadReplyCount() > 0).count());
            }
        }

        @Test
        @DisplayName("takes the median wait for a first reply from the posts' own times")
        void medianFirstReply() {
            for (CommunityHealth health : run.health()) {
                CommunityId community = id(health.slug());
                List<Ledger.Post> posted = run.world().ledger().posts().stream()
                        .filter(post -> post.community().equals(community)).toList();
                List<Duration> waits = posted.stream().filter(post -> post.depth() == 0)
                        .flatMap(root -> posted.stream().filter(post -> post.thread().equals(root.id()) && post.depth() > 0)
                                .map(Ledger.Post::at).min(Instant::compareTo)
                                .map(first -> Duration.between(root.at(), first)).stream())
                        .sorted().toList();
                Duration median = waits.isEmpty() ? null : waits.size() % 2 == 1 ? waits.get(waits.size() / 2)
                        : waits.get(waits.size() / 2 - 1).plus(waits.get(waits.size() / 2)).dividedBy(2);
                assertThat(health.medianFirstReply()).as(health.slug()).isEqualTo(median);
            }
            assertThat(run.health()).extracting(CommunityHealth::medianFirstReply).doesNotContainNull();
        }

        @Test
        @DisplayName("prints one line per community with those figures")
        void printed() {
            for (CommunityHealth health : run.health()) {
                assertThat(output).containsPattern("(?m)^  " + health.slug() + " +" + health.members() + " +"
                        + health.activeMembers() + " ");
            }
        }
    }

    @Nested
    @DisplayName("Scores")
    class Scores {

        @Test
        @DisplayName("of every post equal the votes the story cast on it")
        void everyPost() {
            List<PostView> posts = run.census().threads().flatMap(Census.ThreadCensus::posts).toList();
            assertThat(posts).hasSize(run.world().ledger().posts().size());
            assertThat(posts).allSatisfy(post ->
                    assertThat(post.score()).as("score of %s", post.id()).isEqualTo(run.world().ledger().score(post.id())));
            assertThat(posts.stream().mapToInt(PostView::ups).sum()).isPositive();
        }

        @Test
        @DisplayName("in the printed tree are those of the engine, which equal the votes cast")
        void printedTree() {
            List<ReplyNode> nodes = flatten(run.tree().replies()).toList();
            assertThat(nodes).isNotEmpty();
            PostView root = run.tree().root();
            assertThat(output).contains("[" + Format.score(root.score()) + "] " + root.title());
            assertThat(root.score()).isEqualTo(run.world().ledger().score(root.id()));
            for (ReplyNode node : nodes) {
                PostView reply = node.post();
                assertThat(reply.score()).isEqualTo(run.world().ledger().score(reply.id()));
                assertThat(output).contains("[" + Format.score(reply.score()) + "] " + reply.author().handle() + ": ");
            }
        }

        private Stream<ReplyNode> flatten(List<ReplyNode> nodes) {
            return nodes.stream().flatMap(node -> Stream.concat(Stream.of(node), flatten(node.replies())));
        }
    }

    @Nested
    @DisplayName("Determinism")
    class Determinism {

        @Test
        @DisplayName("the same seed prints the same report, byte for byte, from the command line")
        void sameSeed() {
            Result again = Result.of(ARGS);
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).isEqualTo(output);
            assertThat(again.err()).contains("simulated day " + DAYS + " of " + DAYS);
        }

        @Test
        @DisplayName("another seed prints another report")
        void otherSeed() {
            Result other = Result.of("--seed", "" + (SEED + 1), "--size", "" + MEMBERS, "--days", "" + DAYS);
            assertThat(other.exitCode()).isZero();
            assertThat(other.out()).isNotEqualTo(output)
                    .startsWith("Niche community simulation: seed " + (SEED + 1) + ", ");
        }
    }

    @Nested
    @DisplayName("The command line")
    class CommandLine {

        @Test
        @DisplayName("prints its usage for --help and exits 0")
        void help() {
            Result help = Result.of("--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: community-simulation", "--seed", "--size", "--days", "--data-dir",
                    "--jdbc-url");
        }

        @Test
        @DisplayName("answers a bad flag or value with the usage on standard error and exit code 2")
        void badFlags() {
            for (String[] args : List.of(new String[] {"--colour"}, new String[] {"--days", "3"},
                    new String[] {"--size", "huge"}, new String[] {"--size", "100000"}, new String[] {"--seed", "x"},
                    new String[] {"--jdbc-url", "jdbc:mysql://localhost/test"},
                    new String[] {"--data-dir", "x", "--jdbc-url", "jdbc:postgresql://localhost/test"})) {
                Result bad = Result.of(args);
                assertThat(bad.exitCode()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(bad.err()).as(String.join(" ", args)).contains("Usage: community-simulation");
                assertThat(bad.out()).isEmpty();
            }
        }

        @Test
        @DisplayName("refuses a data directory that already holds Niche data, and writes nothing to it")
        void refusesUsedDatabase(@TempDir Path used) throws Exception {
            String[] args = {"--seed", "3", "--size", "tiny", "--days", "7", "--data-dir", used.toString()};
            assertThat(Result.of(args).exitCode()).isZero();
            long before = pseudonyms(used);
            assertThat(before).isPositive();

            Result again = Result.of(args);
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("already holds Niche data");
            assertThat(again.out()).isEmpty();
            assertThat(pseudonyms(used)).isEqualTo(before);
        }

        private static long pseudonyms(Path directory) throws Exception {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:h2:file:" + directory.toAbsolutePath().resolve(SimulationDatabase.H2_FILE));
                    Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM niche_pseudonyms")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    @Nested
    @DisplayName("On PostgreSQL")
    class OnPostgres {

        @Test
        @DisplayName("prints the same report as on H2 for the same seed")
        void sameReport() {
            try (PostgresSchema schema = PostgresSchema.create()) {
                List<String> args = new ArrayList<>(List.of(ARGS));
                args.addAll(List.of("--jdbc-url", schema.url()));
                Result postgres = Result.of(args.toArray(String[]::new));
                assertThat(postgres.err()).contains("PostgreSQL");
                assertThat(postgres.exitCode()).isZero();
                assertThat(postgres.out()).isEqualTo(output);
            }
        }
    }

    /** What a run of the command printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
        static Result of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exitCode = CommunitySimulation.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
