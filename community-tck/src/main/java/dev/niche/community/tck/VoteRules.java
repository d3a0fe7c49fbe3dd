package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.Direction;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.VoteTable}. */
abstract class VoteRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
    private final PseudonymRecord voter = Rows.pseudonym(Rows.account(), "voter");
    private final PseudonymRecord voterAgain = Rows.pseudonym(voter.account(), "voter-again");
    private final CommunityRecord community = Rows.community("votes");
    private final PostRecord post = Rows.thread(community, author, Rows.T0);
    private final PostRecord other = Rows.thread(community, author, Rows.at(1));

    VoteRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storePosts() {
        given(tx -> {
            List.of(author, voter, voterAgain).forEach(tx.pseudonyms()::insert);
            tx.communities().insert(community);
            tx.posts().insert(post);
            tx.posts().insert(other);
        });
    }

    /** If this fails, check that every column of a vote is stored and read back unchanged, and that missing votes are empty answers. */
    @Test
    @DisplayName("a stored vote reads back exactly as stored; a missing one is an empty answer")
    void readsBack() {
        VoteRecord vote = new VoteRecord(post.id(), voter.account(), voter.id(), Direction.DOWN, false, Rows.at(7));
        given(tx -> tx.votes().insert(vote));

        assertThat(committed().votes().find(post.id(), voter.account())).contains(vote);
        assertThat(committed().votes().find(other.id(), voter.account())).isEmpty();
        assertThat(committed().votes().find(post.id(), author.account())).isEmpty();
    }

    /** If this fails, check that update writes voter, direction, counted and castAt of the row keyed by (post, account). */
    @Test
    @DisplayName("an update replaces the voter, direction, counted flag and time")
    void updateReplaces() {
        given(tx -> tx.votes().insert(Rows.vote(post, voter, Direction.UP)));
        VoteRecord changed = new VoteRecord(post.id(), voter.account(), voterAgain.id(), Direction.DOWN, false, Rows.at(9));

        given(tx -> tx.votes().update(changed));

        assertThat(committed().votes().find(post.id(), voter.account())).contains(changed);
    }

    /** If this fails, check that update throws IllegalStateException when no row was affected. */
    @Test
    @DisplayName("updating a missing vote is an IllegalStateException")
    void missingVoteRefused() {
        assertThatThrownBy(() -> given(tx -> tx.votes().update(Rows.vote(post, voter, Direction.UP))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(committed().votes().find(post.id(), voter.account())).isEmpty();
    }

    /** If this fails, check that delete removes only the row keyed by (post, account) and reports whether one was there. */
    @Test
    @DisplayName("deleting a vote removes it and says whether there was one")
    void deleteReports() {
        given(tx -> {
            tx.votes().insert(Rows.vote(post, voter, Direction.UP));
            tx.votes().insert(Rows.vote(other, voter, Direction.UP));
        });

        assertThat(committing().votes().delete(post.id(), voter.account())).isTrue();
        assertThat(committing().votes().delete(post.id(), voter.account())).isFalse();
        assertThat(committed().votes().find(post.id(), voter.account())).isEmpty();
        assertThat(committed().votes().find(other.id(), voter.account())).isPresent();
    }

    /** If this fails, check that ofAccount filters on the account and on the posts given, in one query. */
    @Test
    @DisplayName("an account's votes on some posts are found by post, and only that account's")
    void ofAccount() {
        PostRecord third = Rows.thread(community, author, Rows.at(2));
        VoteRecord onPost = Rows.vote(post, voter, Direction.UP);
        VoteRecord onThird = Rows.vote(third, voterAgain, Direction.DOWN);
        given(tx -> {
            tx.posts().insert(third);
            tx.votes().insert(onPost);
            tx.votes().insert(onThird);
            tx.votes().insert(Rows.vote(other, author, Direction.UP));
        });

        assertThat(committed().votes().ofAccount(voter.account(), List.of(post.id(), other.id(), third.id())))
                .containsOnlyKeys(post.id(), third.id())
                .containsEntry(post.id(), onPost)
                .containsEntry(third.id(), onThird);
        assertThat(committed().votes().ofAccount(voter.account(), List.of(other.id()))).isEmpty();
        assertThat(committed().votes().ofAccount(voter.account(), List.of())).isEmpty();
    }

    /** If this fails, check that tally counts the rows of that post only, by direction, and skips rows whose counted flag is false. */
    @Test
    @DisplayName("a tally recounts the post's counted votes from the rows")
    void tallyCountsCountedRows() {
        PseudonymRecord third = Rows.pseudonym(Rows.account(), "third");
        PseudonymRecord fourth = Rows.pseudonym(Rows.account(), "fourth");
        given(tx -> {
            tx.pseudonyms().insert(third);
            tx.pseudonyms().insert(fourth);
            tx.votes().insert(Rows.vote(post, voter, Direction.UP));
            tx.votes().insert(Rows.vote(post, third, Direction.UP));
            tx.votes().insert(Rows.vote(post, fourth, Direction.DOWN));
            tx.votes().insert(new VoteRecord(post.id(), author.account(), author.id(), Direction.UP, false, Rows.T0));
            tx.votes().insert(Rows.vote(other, voter, Direction.DOWN));
        });

        assertThat(committed().votes().tally(post.id())).isEqualTo(new VoteTally(2, 1));
        assertThat(committed().votes().tally(other.id())).isEqualTo(new VoteTally(0, 1));
    }

    /** If this fails, check the unique index on (post, account) and that its violation becomes a DuplicateKeyException(VOTE), not an upsert. */
    @Test
    @DisplayName("a second vote of one account on one post is refused with VOTE, even through another pseudonym")
    void secondVoteRefused() {
        VoteRecord first = Rows.vote(post, voter, Direction.UP);
        given(tx -> tx.votes().insert(first));

        assertThatThrownBy(() -> given(tx -> tx.votes().insert(Rows.vote(post, voterAgain, Direction.DOWN))))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo(UniqueKey.VOTE));
        assertThat(committed().votes().find(post.id(), voter.account())).contains(first);
    }

    /** If this fails, check that one vote per (post, account) is enforced by the store itself (a unique index), not by a check-then-insert. */
    @Test
    @DisplayName("of 8 threads casting one account's vote on one post at once, exactly one wins")
    void concurrentVotes() {
        List<Race.Outcome<Boolean>> outcomes = Race.run(Race.THREADS, i -> writeRetrying(tx -> {
            tx.votes().insert(Rows.vote(post, i % 2 == 0 ? voter : voterAgain, i % 3 == 0 ? Direction.DOWN : Direction.UP));
            return Boolean.TRUE;
        }));

        Race.assertOneWinner(outcomes, UniqueKey.VOTE);
        assertThat(committed().votes().tally(post.id()).ups() + committed().votes().tally(post.id()).downs()).isOne();
    }
}
