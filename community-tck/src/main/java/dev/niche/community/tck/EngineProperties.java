package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.NicheException;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.tck.Rejections.Rejection;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine's invariants as jqwik properties, run on the store under test: exact vote counters,
 * reply trees that stay trees, listings whose page sequences neither repeat nor skip a thread while
 * votes arrive, and refused commands that write nothing. Each try starts from a
 * fresh store; a falsified try is shrunk and reported with its steps, and jqwik's seed replays it.
 *
 * <pre>{@code
 * class InMemoryEngineProperties extends EngineProperties {
 *     @Override
 *     protected CommunityStore newStore() {
 *         return new InMemoryStore();
 *     }
 * }
 * }</pre>
 */
public abstract class EngineProperties {
    private static final int ACCOUNTS = 4;
    private static final int PSEUDONYMS = 3;

    /** A new, empty store, all of whose data is its own. Called once per try. */
    protected abstract CommunityStore newStore();

    /** Releases a store made by {@link #newStore()} once its try has ended. Does nothing by default. */
    protected void cleanUp(CommunityStore store) {}

    private Sandbox sandbox() {
        return new Sandbox(this::newStore, this::cleanUp);
    }

    /** What one voter does: cast up, cast down, or retract. */
    enum Move { UP, DOWN, RETRACT }

    /** One step of a voting session: which account, through which of its pseudonyms, on which post. */
    record VoteStep(int account, int pseudonym, int post, Move move) {}

    @Provide
    Arbitrary<List<VoteStep>> voteSessions() {
        return Combinators.combine(Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(0, PSEUDONYMS - 1), Arbitraries.integers().between(0, 3),
                        Arbitraries.of(Move.class))
                .as(VoteStep::new).list().ofMaxSize(40);
    }

    @Property(tries = 50)
    @Label("after any votes by any pseudonyms, score == ups - downs == a recount, with one vote per account")
    void votesStayExact(@ForAll("voteSessions") List<VoteStep> session) {
        try (Sandbox box = sandbox()) {
            Actor owner = box.person("founder");
            CommunityView community = box.openCommunity(owner, "voting");
            List<List<Actor>> accounts = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                List<Actor> identities = new ArrayList<>(List.of(box.member(community, owner, "voter-" + a)));
                for (int p = 1; p < PSEUDONYMS; p++) {
                    identities.add(box.otherIdentity(identities.get(0), "voter-" + a + "-" + p));
                }
                accounts.add(identities);
            }
            PostView first = box.thread(owner, community);
            PostView second = box.thread(accounts.get(0).get(0), community);
            List<PostView> posts = List.of(first, second, box.reply(accounts.get(1).get(0), first), box.reply(owner, second));
            List<AccountId> authors = List.of(owner.account(), accounts.get(0).get(0).account(),
                    accounts.get(1).get(0).account(), owner.account());
            List<Map<AccountId, Direction>> model = new ArrayList<>();
            posts.forEach(post -> model.add(new HashMap<>()));

            for (VoteStep step : session) {
                Actor actor = accounts.get(step.account()).get(step.pseudonym());
                PostView post = posts.get(step.post());
                boolean ownPost = actor.account().equals(authors.get(step.post()));
                if (step.pseudonym() > 0 || (ownPost && step.move() != Move.RETRACT)) {
                    // Only the membership's pseudonym votes, and never on its account's own posts.
                    Move move = step.move();
                    assertThatThrownBy(() -> {
                        if (move == Move.RETRACT) {
                            box.engine.votes().retract(actor, post.id());
                        } else {
                            box.engine.votes().cast(actor, new CastVote(post.id(), Direction.valueOf(move.name())));
                        }
                    }).as("refused: %s", step).isInstanceOfSatisfying(NicheException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
                    continue;
                }
                VoteOutcome outcome;
                if (step.move() == Move.RETRACT) {
                    outcome = box.engine.votes().retract(actor, post.id());
                    model.get(step.post()).remove(actor.account());
                } else {
                    Direction direction = Direction.valueOf(step.move().name());
                    outcome = box.engine.votes().cast(actor, new CastVote(post.id(), direction));
                    model.get(step.post()).put(actor.account(), direction);
                    assertThat(outcome.counted()).as("counted, after %s", step).isTrue();
                }
                VoteTally expected = counted(model.get(step.post()), authors.get(step.post()));
                assertThat(outcome.yourVote()).as("your vote, after %s", step)
                        .isEqualTo(model.get(step.post()).get(actor.account()));
                assertThat(new VoteTally(outcome.ups(), outcome.downs())).as("counters, after %s", step).isEqualTo(expected);
                assertThat(outcome.score()).isEqualTo(expected.ups() - expected.downs());
            }

            for (int k = 0; k < posts.size(); k++) {
                PostView post = posts.get(k);
                VoteTally expected = counted(model.get(k), authors.get(k));
                PostView shown = box.reread(post);
                PostCounters stored = box.store.read(tx -> tx.posts().byId(post.id()).orElseThrow().counters());
                assertThat(new VoteTally(shown.ups(), shown.downs())).as("shown counters of post %d", k).isEqualTo(expected);
                assertThat(shown.score()).isEqualTo(shown.ups() - shown.downs());
                assertThat(new VoteTally(stored.ups(), stored.downs())).as("stored counters of post %d", k)
                        .isEqualTo(expected);
                VoteTally recount = box.store.read(tx -> tx.votes().tally(post.id()));
                assertThat(recount).as("recount of post %d", k).isEqualTo(expected);
                for (List<Actor> identities : accounts) {
                    AccountId account = identities.get(0).account();
                    Optional<VoteRecord> row = box.store.read(tx -> tx.votes().find(post.id(), account));
                    assertThat(row.map(VoteRecord::direction)).isEqualTo(Optional.ofNullable(model.get(k).get(account)));
                }
            }
        }
    }

    /** The counted votes of a post: every account's but its author's. */
    private static VoteTally counted(Map<AccountId, Direction> votes, AccountId author) {
        int ups = 0;
        int downs = 0;
        for (Map.Entry<AccountId, Direction> vote : votes.entrySet()) {
            if (!vote.getKey().equals(author)) {
                ups += vote.getValue() == Direction.UP ? 1 : 0;
                downs += vote.getValue() == Direction.DOWN ? 1 : 0;
            }
        }
        return new VoteTally(ups, downs);
    }

    @Provide
    Arbitrary<List<ReplyTrees.Step>> treeSessions() {
        return ReplyTrees.sessions();
    }

    @Property(tries = 50)
    @Label("after any replies and deletions, reply trees stay trees: roots, parents, depths and counts agree")
    void treesStayTrees(@ForAll("treeSessions") List<ReplyTrees.Step> session) {
        try (Sandbox box = sandbox()) {
            new ReplyTrees(box).play(session);
        }
    }

    @Provide
    Arbitrary<PagingSessions.Session> pagingSessions() {
        return PagingSessions.sessions();
    }

    @Property(tries = 60)
    @Label("a page sequence never repeats or skips a thread while votes arrive between pages, as Posts.threads promises")
    void pagesNeitherRepeatNorSkip(@ForAll("pagingSessions") PagingSessions.Session session) {
        try (Sandbox box = sandbox()) {
            new PagingSessions(box, session).play();
        }
    }

    @Provide
    Arbitrary<List<Rejection>> rejections() {
        return Rejections.any().list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 50)
    @Label("a refused command, invalid, forbidden or conflicting, leaves the store exactly as it was")
    void refusalsWriteNothing(@ForAll("rejections") List<Rejection> rejections) {
        try (Sandbox box = sandbox()) {
            RejectionWorld world = new RejectionWorld(box);
            for (Rejection rejection : rejections) {
                StoreSnapshot before = world.snapshot();

                box.assertRejected(rejection.code(), rejection.command().apply(world));

                assertThat(world.snapshot().rows()).as("the store after: %s", rejection)
                        .containsExactlyElementsOf(before.rows());
            }
        }
    }
}
