package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.NicheException;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random votes from 8 threads at once. If these fail, check that the store's counter
 * additions are atomic and that a vote's read-then-write runs isolated from others on the same row.
 */
abstract class ConcurrentVoteScenarios extends EngineFixture {
    private static final long SEED = 20_310_301L;
    private static final int PSEUDONYMS = 3;

    private Actor owner;
    private CommunityView community;
    private final List<PostView> posts = new ArrayList<>();
    private final Map<PostView, AccountId> authors = new HashMap<>();

    ConcurrentVoteScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void community() {
        owner = person("founder");
        community = openCommunity(owner, "busy");
        PostView first = thread(owner, community);
        posts.add(first);
        posts.add(thread(owner, community));
        posts.add(reply(owner, first));
        posts.forEach(post -> authors.put(post, owner.account()));
    }

    /** Accounts of {@value #PSEUDONYMS} pseudonyms each, all members through their first one. */
    private List<List<Actor>> accounts(int count) {
        List<List<Actor>> accounts = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            Actor first = person("voter-" + a);
            List<Actor> identities = new ArrayList<>(List.of(first));
            for (int p = 1; p < PSEUDONYMS; p++) {
                identities.add(otherIdentity(first, "voter-" + a + "-alias-" + p));
            }
            admit(community, owner, first);
            accounts.add(identities);
        }
        return accounts;
    }

    /**
     * One random cast, change or retract; returns the account's vote afterwards. A vote or retraction
     * through a pseudonym that holds no membership ({@code identity > 0}), or a vote on the account's
     * own post, is refused and changes nothing; the account never holds a vote on its own post.
     */
    private @Nullable Direction randomVote(Random random, List<Actor> identities, PostView post) {
        int identity = random.nextInt(PSEUDONYMS);
        Actor actor = identities.get(identity);
        int roll = random.nextInt(100);
        Direction tried = roll < 25 ? null : roll < 65 ? Direction.UP : Direction.DOWN;
        boolean refused = identity > 0 || (tried != null && actor.account().equals(authors.get(post)));
        if (refused) {
            assertThatThrownBy(() -> {
                if (tried == null) {
                    engine.votes().retract(actor, post.id());
                } else {
                    engine.votes().cast(actor, new CastVote(post.id(), tried));
                }
            }).as("a vote through %s on %s", identity > 0 ? "a pseudonym without membership" : "the account's own post",
                    post.id())
                    .isInstanceOfSatisfying(NicheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
            return identity > 0 ? current(actor, post) : null;
        }
        VoteOutcome outcome;
        Direction expected;
        if (roll < 25) {
            outcome = engine.votes().retract(actor, post.id());
            expected = null;
        } else {
            expected = roll < 65 ? Direction.UP : Direction.DOWN;
            outcome = engine.votes().cast(actor, new CastVote(post.id(), expected));
            assertThat(outcome.counted()).as("counted flag of a vote on %s", post.id()).isTrue();
        }
        assertThat(outcome.yourVote()).isEqualTo(expected);
        assertThat(outcome.score()).isEqualTo(outcome.ups() - outcome.downs());
        return expected;
    }

    /** The account's stored vote now; only its own thread changes it, in the partitioned race. */
    private @Nullable Direction current(Actor actor, PostView post) {
        return store.read(tx -> tx.votes().find(post.id(), actor.account())).map(VoteRecord::direction).orElse(null);
    }

    private void assertCountersExact(PostView post, List<List<Actor>> accounts, Map<AccountId, Direction> finalVotes) {
        AccountId author = authors.get(post);
        int ups = 0;
        int downs = 0;
        for (Map.Entry<AccountId, Direction> vote : finalVotes.entrySet()) {
            if (!vote.getKey().equals(author)) {
                ups += vote.getValue() == Direction.UP ? 1 : 0;
                downs += vote.getValue() == Direction.DOWN ? 1 : 0;
            }
        }
        PostView now = reread(post);
        PostCounters stored = store.read(tx -> tx.posts().byId(post.id()).orElseThrow().counters());
        VoteTally tally = store.read(tx -> tx.votes().tally(post.id()));

        assertThat(new VoteTally(now.ups(), now.downs())).as("counters shown for %s (seed %d)", post.id(), SEED)
                .isEqualTo(new VoteTally(ups, downs));
        assertThat(now.score()).isEqualTo(ups - downs);
        assertThat(new VoteTally(stored.ups(), stored.downs())).as("stored counters").isEqualTo(new VoteTally(ups, downs));
        assertThat(tally).as("recount of the stored votes").isEqualTo(new VoteTally(ups, downs));
        for (List<Actor> identities : accounts) {
            AccountId account = identities.get(0).account();
            Optional<VoteRecord> row = store.read(tx -> tx.votes().find(post.id(), account));
            assertThat(row.map(VoteRecord::direction)).as("stored vote of an account on %s", post.id())
                    .isEqualTo(Optional.ofNullable(finalVotes.get(account)));
            row.ifPresent(vote -> assertThat(vote.counted()).isTrue());
            row.ifPresent(vote -> assertThat(vote.voter()).isEqualTo(identities.get(0).pseudonym()));
        }
    }

    @Test
    @DisplayName("8 threads, each with its own accounts, cast 3,200 random votes; counters equal the tally and our recount")
    void partitionedAccounts() {
        List<List<Actor>> accounts = accounts(Race.THREADS * 2);
        PostView own = thread(accounts.get(0).get(0), community);
        posts.add(own);
        authors.put(own, accounts.get(0).get(0).account());

        List<Race.Outcome<Map<PostView, Map<AccountId, Direction>>>> outcomes = Race.run(Race.THREADS, worker -> {
            Random random = new Random(SEED + worker);
            List<List<Actor>> mine = accounts.subList(worker * 2, worker * 2 + 2);
            Map<PostView, Map<AccountId, Direction>> finalVotes = new HashMap<>();
            for (int n = 0; n < 400; n++) {
                List<Actor> identities = mine.get(random.nextInt(mine.size()));
                PostView post = posts.get(random.nextInt(posts.size()));
                Direction now = randomVote(random, identities, post);
                Map<AccountId, Direction> onPost = finalVotes.computeIfAbsent(post, p -> new HashMap<>());
                if (now == null) {
                    onPost.remove(identities.get(0).account());
                } else {
                    onPost.put(identities.get(0).account(), now);
                }
            }
            return finalVotes;
        });

        Race.assertAllSucceeded(outcomes);
        for (PostView post : posts) {
            Map<AccountId, Direction> merged = new HashMap<>();
            outcomes.forEach(outcome -> merged.putAll(Objects.requireNonNull(outcome.value()).getOrDefault(post, Map.of())));
            assertCountersExact(post, accounts, merged);
        }
    }

    @Test
    @DisplayName("8 threads fight over the same accounts' votes, also through pseudonyms without membership; still one vote per account")
    void contestedAccounts() {
        List<List<Actor>> accounts = accounts(3);

        List<Race.Outcome<Integer>> outcomes = Race.run(Race.THREADS, worker -> {
            Random random = new Random(SEED * 31 + worker);
            for (int n = 0; n < 150; n++) {
                List<Actor> identities = accounts.get(random.nextInt(accounts.size()));
                randomVote(random, identities, posts.get(random.nextInt(2)));
            }
            return 150;
        });

        Race.assertAllSucceeded(outcomes);
        for (PostView post : posts.subList(0, 2)) {
            Map<AccountId, Direction> finalVotes = new HashMap<>();
            for (List<Actor> identities : accounts) {
                AccountId account = identities.get(0).account();
                store.read(tx -> tx.votes().find(post.id(), account))
                        .ifPresent(vote -> finalVotes.put(account, vote.direction()));
            }
            assertCountersExact(post, accounts, finalVotes);
        }
    }
}
