package dev.niche.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.SerialVoting;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.trust.TrustProgress;
import dev.niche.community.trust.TrustRun;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
    static final int MEMBERS = 20;
    /** Long enough for the most loyal members to reach trust level 2, which needs 15 days visited. */
    static final int DAYS = 21;
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

    /** Reputation re-derived from the votes the story cast, by each community's policy. */
    private static ReputationModel model() {
        return ReputationModel.replay(run.world().ledger(), community -> engine().trust().policy(Viewer.anonymous(), community));
    }

    @Nested
    @DisplayName("The spammer")
    class Spam {
        private final Person spammer = run.story().spam().spammer().orElseThrow();
        private final Person accomplice = run.story().spam().accomplice().orElseThrow();
        private final List<PostId> pitches = run.story().spam().pitches();

        private List<Ledger.Refusal> refusals(String attempt) {
            return run.world().ledger().refusals().stream()
                    .filter(refusal -> refusal.handle().equals(SpamArc.HANDLE) && refusal.attempt().equals(attempt))
                    .toList();
        }

        @Test
        @DisplayName("had every sales pitch held: refused by the engine, or locked by a moderator with no reply")
        void pitchesHeld() {
            List<Ledger.Refusal> linked = refusals(SpamArc.LINKED_PITCH);
            List<Ledger.Refusal> plain = refusals(SpamArc.PITCH);
            assertThat(linked).as("pitches with a link, one per opening community").hasSize(Themes.OPENING.size());
            assertThat(pitches.size() + plain.size()).as("pitches without a link, and the retry")
                    .isEqualTo(Themes.OPENING.size() + 1);
            for (PostId pitch : pitches) {
                PostView post = engine().posts().get(Viewer.anonymous(), pitch);
                assertThat(post.author().handle()).isEqualTo(SpamArc.HANDLE);
                assertThat(post.link()).isNull();
                assertThat(post.locked()).as("pitch %s locked", post.title()).isTrue();
                assertThat(post.threadReplyCount()).isZero();
            }
        }

        @Test
        @DisplayName("had its links held by the engine's trust gate: level 0, and the policy asks level 1 for links")
        void linksHeldByTheTrustGate() {
            List<Ledger.Refusal> linked = refusals(SpamArc.LINKED_PITCH);
            assertThat(linked).isNotEmpty().allSatisfy(refusal -> {
                assertThat(refusal.gate()).isEqualTo(new Ledger.TrustGate(Privilege.POST_LINKS, TrustLevel.NEW));
                assertThat(refusal.reason()).contains("needs trust level 1");
                assertThat(engine().trust().policy(Viewer.anonymous(), refusal.community()).levelFor(Privilege.POST_LINKS))
                        .isEqualTo(TrustLevel.BASIC);
                assertThat(engine().trust().standing(Viewer.anonymous(), refusal.community(),
                        spammer.firstPseudonym().id()).level()).isEqualTo(TrustLevel.NEW);
            });
            assertThat(run.world().events().of(CommunityEvent.TrustLevelChanged.class))
                    .noneMatch(changed -> changed.member().equals(spammer.firstPseudonym().id()));
            assertThat(run.census().threads().map(Census.ThreadCensus::root))
                    .filteredOn(root -> root.author() != null && root.author().handle().equals(SpamArc.HANDLE))
                    .hasSize(pitches.size())
                    .allSatisfy(root -> assertThat(root.link()).isNull());
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
                assertThat(bans(community, actor.pseudonym())).singleElement()
                        .satisfies(ban -> assertThat(moderated(community, ban.by())).isTrue());
            }
        }

        @Test
        @DisplayName("had its accomplice's up votes caught as serial voting, and the accomplice banned from that list")
        void accompliceCaught() {
            CommunityId flyers = id(Themes.OPENING.get(0).slug());
            Actor actor = accomplice.in(flyers).orElseThrow();
            long upVotes = run.world().ledger().voteActions().stream()
                    .filter(vote -> vote.voter().equals(actor)).count();
            assertThat(upVotes).as("the accomplice up-voted each of the spammer's posts there")
                    .isEqualTo(1 + run.story().spam().replies().size()).isGreaterThanOrEqualTo(10);
            List<SerialVoting> clusters = SpamArc.serialVoting(engine(), run.story().community(Themes.OPENING.get(0).slug())
                    .owner().actor(), flyers);
            assertThat(clusters).filteredOn(cluster -> cluster.voter().id().equals(actor.pseudonym())).singleElement()
                    .satisfies(cluster -> {
                        assertThat(cluster.author().handle()).isEqualTo(SpamArc.HANDLE);
                        assertThat(cluster.votes()).isEqualTo(upVotes - 9);
                    });
            assertThat(engine().memberships().membership(actor, flyers)).get().extracting(MembershipView::state)
                    .isEqualTo(MemberState.BANNED);
            assertThat(bans(flyers, actor.pseudonym())).singleElement()
                    .satisfies(ban -> assertThat(moderated(flyers, ban.by())).isTrue());
        }

        @Test
        @DisplayName("stands as the engine says: level 0 everywhere, not scored once banned, reputation only from its accomplice")
        void standing() {
            for (ReputationSection.Outsider outsider : run.reputation().outsiders()) {
                if (!outsider.who().equals("the spammer") && !outsider.who().equals("its accomplice")) {
                    continue;
                }
                assertThat(outsider.state()).isEqualTo(MemberState.BANNED);
                assertThat(outsider.standing().level()).isEqualTo(TrustLevel.NEW);
                assertThat(outsider.standing().trust()).isNull();
            }
            assertThat(run.reputation().outsiders()).filteredOn(o -> o.who().equals("the spammer"))
                    .hasSize(Themes.OPENING.size());
            CommunityId flyers = id(Themes.OPENING.get(0).slug());
            Actor actor = accomplice.in(flyers).orElseThrow();
            long othersUp = run.world().ledger().voteActions().stream()
                    .filter(vote -> vote.direction() == Direction.UP && !vote.voter().equals(actor)
                            && run.world().ledger().post(vote.post()).author().equals(spammer.account()))
                    .count();
            int upvote = TrustPolicy.defaults().reputation().upvote();
            assertThat(engine().trust().standing(Viewer.anonymous(), flyers, spammer.firstPseudonym().id()).reputation())
                    .isEqualTo(model().total(flyers, spammer.firstPseudonym().id()))
                    .as("the guard let nine of the accomplice's votes count")
                    .isLessThanOrEqualTo(9L * upvote + othersUp * upvote);
        }

        @Test
        @DisplayName("drew votes on its pitches that add up to their scores")
        void votedDown() {
            for (PostId pitch : pitches) {
                int score = engine().posts().get(Viewer.anonymous(), pitch).score();
                assertThat(score).isEqualTo(run.world().ledger().score(pitch));
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
                    .satisfies(refusal -> {
                        assertThat(refusal.attempt()).isEqualTo(SpamArc.PITCH);
                        assertThat(refusal.gate()).isNull();
                    });
            long spammerThreads = run.census().threads()
                    .filter(thread -> thread.root().author() != null
                            && thread.root().author().handle().equals(SpamArc.HANDLE))
                    .count();
            assertThat(spammerThreads).isEqualTo(pitches.size());
        }

        @Test
        @DisplayName("shows in the printed moderation log: the trust gate, a lock and a ban per community, then the refusal")
        void logged() {
            List<String> texts = run.moderation().stream().map(ModerationSection.Entry::text).toList();
            assertThat(texts).filteredOn(text -> text.equals(SpamArc.HANDLE + " tried to " + SpamArc.LINKED_PITCH
                    + ": held by the trust gate (level 0 may not post links)")).hasSize(Themes.OPENING.size());
            assertThat(texts).filteredOn(text -> text.contains(" locked \"") && text.endsWith("by " + SpamArc.HANDLE))
                    .hasSize(pitches.size());
            assertThat(texts).filteredOn(text -> text.endsWith(" banned " + SpamArc.HANDLE)).hasSize(pitches.size());
            assertThat(texts).filteredOn(text -> text.endsWith(" banned " + SpamArc.ACCOMPLICE)).hasSize(1);
            assertThat(output).contains(SpamArc.HANDLE + " tried to post a sales pitch: refused (")
                    .contains("held by the trust gate (level 0 may not post links)");
        }

        private List<CommunityEvent.MemberBanned> bans(CommunityId community, PseudonymId member) {
            return run.world().events().of(CommunityEvent.MemberBanned.class).stream()
                    .filter(ban -> ban.community().equals(community) && ban.member().equals(member)).toList();
        }

        private boolean moderated(CommunityId community, PseudonymId by) {
            Actor moderator = Actor.of(run.world().cast().owner(by).account(), by);
            return engine().memberships().membership(moderator, community).orElseThrow().role().moderates();
        }
    }

    @Nested
    @DisplayName("Reputation")
    class Reputation {

        @Test
        @DisplayName("on every leaderboard is what the story's votes add up to: +10 up, -2 down, 200 a day, no serial votes")
        void leaderboardsEqualTheVotes() {
            ReputationModel model = model();
            assertThat(model.totals()).as("votes moved reputation").isNotEmpty();
            for (LiveCommunity community : run.story().communities()) {
                List<Standing> leaderboard = ReputationSection.leaderboard(engine(), community.id());
                Map<PseudonymId, Long> listed = new HashMap<>();
                leaderboard.forEach(standing -> listed.put(standing.member().id(), standing.reputation()));
                Map<PseudonymId, Long> expected = new HashMap<>();
                model.totals().forEach((member, total) -> {
                    if (member.community().equals(community.id()) && total != 0) {
                        expected.put(member.pseudonym(), total);
                    }
                });
                assertThat(listed).as(community.slug()).hasSize(leaderboard.size());
                listed.forEach((member, reputation) -> assertThat(reputation).as("%s in %s", member, community.slug())
                        .isEqualTo(model.total(community.id(), member)));
                assertThat(listed).as(community.slug()).containsAllEntriesOf(expected);
                assertThat(leaderboard).as("highest first, ties by pseudonym id").isSortedAccordingTo(
                        Comparator.comparingLong(Standing::reputation).reversed()
                                .thenComparing(standing -> standing.member().id().value()));
            }
        }

        @Test
        @DisplayName("is the same in a member's standing, on the leaderboard and summed over communities")
        void standingLeaderboardAndLedgerAgree() {
            Map<PseudonymId, Long> across = new HashMap<>();
            for (LiveCommunity community : run.story().communities()) {
                for (Standing listed : ReputationSection.leaderboard(engine(), community.id())) {
                    Standing standing = engine().trust().standing(Viewer.anonymous(), community.id(), listed.member().id());
                    assertThat(standing).as("%s in %s", listed.member().handle(), community.slug()).isEqualTo(listed);
                    across.merge(listed.member().id(), listed.reputation(), Long::sum);
                }
            }
            assertThat(across).isNotEmpty();
            across.forEach((pseudonym, total) -> assertThat(engine().trust().reputation(pseudonym)).isEqualTo(total));
        }

        @Test
        @DisplayName("lists to moderators exactly the serial voting the votes cast add up to")
        void serialVoting() {
            ReputationModel model = model();
            for (LiveCommunity community : run.story().communities()) {
                List<ReputationModel.Cluster> listed = SpamArc.serialVoting(engine(), community.owner().actor(), community.id())
                        .stream()
                        .map(c -> new ReputationModel.Cluster(community.id(), c.voter().id(), c.author().id(), c.votes(), c.lastAt()))
                        .toList();
                assertThat(listed).as(community.slug()).containsExactlyInAnyOrderElementsOf(model.clusters(community.id()));
            }
            assertThat(model.clusters(id(Themes.OPENING.get(0).slug()))).isNotEmpty();
        }

        @Test
        @DisplayName("prints each community's top members as the leaderboard has them")
        void printed() {
            for (ReputationSection.CommunityFigures community : run.reputation().communities()) {
                List<Standing> leaderboard = ReputationSection.leaderboard(engine(), id(community.slug()));
                assertThat(community.top()).isEqualTo(leaderboard.subList(0, Math.min(ReputationSection.TOP, leaderboard.size())));
                for (int i = 0; i < community.top().size(); i++) {
                    Standing standing = community.top().get(i);
                    assertThat(output).containsPattern("(?m)^ +" + (i + 1) + "\\. " + standing.member().handle() + " +"
                            + Pattern.quote(Format.score((int) standing.reputation())) + "  level "
                            + Pattern.quote(Format.level(standing.level())) + " +trust " + Pattern.quote(Format.trust(standing.trust())) + "$");
                }
            }
        }
    }

    @Nested
    @DisplayName("Trust levels")
    class TrustLevels {

        /** Every member the story put in a community, with the spammer and its accomplice where they joined. */
        private List<Actor> members(LiveCommunity community) {
            List<Actor> actors = new ArrayList<>(community.members().stream().map(LiveCommunity.Member::actor).toList());
            run.story().spam().spammer().flatMap(p -> p.in(community.id())).ifPresent(actors::add);
            run.story().spam().accomplice().flatMap(p -> p.in(community.id())).ifPresent(actors::add);
            return actors;
        }

        @Test
        @DisplayName("change only through TrustLevelChanged events, one level at a time, and the engine holds the last")
        void onlyThroughEvents() {
            List<CommunityEvent.TrustLevelChanged> changes = run.world().events().of(CommunityEvent.TrustLevelChanged.class);
            assertThat(changes).isNotEmpty();
            for (LiveCommunity community : run.story().communities()) {
                for (Actor member : members(community)) {
                    TrustLevel level = TrustLevel.NEW;
                    for (CommunityEvent.TrustLevelChanged change : changes) {
                        if (change.community().equals(community.id()) && change.member().equals(member.pseudonym())) {
                            assertThat(change.from()).isEqualTo(level);
                            assertThat(change.to().number()).isEqualTo(level.number() + 1);
                            level = change.to();
                        }
                    }
                    assertThat(engine().trust().standing(Viewer.anonymous(), community.id(), member.pseudonym()).level())
                            .as("%s in %s", member.pseudonym(), community.slug()).isEqualTo(level);
                }
            }
        }

        @Test
        @DisplayName("are what the engine returned to the story's last visit or reading report")
        void storyKnowsThem() {
            for (LiveCommunity community : run.story().communities()) {
                for (LiveCommunity.Member member : community.members()) {
                    assertThat(community.level(member)).isEqualTo(engine().trust()
                            .standing(Viewer.anonymous(), community.id(), member.actor().pseudonym()).level());
                }
            }
        }

        @Test
        @DisplayName("follow the policy's thresholds: a member's own progress meets each level it holds, and NEW ones do not meet BASIC")
        void thresholdsMet() {
            for (LiveCommunity community : run.story().communities()) {
                for (LiveCommunity.Member member : community.members()) {
                    TrustProgress progress = engine().trust().progress(member.actor(), community.id());
                    TrustPolicy.Levels rules = progress.policy().levels();
                    assertThat(progress.allTime().meets(rules.basic())).as("%s at %s", member.actor(), progress.level())
                            .isEqualTo(progress.level().atLeast(TrustLevel.BASIC));
                    if (progress.level().atLeast(TrustLevel.MEMBER)) {
                        assertThat(progress.allTime().meets(rules.member())).isTrue();
                    }
                }
            }
        }

        @Test
        @DisplayName("rise for members who come back and read: some reach BASIC and some MEMBER by the default rules")
        void someClimb() {
            Map<TrustLevel, Integer> levels = new EnumMap<>(TrustLevel.class);
            for (ReputationSection.CommunityFigures community : run.reputation().communities()) {
                assertThat(community.policy()).isEqualTo(TrustPolicy.defaults());
                community.levels().forEach((level, count) -> levels.merge(level, count, Integer::sum));
                assertThat(community.members()).isEqualTo(engine().communities()
                        .get(Viewer.anonymous(), id(community.slug())).memberCount());
            }
            assertThat(levels.get(TrustLevel.BASIC)).isPositive();
            assertThat(levels.get(TrustLevel.MEMBER)).isPositive();
            assertThat(output).contains("Every community follows the engine's default policy (no setPolicy)");
        }
    }

    @Nested
    @DisplayName("Down votes")
    class DownVotes {

        @Test
        @DisplayName("come only from moderators and members at the level the policy asks, as the events had them then")
        void onlyFromThoseWhoMay() {
            Map<CommunityId, Map<PseudonymId, TrustLevel>> levels = new HashMap<>();
            Map<CommunityId, Set<PseudonymId>> moderators = new HashMap<>();
            long down = 0;
            for (CommunityEvent event : run.world().events().events()) {
                if (event instanceof CommunityEvent.CommunityCreated created) {
                    moderators.computeIfAbsent(created.community(), c -> new HashSet<>()).add(created.owner());
                } else if (event instanceof CommunityEvent.RoleChanged changed && changed.role().moderates()) {
                    moderators.computeIfAbsent(changed.community(), c -> new HashSet<>()).add(changed.member());
                } else if (event instanceof CommunityEvent.TrustLevelChanged changed) {
                    levels.computeIfAbsent(changed.community(), c -> new HashMap<>()).put(changed.member(), changed.to());
                } else if (event instanceof CommunityEvent.VoteCast vote && vote.direction() == Direction.DOWN) {
                    down++;
                    TrustLevel needed = engine().trust().policy(Viewer.anonymous(), vote.community()).levelFor(Privilege.DOWNVOTE);
                    TrustLevel level = levels.getOrDefault(vote.community(), Map.of()).getOrDefault(vote.voter(), TrustLevel.NEW);
                    assertThat(moderators.getOrDefault(vote.community(), Set.of()).contains(vote.voter()) || level.atLeast(needed))
                            .as("down vote by %s at level %s", vote.voter(), level).isTrue();
                }
            }
            assertThat(down).isPositive();
        }

        @Test
        @DisplayName("were never refused: members below the level held back instead, and the section counts them")
        void heldBackNotRefused() {
            assertThat(run.world().ledger().refusals()).noneMatch(refusal -> refusal.attempt().equals("vote"));
            int heldBack = 0;
            for (ReputationSection.CommunityFigures community : run.reputation().communities()) {
                LiveCommunity live = run.story().community(community.slug());
                assertThat(community.heldBack()).isEqualTo(live.downVotesHeldBack());
                assertThat(community.refused()).isZero();
                assertThat(community.downVotes()).isEqualTo(run.world().events().of(CommunityEvent.VoteCast.class).stream()
                        .filter(vote -> vote.community().equals(live.id()) && vote.direction() == Direction.DOWN).count());
                heldBack += community.heldBack();
            }
            assertThat(heldBack).isPositive();
        }
    }

    @Nested
    @DisplayName("Trust scores")
    class TrustScores {

        @Test
        @DisplayName("are recomputed every night and once at the end, for every open community")
        void recomputedNightly() {
            List<CommunityEvent.TrustRecomputed> runs = run.world().events().of(CommunityEvent.TrustRecomputed.class);
            for (LiveCommunity community : run.story().communities()) {
                List<CommunityEvent.TrustRecomputed> mine = runs.stream()
                        .filter(recomputed -> recomputed.community().equals(community.id())).toList();
                Instant opened = engine().communities().get(Viewer.anonymous(), community.id()).createdAt();
                long nights = Stream.iterate(0, day -> day + 1).limit(DAYS)
                        .map(day -> World.at(day, Story.RECOMPUTE_HOUR * 60 + 30))
                        .filter(night -> night.isAfter(opened)).count();
                assertThat(mine).as(community.slug()).hasSize((int) nights + 1);
                assertThat(mine.get(mine.size() - 1).at()).isEqualTo(World.dayStart(DAYS));
                TrustRun last = run.story().trustRuns().get(community.id());
                assertThat(last.computedAt()).isEqualTo(World.dayStart(DAYS));
                assertThat(last.members()).isEqualTo(mine.get(mine.size() - 1).members())
                        .isEqualTo(CommunityHealth.activeMembers(engine(), community.id()).size());
            }
        }

        @Test
        @DisplayName("score every active member, average 1.0, and leave banned ones unscored")
        void everyActiveMemberScored() {
            for (LiveCommunity community : run.story().communities()) {
                List<Double> scores = new ArrayList<>();
                for (PseudonymId member : CommunityHealth.activeMembers(engine(), community.id())) {
                    Double score = engine().trust().standing(Viewer.anonymous(), community.id(), member).trust();
                    assertThat(score).as("%s in %s", member, community.slug()).isNotNull().isNotNegative();
                    scores.add(score);
                }
                assertThat(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                        .as(community.slug()).isCloseTo(1.0, within(1e-9));
            }
            assertThat(run.reputation().outsiders()).filteredOn(o -> o.state() == MemberState.BANNED).isNotEmpty()
                    .allSatisfy(outsider -> assertThat(outsider.standing().trust()).isNull());
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
