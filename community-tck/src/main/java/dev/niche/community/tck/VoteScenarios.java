package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.VoteCast;
import dev.niche.community.event.CommunityEvent.VoteRetracted;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Up, down, change and retract: one vote per account per post, cast by its membership's pseudonym, never on its own posts. */
abstract class VoteScenarios extends EngineFixture {
    private Actor owner;
    private Actor author;
    private Actor voter;
    private CommunityView community;
    private PostView post;

    VoteScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void post() {
        owner = person("founder");
        community = openCommunity(owner, "voters");
        author = member(community, owner, "author");
        voter = member(community, owner, "voter");
        post = thread(author, community);
    }

    private VoteOutcome cast(Actor actor, Direction direction) {
        return engine.votes().cast(actor, new CastVote(post.id(), direction));
    }

    private VoteTally tally() {
        return store.read(tx -> tx.votes().tally(post.id()));
    }

    private Optional<VoteRecord> storedVote(Actor actor) {
        return store.read(tx -> tx.votes().find(post.id(), actor.account()));
    }

    private void assertCounters(int ups, int downs) {
        PostView now = reread(post);
        assertThat(now.ups()).as("ups").isEqualTo(ups);
        assertThat(now.downs()).as("downs").isEqualTo(downs);
        assertThat(now.score()).as("score").isEqualTo(ups - downs);
        assertThat(tally()).as("recount of the stored votes").isEqualTo(new VoteTally(ups, downs));
    }

    @Test
    @DisplayName("an up vote counts, and the outcome and event say so")
    void castsUp() {
        tick();
        VoteOutcome outcome = cast(voter, Direction.UP);

        assertThat(outcome).isEqualTo(new VoteOutcome(post.id(), Direction.UP, true, 1, 0, 1));
        assertCounters(1, 0);
        assertThat(lastEvent(VoteCast.class)).isEqualTo(new VoteCast(community.id(), post.id(), voter.pseudonym(),
                Direction.UP, START.plusSeconds(1)));
    }

    @Test
    @DisplayName("changing a vote moves it from one counter to the other")
    void changesVote() {
        cast(voter, Direction.UP);

        VoteOutcome outcome = cast(voter, Direction.DOWN);

        assertThat(outcome).isEqualTo(new VoteOutcome(post.id(), Direction.DOWN, true, 0, 1, -1));
        assertCounters(0, 1);
    }

    @Test
    @DisplayName("voting the same way twice changes nothing")
    void sameDirectionTwice() {
        cast(voter, Direction.DOWN);

        VoteOutcome outcome = cast(voter, Direction.DOWN);

        assertThat(outcome).isEqualTo(new VoteOutcome(post.id(), Direction.DOWN, true, 0, 1, -1));
        assertCounters(0, 1);
    }

    @Test
    @DisplayName("retracting removes the vote and publishes VoteRetracted; retracting nothing changes nothing")
    void retracts() {
        cast(voter, Direction.UP);
        tick();

        VoteOutcome outcome = engine.votes().retract(voter, post.id());

        assertThat(outcome.yourVote()).isNull();
        assertThat(outcome.ups()).isZero();
        assertThat(outcome.score()).isZero();
        assertCounters(0, 0);
        assertThat(storedVote(voter)).isEmpty();
        assertThat(lastEvent(VoteRetracted.class))
                .isEqualTo(new VoteRetracted(community.id(), post.id(), voter.pseudonym(), START.plusSeconds(1)));

        VoteOutcome again = engine.votes().retract(voter, post.id());
        assertThat(again.yourVote()).isNull();
        assertThat(again.ups()).isZero();
        assertThat(again.downs()).isZero();
        assertCounters(0, 0);
    }

    @Test
    @DisplayName("several accounts' votes add up")
    void votesAddUp() {
        Actor second = member(community, owner, "second");
        Actor third = member(community, owner, "third");
        cast(voter, Direction.UP);
        cast(second, Direction.UP);

        assertThat(cast(third, Direction.DOWN)).isEqualTo(new VoteOutcome(post.id(), Direction.DOWN, true, 2, 1, 1));
        assertCounters(2, 1);
    }

    @Test
    @DisplayName("only the pseudonym that holds the membership votes; another pseudonym of the account is forbidden")
    void onlyTheMembershipsPseudonymVotes() {
        Actor alias = otherIdentity(voter, "voter-alias");
        int before = events.size();

        assertRejected(ErrorCode.FORBIDDEN, () -> cast(alias, Direction.UP));

        assertCounters(0, 0);
        assertThat(storedVote(voter)).isEmpty();
        assertThat(events).hasSize(before);
    }

    @Test
    @DisplayName("an account that rejoined under another pseudonym keeps its one vote as cast: repeating it publishes nothing, changing or retracting it is FORBIDDEN")
    void oneVotePerAccountAcrossRejoins() {
        cast(voter, Direction.UP);
        engine.memberships().leave(voter, community.id());
        Actor rejoined = otherIdentity(voter, "voter-again");
        engine.memberships().join(rejoined, JoinCommunity.of(community.id()));
        int before = events.size();

        assertThat(cast(rejoined, Direction.UP)).isEqualTo(new VoteOutcome(post.id(), Direction.UP, true, 1, 0, 1));
        assertThat(events).as("no second VoteCast that would tie the two pseudonyms").hasSize(before);
        assertCounters(1, 0);

        assertRejected(ErrorCode.FORBIDDEN, () -> cast(rejoined, Direction.DOWN));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.votes().retract(rejoined, post.id()));
        assertThat(storedVote(voter)).hasValueSatisfying(vote -> {
            assertThat(vote.voter()).isEqualTo(voter.pseudonym());
            assertThat(vote.direction()).isEqualTo(Direction.UP);
        });
        assertCounters(1, 0);
        assertThat(events).as("nothing published under the new pseudonym about the old one's vote").hasSize(before);
    }

    @Test
    @DisplayName("an account may not vote on its own posts, under any of its pseudonyms, and nothing is published")
    void ownPostsAreRefused() {
        int before = events.size();
        assertRejected(ErrorCode.FORBIDDEN, () -> cast(author, Direction.UP));

        engine.memberships().leave(author, community.id());
        Actor authorAgain = otherIdentity(author, "author-again");
        engine.memberships().join(authorAgain, JoinCommunity.of(community.id()));
        int rejoined = events.size();
        assertRejected(ErrorCode.FORBIDDEN, () -> cast(authorAgain, Direction.DOWN));

        assertThat(events).hasSize(rejoined);
        assertThat(before).isLessThan(rejoined);
        assertThat(storedVote(author)).isEmpty();
        assertCounters(0, 0);
    }

    @Test
    @DisplayName("votes on replies count on the reply only")
    void votesOnReplies() {
        PostView reply = reply(owner, post);

        VoteOutcome outcome = engine.votes().cast(voter, new CastVote(reply.id(), Direction.UP));

        assertThat(outcome.ups()).isEqualTo(1);
        assertThat(reread(reply).score()).isEqualTo(1);
        assertCounters(0, 0);
    }

    @Test
    @DisplayName("voting needs an active membership: outsiders, applicants and those who left are forbidden")
    void votingNeedsMembership() {
        Actor outsider = person("outsider");
        Actor leaver = member(community, owner, "leaver");
        engine.memberships().leave(leaver, community.id());
        CommunityView approval = community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        PostView approvalPost = thread(owner, approval);
        Actor applicant = person("applicant");
        engine.memberships().join(applicant, JoinCommunity.of(approval.id()));

        assertRejected(ErrorCode.FORBIDDEN, () -> cast(outsider, Direction.UP));
        assertRejected(ErrorCode.FORBIDDEN, () -> cast(leaver, Direction.UP));
        assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.votes().cast(applicant, new CastVote(approvalPost.id(), Direction.UP)));
        assertCounters(0, 0);
    }

    @Test
    @DisplayName("votes on deleted or unknown posts, or in archived communities, are refused")
    void voteRefusals() {
        PostView reply = reply(owner, post);
        engine.posts().delete(owner, reply.id());

        assertRejected(ErrorCode.CONFLICT, () -> engine.votes().cast(voter, new CastVote(reply.id(), Direction.UP)));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.votes()
                .cast(voter, new CastVote(PostId.of("00000000-0000-7000-8000-000000000000"), Direction.UP)));
        engine.communities().archive(owner, community.id());
        assertRejected(ErrorCode.CONFLICT, () -> cast(voter, Direction.UP));
        assertCounters(0, 0);
    }
}
