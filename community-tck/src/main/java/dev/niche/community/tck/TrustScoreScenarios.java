package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.niche.community.Actor;
import dev.niche.community.trust.Standing;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.CommunityEvent.TrustRecomputed;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.Interaction;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.trust.TrustRun;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sybil-resistant trust score: personalised PageRank over endorsements between accounts, seeded by
 * the owner, the moderators and members of long standing, which a ring of fake accounts cannot raise
 * by endorsing itself; and, when the community weighs votes by it, votes from untrusted accounts that
 * are kept but count for nothing.
 */
abstract class TrustScoreScenarios extends TrustScenarios {
    private Actor owner;
    private CommunityView community;

    TrustScoreScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void community() {
        owner = person("founder");
        community = openCommunity(owner, "web");
    }

    private double score(Actor member) {
        Double trust = standing(community, member).trust();
        assertThat(trust).as("trust score of %s", member.pseudonym()).isNotNull();
        return trust;
    }

    /** What the store holds of votes and replies between two distinct accounts. */
    private List<Interaction> betweenAccounts() {
        return store.read(tx -> tx.trust().interactions(community.id())).stream()
                .filter(act -> !act.from().equals(act.to()))
                .toList();
    }

    @Test
    @DisplayName("recompute scores the active members, seeded by the owner and moderators, and says what it did")
    void recomputeReports() {
        Actor warden = member(community, owner, "warden");
        engine.memberships().changeRole(owner, community.id(), warden.pseudonym(), Role.MODERATOR);
        Actor ann = member(community, owner, "ann");
        Actor bob = member(community, owner, "bob");
        Actor cat = member(community, owner, "cat");
        Actor leaver = member(community, owner, "leaver");
        engine.memberships().leave(leaver, community.id());
        up(owner, thread(ann, community));
        PostView bobs = thread(bob, community);
        reply(warden, bobs);
        up(ann, bobs);
        thread(cat, community);
        assertThat(standing(community, ann).trust()).as("trust before the first recompute").isNull();
        clock.advance(Duration.ofMinutes(5));

        TrustRun run = trust().recompute(community.id());

        assertThat(run).isEqualTo(new TrustRun(community.id(), 5, 2, 3, 3, clock.instant()));
        assertThat(lastEvent(TrustRecomputed.class)).isEqualTo(new TrustRecomputed(community.id(), 5, clock.instant()));
        assertThat(betweenAccounts()).containsExactlyInAnyOrder(
                Interaction.vote(owner.account(), ann.account(), Direction.UP, true, false, 1),
                Interaction.reply(warden.account(), bob.account(), false, false, 1),
                Interaction.vote(ann.account(), bob.account(), Direction.UP, true, false, 1));
        assertThat(score(ann)).as("endorsed by the owner").isPositive();
        assertThat(score(cat)).as("endorsed by nobody").isZero();
        assertThat(score(owner) + score(warden) + score(ann) + score(bob) + score(cat))
                .as("scores average 1.0 over the members").isCloseTo(5.0, within(1e-9));
    }

    @Test
    @DisplayName("members of 90 days seed the score too, and members who joined later do not")
    void tenuredMembersSeed() {
        members(community, owner, "veteran", 3);
        clock.advance(Duration.ofDays(1));
        member(community, owner, "late");
        clock.set(START.plus(Duration.ofDays(90)));

        TrustRun run = trust().recompute(community.id());

        assertThat(run.members()).isEqualTo(5);
        assertThat(run.seeds()).isEqualTo(4);
        assertThat(run.endorsements()).isZero();
        assertThat(run.iterations()).isEqualTo(3);
    }

    @Test
    @DisplayName("an endorsed member outranks one nobody endorsed, and trust flows on along endorsements")
    void endorsementRaisesTrust() {
        Actor endorsed = member(community, owner, "endorsed");
        Actor friend = member(community, owner, "friend");
        Actor ignored = member(community, owner, "ignored");
        up(owner, thread(endorsed, community));
        reply(endorsed, thread(friend, community));
        thread(ignored, community);

        trust().recompute(community.id());

        assertThat(score(endorsed)).isGreaterThan(score(ignored));
        assertThat(score(friend)).as("endorsed by an endorsed member").isGreaterThan(score(ignored));
        assertThat(score(ignored)).isZero();
    }

    @Test
    @DisplayName("a ring of fresh accounts endorsing each other, with no honest endorsement, scores exactly 0 while honest members score above 0")
    void ringScoresZero() {
        Actor honest = member(community, owner, "honest");
        Actor friend = member(community, owner, "friend");
        up(owner, thread(honest, community));
        PostView honestPost = thread(honest, community);
        reply(honest, thread(friend, community));
        List<Actor> ring = members(community, owner, "ring", 5);
        List<PostView> ringPosts = ring.stream().map(r -> thread(r, community)).toList();
        for (int i = 0; i < ring.size(); i++) {
            up(ring.get(i), ringPosts.get((i + 1) % ring.size()));
            reply(ring.get(i), ringPosts.get((i + 2) % ring.size()));
            up(ring.get(i), honestPost);
        }

        TrustRun run = trust().recompute(community.id());

        assertThat(run.members()).isEqualTo(8);
        assertThat(run.seeds()).isEqualTo(1);
        assertThat(ring).allSatisfy(r -> {
            assertThat(score(r)).as("trust of ring member %s", r.pseudonym()).isZero();
            assertThat(standing(community, r).reputation()).as("what the ring bought itself").isEqualTo(10);
            assertThat(level(community, r)).isEqualTo(TrustLevel.NEW);
        });
        assertThat(List.of(owner, honest, friend)).allSatisfy(h -> assertThat(score(h)).isPositive());
    }

    @Test
    @DisplayName("after a rejoin under another pseudonym, the account's level and score show on the new one only")
    void perAccountValuesOnOnePseudonym() {
        Actor first = member(community, owner, "first_face");
        Actor fan = member(community, owner, "fan");
        up(fan, thread(first, community));
        up(owner, thread(first, community));
        trust().grantLeader(owner, community.id(), first.pseudonym());
        engine.memberships().leave(first, community.id());
        Actor second = otherIdentity(first, "second_face");
        engine.memberships().join(second, JoinCommunity.of(community.id()));
        up(fan, thread(second, community));
        trust().grantLeader(owner, community.id(), second.pseudonym());
        trust().recompute(community.id());

        List<Standing> board = trust().leaderboard(Viewer.anonymous(), community.id(), PageRequest.first(100)).items();
        Standing old = board.stream().filter(s -> s.member().id().equals(first.pseudonym())).findFirst().orElseThrow();
        Standing now = board.stream().filter(s -> s.member().id().equals(second.pseudonym())).findFirst().orElseThrow();

        assertThat(old.reputation()).as("reputation stays with the pseudonym that earned it").isEqualTo(20);
        assertThat(old.level()).isEqualTo(TrustLevel.NEW);
        assertThat(old.grantedByHand()).isFalse();
        assertThat(old.trust()).isNull();
        assertThat(now.level()).isEqualTo(TrustLevel.LEADER);
        assertThat(now.grantedByHand()).isTrue();
        assertThat(now.trust()).isNotNull();
    }

    @Test
    @DisplayName("a member that leaves stops showing its level and score; rejoining under another pseudonym starts over at NEW, unscored, with nothing published")
    void rejoiningStartsOver() {
        Actor first = member(community, owner, "first_face");
        Actor fan = member(community, owner, "fan");
        up(fan, thread(first, community));
        trust().grantLeader(owner, community.id(), first.pseudonym());
        trust().recompute(community.id());
        assertThat(standing(community, first).trust()).isNotNull();

        engine.memberships().leave(first, community.id());
        Standing left = standing(community, first);
        Actor second = otherIdentity(first, "second_face");
        int before = events.size();
        engine.memberships().join(second, JoinCommunity.of(community.id()));

        assertThat(left).as("the pseudonym that left").isEqualTo(new Standing(community.id(), pseudonym(first), 10,
                TrustLevel.NEW, false, null));
        assertThat(standing(community, first)).as("the pseudonym that left, once the account rejoined").isEqualTo(left);
        assertThat(standing(community, second)).as("the new face").isEqualTo(new Standing(community.id(), pseudonym(second), 0,
                TrustLevel.NEW, false, null));
        assertThat(events.subList(before, events.size())).as("what the rejoin published")
                .hasSize(1).allMatch(CommunityEvent.MemberJoined.class::isInstance);
        trust().recompute(community.id());
        assertThat(standing(community, second).trust()).as("scored again by the next recompute").isNotNull();
        assertThat(standing(community, first).trust()).isNull();
    }

    @Test
    @DisplayName("one account's pseudonyms are one node: votes through either, before and after a rejoin, make one edge")
    void pseudonymsAreOneNode() {
        Actor holder = member(community, owner, "holder");
        Actor author = member(community, owner, "author");
        PostView older = thread(holder, community);
        up(holder, thread(author, community));
        engine.memberships().leave(holder, community.id());
        Actor alias = otherIdentity(holder, "holder-alias");
        engine.memberships().join(alias, JoinCommunity.of(community.id()));
        up(alias, thread(author, community));
        assertRejected(ErrorCode.FORBIDDEN, () -> up(alias, older));

        TrustRun run = trust().recompute(community.id());

        assertThat(run.members()).isEqualTo(3);
        assertThat(run.endorsements()).isEqualTo(1);
        assertThat(betweenAccounts())
                .containsExactly(Interaction.vote(holder.account(), author.account(), Direction.UP, true, false, 2));
        assertThat(score(alias)).as("nobody else endorsed the account").isZero();
    }

    @Test
    @DisplayName("with votes weighed, a vote from an account below the floor is kept but counts for nothing; once endorsed and rescored, its new votes count")
    void weighedVotes() {
        TrustPolicy weighed = TrustPolicy.defaults().withScore(TrustPolicy.Score.DEFAULT.weighingVotes(true));
        trust().setPolicy(owner, community.id(), weighed);
        Actor author = member(community, owner, "author");
        Actor newcomer = member(community, owner, "newcomer");
        PostView first = thread(author, community);
        PostView second = thread(author, community);
        PostView newcomers = thread(newcomer, community);
        trust().recompute(community.id());

        VoteOutcome untrusted = up(newcomer, first);

        assertThat(untrusted).isEqualTo(new VoteOutcome(first.id(), Direction.UP, false, 0, 0, 0));
        Optional<VoteRecord> kept = store.read(tx -> tx.votes().find(first.id(), newcomer.account()));
        assertThat(kept).hasValueSatisfying(vote -> {
            assertThat(vote.direction()).isEqualTo(Direction.UP);
            assertThat(vote.counted()).as("a vote below the floor is kept uncounted").isFalse();
        });
        assertThat(reread(first).score()).isZero();
        assertReputation(community, author, 0);
        assertThat(voteNet(first, newcomer)).isZero();
        assertThat(betweenAccounts()).as("the only vote between accounts, kept uncounted")
                .containsExactly(Interaction.vote(newcomer.account(), author.account(), Direction.UP, false, false, 1));

        assertThat(up(owner, newcomers).counted()).as("the owner seeds the score").isTrue();
        assertReputation(community, newcomer, 10);
        trust().recompute(community.id());
        assertThat(score(newcomer)).isGreaterThanOrEqualTo(TrustPolicy.Score.DEFAULT.floor());

        VoteOutcome trusted = up(newcomer, second);

        assertThat(trusted).isEqualTo(new VoteOutcome(second.id(), Direction.UP, true, 1, 0, 1));
        assertReputation(community, author, 10);
        assertThat(reread(first).ups()).as("the earlier vote stays uncounted").isZero();
        assertThat(eventsOf(TrustRecomputed.class)).hasSize(2);
    }

    @Test
    @DisplayName("recomputing an unknown community is NOT_FOUND")
    void unknownCommunity() {
        assertRejected(ErrorCode.NOT_FOUND,
                () -> trust().recompute(CommunityId.of("00000000-0000-7000-8000-000000000000")));
    }
}
