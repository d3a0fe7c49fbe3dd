package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for the vote counters under contention: the counters a post carries must always equal a
 * recount of its vote rows, however many units of work change them at once.
 */
abstract class CounterRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final CommunityRecord community = Rows.community("counters");
    private final PostRecord post = Rows.thread(community, author, Rows.T0);

    CounterRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storePost() {
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            tx.posts().insert(post);
        });
    }

    /**
     * Casts, changes ({@code direction} non-null) or retracts ({@code null}) one account's vote as
     * the engine does at the SPI level: the vote row and the counters change in one unit of work.
     */
    private void vote(PseudonymRecord voter, @Nullable Direction direction, boolean counted) {
        writeRetrying(tx -> {
            Optional<VoteRecord> old = tx.votes().find(post.id(), voter.account());
            old.filter(VoteRecord::counted).ifPresent(v -> count(tx, v.direction(), -1));
            if (direction == null) {
                old.ifPresent(v -> tx.votes().delete(post.id(), voter.account()));
                return Boolean.TRUE;
            }
            VoteRecord now = new VoteRecord(post.id(), voter.account(), voter.id(), direction, counted, Rows.T0);
            if (old.isPresent()) {
                tx.votes().update(now);
            } else {
                tx.votes().insert(now);
            }
            if (counted) {
                count(tx, direction, 1);
            }
            return Boolean.TRUE;
        });
    }

    private void count(StoreTransaction tx, Direction direction, int delta) {
        tx.posts().addVotes(post.id(), direction == Direction.UP ? delta : 0, direction == Direction.DOWN ? delta : 0);
    }

    /** If this fails, check that addVotes is one atomic statement ({@code SET ups = ups + ?}), not a read followed by a write, and that vote rows and counters commit together. */
    @Test
    @DisplayName("after 8 threads cast, change and retract votes at once, the counters equal a recount of the votes")
    void countersMatchRecountUnderContention() {
        List<List<PseudonymRecord>> voters = new ArrayList<>();
        for (int t = 0; t < Race.THREADS; t++) {
            voters.add(List.of(Rows.pseudonym(Rows.account(), "voter-" + t + "-a"),
                    Rows.pseudonym(Rows.account(), "voter-" + t + "-b")));
        }
        given(tx -> voters.forEach(pair -> pair.forEach(tx.pseudonyms()::insert)));

        List<Race.Outcome<List<@Nullable Direction>>> outcomes = Race.run(Race.THREADS, t -> {
            Random random = new Random(t);
            List<@Nullable Direction> last = new ArrayList<>();
            last.add(null);
            last.add(null);
            for (int n = 0; n < 20; n++) {
                int which = random.nextInt(2);
                int roll = random.nextInt(3);
                Direction direction = roll == 0 ? null : roll == 1 ? Direction.UP : Direction.DOWN;
                vote(voters.get(t).get(which), direction, true);
                last.set(which, direction);
            }
            return last;
        });

        Race.assertAllSucceeded(outcomes);
        List<@Nullable Direction> finals = outcomes.stream()
                .<@Nullable Direction>flatMap(o -> Objects.requireNonNull(o.value()).stream()).toList();
        VoteTally expected = new VoteTally((int) finals.stream().filter(d -> d == Direction.UP).count(),
                (int) finals.stream().filter(d -> d == Direction.DOWN).count());
        PostCounters counters = committed().posts().byId(post.id()).orElseThrow().counters();
        assertThat(committed().votes().tally(post.id())).as("the recount of the vote rows").isEqualTo(expected);
        assertThat(new VoteTally(counters.ups(), counters.downs())).as("the post's counters").isEqualTo(expected);
    }

    /** If this fails, check that addVotes adds to the stored value in the database, not to a value read earlier. */
    @Test
    @DisplayName("vote counters changed from 8 threads at once lose no change")
    void addVotesLosesNothing() {
        List<Race.Outcome<Void>> outcomes = Race.run(Race.THREADS, t -> {
            for (int n = 0; n < 25; n++) {
                int ups = n % 5 == 4 ? -1 : 1;
                writeRetrying(tx -> tx.posts().addVotes(post.id(), ups, 1));
            }
            return null;
        });

        Race.assertAllSucceeded(outcomes);
        assertThat(committed().posts().byId(post.id()).orElseThrow().counters())
                .isEqualTo(new PostCounters(Race.THREADS * 15, Race.THREADS * 25, 0, 0));
    }

    /** If this fails, check that tally skips rows whose counted flag is false, also while other votes change. */
    @Test
    @DisplayName("uncounted votes cast alongside counted ones leave the counters and the recount alone")
    void uncountedVotesStayOut() {
        AccountId authorAccount = author.account();
        PseudonymRecord self = Rows.pseudonym(authorAccount, "author-again");
        PseudonymRecord fan = Rows.pseudonym(Rows.account(), "fan");
        given(tx -> {
            tx.pseudonyms().insert(self);
            tx.pseudonyms().insert(fan);
        });

        List<Race.Outcome<Void>> outcomes = Race.run(2, t -> {
            for (int n = 0; n < 15; n++) {
                Direction direction = n % 2 == 0 ? Direction.UP : Direction.DOWN;
                vote(t == 0 ? self : fan, direction, t == 1);
            }
            return null;
        });

        Race.assertAllSucceeded(outcomes);
        assertThat(committed().votes().tally(post.id())).isEqualTo(new VoteTally(1, 0));
        assertThat(committed().posts().byId(post.id()).orElseThrow().counters()).isEqualTo(new PostCounters(1, 0, 0, 0));
        assertThat(committed().votes().find(post.id(), authorAccount).map(VoteRecord::counted)).contains(false);
    }
}
