package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.NicheException;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Pseudonymity as jqwik properties, run on the store under test: accounts with several pseudonyms
 * join, leave and rejoin two communities under any of them, post, reply and vote, and the owner grants
 * LEADER and recomputes trust scores. After every step, everything an outsider reads about each
 * pseudonym (its standing and leaderboard entry: reputation, level, grant and score; its entry in the
 * public member list; its reputation over all communities; the events published; the errors the owner
 * is told) is compared with the model, and no per-account value may sit on two pseudonyms of one
 * account. Each try starts from a fresh store; a falsified try is shrunk and reported with its steps.
 *
 * <p>If a property fails, check that levels, grants and scores are shown only on the pseudonym that
 * held the account's membership when they were given, that a vote can be changed or retracted only
 * through the pseudonym that cast it, and that a step through one pseudonym changes nothing an
 * outsider reads about the account's others.
 */
public abstract class PrivacyProperties {
    private static final int ACCOUNTS = 2;
    private static final int PSEUDONYMS = 3;
    private static final int COMMUNITIES = 2;

    /** A new, empty store, all of whose data is its own. Called once per try. */
    protected abstract CommunityStore newStore();

    /** Releases a store made by {@link #newStore()} once its try has ended. Does nothing by default. */
    protected void cleanUp(CommunityStore store) {}

    /** What a step does; the first kinds are a member's, the last two the owner's. */
    enum Kind { JOIN, LEAVE, THREAD, REPLY, UP, DOWN, RETRACT, VISIT, GRANT, RECOMPUTE }

    /**
     * One step: which account, through which of its pseudonyms, does what in which community or on
     * which post ({@code target}, modulo the posts so far), {@code hours} after the step before.
     */
    record Step(Kind kind, int account, int pseudonym, int community, int target, int hours) {}

    @Provide
    Arbitrary<List<Step>> lives() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(3, Kind.JOIN), Tuple.of(2, Kind.LEAVE),
                Tuple.of(2, Kind.THREAD), Tuple.of(1, Kind.REPLY), Tuple.of(4, Kind.UP), Tuple.of(2, Kind.DOWN),
                Tuple.of(2, Kind.RETRACT), Tuple.of(1, Kind.VISIT), Tuple.of(2, Kind.GRANT), Tuple.of(2, Kind.RECOMPUTE));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(0, PSEUDONYMS - 1), Arbitraries.integers().between(0, COMMUNITIES - 1),
                        Arbitraries.integers().between(0, 5), Arbitraries.of(0, 0, 1, 30))
                .as(Step::new).list().ofMinSize(4).ofMaxSize(24);
    }

    @Property(tries = 30)
    @Label("whatever accounts do through several pseudonyms, leaving and rejoining, no outsider's view puts a per-account value on two of them, and each takes part only through the pseudonym that holds its membership")
    void pseudonymsNeverLink(@ForAll("lives") List<Step> life) {
        try (Sandbox box = new Sandbox(this::newStore, this::cleanUp)) {
            World world = new World(box);
            Map<Face, Seen> before = world.look();
            for (Step planned : life) {
                box.clock.advance(Duration.ofHours(planned.hours()));
                int published = box.events.size();
                Step step = world.play(planned);
                List<CommunityEvent> events = List.copyOf(box.events.subList(published, box.events.size()));
                Map<Face, Seen> after = world.look();
                world.check(step, before, after, events);
                before = after;
            }
        }
    }

    /** A pseudonym in a community, as an outsider looks at it. */
    private record Face(int account, int pseudonym, int community) {}

    /**
     * What an anonymous reader sees of a face: its standing (or the code it was refused with), its
     * entry in the leaderboard and in the active member list, and its reputation over all communities.
     */
    private record Seen(@Nullable Standing standing, @Nullable ErrorCode refused, @Nullable Standing ranked,
            @Nullable MembershipView listed, long reputation) {

        /** Whether a per-account value shows on the face: a level, a grant or a score. */
        boolean showsAccount() {
            return shows(standing) || shows(ranked);
        }

        private static boolean shows(@Nullable Standing s) {
            return s != null && (s.level() != TrustLevel.NEW || s.grantedByHand() || s.trust() != null);
        }
    }

    /** A post of the world, who wrote it, and in which community. */
    private record Post(PostView view, int account, int community) {}

    /** A live vote: the direction and the pseudonym it was cast through. */
    private record Vote(Direction direction, int pseudonym) {}

    private static final class World {
        private final Sandbox box;
        private final Actor owner;
        private final List<CommunityView> communities = new ArrayList<>();
        private final List<List<Actor>> accounts = new ArrayList<>();
        private final List<Post> posts = new ArrayList<>();
        /** Live votes by post and account. */
        private final Map<Integer, Map<Integer, Vote>> votes = new HashMap<>();
        /** By account and community: the pseudonym that holds the membership, and whether it is active. */
        private final Map<List<Integer>, Integer> holder = new HashMap<>();
        private final Map<List<Integer>, Boolean> active = new HashMap<>();
        /** By account and community: the pseudonym the owner last granted LEADER to. */
        private final Map<List<Integer>, Integer> granted = new HashMap<>();
        /** By account and community: the pseudonym that held the membership at the last recompute. */
        private final Map<List<Integer>, Integer> scored = new HashMap<>();

        World(Sandbox box) {
            this.box = box;
            owner = box.person("founder");
            for (int c = 0; c < COMMUNITIES; c++) {
                communities.add(box.openCommunity(owner, "agora-" + c));
                posts.add(new Post(box.thread(owner, communities.get(c)), -1, c));
            }
            for (int a = 0; a < ACCOUNTS; a++) {
                List<Actor> identities = new ArrayList<>(List.of(box.person("face-" + a + "-0")));
                for (int p = 1; p < PSEUDONYMS; p++) {
                    identities.add(box.otherIdentity(identities.get(0), "face-" + a + "-" + p));
                }
                accounts.add(identities);
            }
        }

        private boolean holds(int account, int pseudonym, int community) {
            List<Integer> key = List.of(account, community);
            return Objects.equals(holder.get(key), pseudonym) && active.getOrDefault(key, false);
        }

        /** Plays a step, aimed as {@link #aimed} says for grants, leaves and visits; returns the step played. */
        Step play(Step planned) {
            Step step = switch (planned.kind()) {
                case GRANT, LEAVE, VISIT, UP, DOWN, RETRACT -> aimed(planned);
                default -> planned;
            };
            switch (step.kind()) {
                case GRANT -> grant(step);
                case RECOMPUTE -> recompute(step.community());
                case JOIN, LEAVE -> membership(step);
                case THREAD, REPLY -> post(step);
                case UP, DOWN, RETRACT -> vote(step);
                case VISIT -> visit(step);
            }
            return step;
        }

        /**
         * The step, aimed at the pseudonym that holds the account's membership in the step's community
         * when {@code target} is even, so that grants, leaves and votes mostly find one (a vote's
         * community is its post's).
         */
        private Step aimed(Step step) {
            int community = switch (step.kind()) {
                case UP, DOWN, RETRACT -> posts.get(step.target() % posts.size()).community();
                default -> step.community();
            };
            Integer held = holder.get(List.of(step.account(), community));
            return held == null || step.target() % 2 == 1 ? step
                    : new Step(step.kind(), step.account(), held, step.community(), step.target(), step.hours());
        }

        private void grant(Step step) {
            PseudonymId member = accounts.get(step.account()).get(step.pseudonym()).pseudonym();
            try {
                box.engine.trust().grantLeader(owner, communities.get(step.community()).id(), member);
                assertThat(holds(step.account(), step.pseudonym(), step.community()))
                        .as("granted to a pseudonym that holds an active membership: %s", step).isTrue();
                granted.put(List.of(step.account(), step.community()), step.pseudonym());
            } catch (NicheException refused) {
                assertOwnerToldNothingOfOthers(step, refused);
            }
        }

        private void recompute(int community) {
            box.engine.trust().recompute(communities.get(community).id());
            // Only active members are scored; a score kept from before shows again if its pseudonym rejoins.
            for (int a = 0; a < ACCOUNTS; a++) {
                Integer held = holder.get(List.of(a, community));
                if (held != null && active.getOrDefault(List.of(a, community), false)) {
                    scored.put(List.of(a, community), held);
                }
            }
        }

        private void membership(Step step) {
            Actor actor = accounts.get(step.account()).get(step.pseudonym());
            CommunityView community = communities.get(step.community());
            try {
                if (step.kind() == Kind.JOIN) {
                    box.engine.memberships().join(actor, JoinCommunity.of(community.id()));
                } else {
                    box.engine.memberships().leave(actor, community.id());
                }
            } catch (NicheException refused) {
                // Joining twice, or leaving through another pseudonym or without a membership.
            }
            Optional<MembershipView> own = box.engine.memberships().membership(actor, community.id());
            List<Integer> key = List.of(step.account(), step.community());
            own.ifPresent(m -> {
                holder.put(key, accounts.get(step.account()).stream().map(Actor::pseudonym).toList().indexOf(m.member().id()));
                active.put(key, m.state() == MemberState.ACTIVE);
            });
        }

        private void post(Step step) {
            Actor actor = accounts.get(step.account()).get(step.pseudonym());
            Post parent = posts.get(step.target() % posts.size());
            int community = step.kind() == Kind.THREAD ? step.community() : parent.community();
            boolean allowed = holds(step.account(), step.pseudonym(), community);
            try {
                PostView made = step.kind() == Kind.THREAD
                        ? box.thread(actor, communities.get(community))
                        : box.reply(actor, parent.view());
                assertThat(allowed).as("posted through the pseudonym that holds an active membership: %s", step).isTrue();
                posts.add(new Post(made, step.account(), community));
            } catch (NicheException refused) {
                assertThat(allowed).as("refused %s: %s", step, refused.getMessage()).isFalse();
                assertThat(refused.code()).as("code of the refusal of %s", step).isEqualTo(ErrorCode.FORBIDDEN);
            }
        }

        private void vote(Step step) {
            Actor actor = accounts.get(step.account()).get(step.pseudonym());
            int k = step.target() % posts.size();
            Post post = posts.get(k);
            Map<Integer, Vote> live = votes.computeIfAbsent(k, x -> new HashMap<>());
            @Nullable Vote existing = live.get(step.account());
            @Nullable Direction direction = step.kind() == Kind.RETRACT ? null : Direction.valueOf(step.kind().name());
            boolean repeat = existing != null && existing.direction() == direction;
            boolean allowed = holds(step.account(), step.pseudonym(), post.community())
                    // Retracting on one's own post finds no vote to retract, and changes nothing.
                    && (post.account() != step.account() || direction == null)
                    // A vote cast through another pseudonym stays as it was: changing or retracting it
                    // would show that the two pseudonyms are one account.
                    && (existing == null || existing.pseudonym() == step.pseudonym() || repeat);
            int published = box.events.size();
            try {
                if (direction == null) {
                    box.engine.votes().retract(actor, post.view().id());
                    live.remove(step.account());
                } else {
                    box.engine.votes().cast(actor, new CastVote(post.view().id(), direction));
                    if (!repeat) {
                        live.put(step.account(), new Vote(direction, step.pseudonym()));
                    }
                }
                assertThat(allowed).as("voted through the pseudonym that holds an active membership, not on its"
                        + " account's post, and not over another pseudonym's vote: %s", step).isTrue();
                if (repeat) {
                    assertThat(box.events.subList(published, box.events.size())).as("events of a repeated vote").isEmpty();
                }
            } catch (NicheException refused) {
                assertThat(allowed).as("refused %s: %s", step, refused.getMessage()).isFalse();
                assertThat(refused.code()).as("code of the refusal of %s", step).isEqualTo(ErrorCode.FORBIDDEN);
            }
        }

        private void visit(Step step) {
            Actor actor = accounts.get(step.account()).get(step.pseudonym());
            try {
                box.engine.trust().recordVisit(actor, communities.get(step.community()).id());
            } catch (NicheException refused) {
                assertThat(holds(step.account(), step.pseudonym(), step.community()))
                        .as("refused a visit through the membership's pseudonym: %s", step).isFalse();
            }
        }

        /** A refusal told to the owner names no pseudonym of the target's account but the one it was asked about. */
        private void assertOwnerToldNothingOfOthers(Step step, NicheException refused) {
            List<Actor> identities = accounts.get(step.account());
            for (int p = 0; p < identities.size(); p++) {
                if (p != step.pseudonym()) {
                    assertThat(refused.getMessage()).as("refusal of %s", step)
                            .doesNotContain(identities.get(p).pseudonym().value())
                            .doesNotContain("face-" + step.account() + "-" + p);
                }
            }
        }

        /** Everything an anonymous reader sees of every face, read now. */
        Map<Face, Seen> look() {
            Map<Face, Seen> seen = new LinkedHashMap<>();
            for (int c = 0; c < COMMUNITIES; c++) {
                CommunityView community = communities.get(c);
                Map<PseudonymId, Standing> board = new HashMap<>();
                box.engine.trust().leaderboard(Viewer.anonymous(), community.id(), PageRequest.first(100)).items()
                        .forEach(s -> board.put(s.member().id(), s));
                Map<PseudonymId, MembershipView> listed = new HashMap<>();
                box.engine.memberships().members(Viewer.anonymous(), community.id(), MemberState.ACTIVE,
                        PageRequest.first(100)).items().forEach(m -> listed.put(m.member().id(), m));
                for (int a = 0; a < ACCOUNTS; a++) {
                    for (int p = 0; p < PSEUDONYMS; p++) {
                        PseudonymId id = accounts.get(a).get(p).pseudonym();
                        Standing standing = null;
                        ErrorCode refused = null;
                        try {
                            standing = box.engine.trust().standing(Viewer.anonymous(), community.id(), id);
                        } catch (NicheException e) {
                            refused = e.code();
                        }
                        seen.put(new Face(a, p, c), new Seen(standing, refused, board.get(id), listed.get(id),
                                box.engine.trust().reputation(id)));
                    }
                }
            }
            return seen;
        }

        /** The checks after one step, which changed what outsiders see from {@code before} to {@code after}. */
        void check(Step step, Map<Face, Seen> before, Map<Face, Seen> after, List<CommunityEvent> events) {
            boolean members = step.kind() != Kind.GRANT && step.kind() != Kind.RECOMPUTE;
            for (Map.Entry<Face, Seen> entry : after.entrySet()) {
                Face face = entry.getKey();
                Seen now = entry.getValue();
                if (members && face.account() == step.account() && face.pseudonym() != step.pseudonym()) {
                    assertThat(now).as("what outsiders see of %s after %s through another pseudonym of its"
                            + " account", face, step).isEqualTo(before.get(face));
                }
                if (now.showsAccount()) {
                    List<Integer> key = List.of(face.account(), face.community());
                    for (int p = 0; p < PSEUDONYMS; p++) {
                        Seen other = after.get(new Face(face.account(), p, face.community()));
                        if (p != face.pseudonym() && other != null && other.showsAccount()) {
                            fail("after %s, both %s and pseudonym %d of its account show a level, grant or score: %s",
                                    step, face, p, now);
                        }
                    }
                    for (Standing s : new Standing[] {now.standing(), now.ranked()}) {
                        if (s == null) {
                            continue;
                        }
                        if (s.grantedByHand()) {
                            assertThat(granted.get(key)).as("after %s, %s shows a LEADER grant given to", step, face)
                                    .isEqualTo(face.pseudonym());
                        }
                        if (s.trust() != null) {
                            assertThat(scored.get(key)).as("after %s, %s shows a score computed for", step, face)
                                    .isEqualTo(face.pseudonym());
                        }
                    }
                }
            }
            for (CommunityEvent event : events) {
                for (int a = 0; a < ACCOUNTS; a++) {
                    int named = 0;
                    for (Actor identity : accounts.get(a)) {
                        named += event.toString().contains(identity.pseudonym().value()) ? 1 : 0;
                    }
                    assertThat(named).as("pseudonyms of account %d named by %s, after %s", a, event, step)
                            .isLessThanOrEqualTo(1);
                    if (members && a == step.account()) {
                        for (int p = 0; p < PSEUDONYMS; p++) {
                            if (p != step.pseudonym()) {
                                assertThat(event.toString()).as("event of %s", step)
                                        .doesNotContain(accounts.get(a).get(p).pseudonym().value());
                            }
                        }
                    }
                }
            }
        }
    }
}
