package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reputation: received votes give and take points through an append-only ledger, changes and
 * retractions are reversed exactly, an account never earns from itself, up-vote gains are capped per
 * UTC day and community, and each community ranks its members on a leaderboard paged by keyset.
 */
abstract class ReputationScenarios extends TrustScenarios {
    private static final long SECONDS_PER_DAY = 86_400;

    private Actor owner;
    private Actor author;
    private Actor voter;
    private CommunityView community;
    private PostView post;

    ReputationScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void post() {
        owner = person("founder");
        community = openCommunity(owner, "karma");
        author = member(community, owner, "author");
        voter = member(community, owner, "voter");
        post = thread(author, community);
    }

    private static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
    }

    private long upvoteGains(CommunityView where, Actor member, Instant on) {
        return store.read(tx -> tx.reputation().upvoteGains(where.id(), member.pseudonym(), day(on)));
    }

    @Test
    @DisplayName("an up vote gives its author 10 points in the community and nobody else anything")
    void upVoteGivesTen() {
        VoteOutcome outcome = up(voter, post);

        assertThat(outcome.counted()).isTrue();
        assertReputation(community, author, 10);
        assertReputation(community, voter, 0);
        assertReputation(community, owner, 0);
        assertThat(trust().reputation(author.pseudonym())).isEqualTo(10);
        assertThat(voteNet(post, voter)).as("what the vote holds in the ledger").isEqualTo(10);
    }

    @Test
    @DisplayName("a down vote takes 2 points from its author")
    void downVoteTakesTwo() {
        vote(owner, post, Direction.DOWN);

        assertReputation(community, author, -2);
        assertThat(trust().reputation(author.pseudonym())).isEqualTo(-2);
        assertThat(voteNet(post, owner)).isEqualTo(-2);
    }

    @Test
    @DisplayName("changing an up vote to a down vote reverses the 10 points exactly, then takes 2; retracting returns to 0")
    void changeReversesExactly() {
        up(owner, post);
        assertReputation(community, author, 10);

        vote(owner, post, Direction.DOWN);
        assertReputation(community, author, -2);
        assertThat(voteNet(post, owner)).isEqualTo(-2);

        vote(owner, post, Direction.UP);
        assertReputation(community, author, 10);

        engine.votes().retract(owner, post.id());
        assertReputation(community, author, 0);
        assertThat(voteNet(post, owner)).as("what a retracted vote still holds").isZero();
    }

    @Test
    @DisplayName("retracting an up vote takes its points back; casting the same vote twice earns once")
    void retractReturnsToZero() {
        up(voter, post);
        up(voter, post);
        assertReputation(community, author, 10);

        engine.votes().retract(voter, post.id());

        assertReputation(community, author, 0);
        assertThat(voteNet(post, voter)).isZero();
        assertThat(trust().reputation(author.pseudonym())).isZero();
    }

    @Test
    @DisplayName("votes between pseudonyms of one account are refused, in either direction, and leave no ledger trace")
    void ownAccountEarnsNothing() {
        engine.memberships().leave(author, community.id());
        Actor alias = otherIdentity(author, "author-alias");
        engine.memberships().join(alias, JoinCommunity.of(community.id()));

        assertRejected(ErrorCode.FORBIDDEN, () -> up(alias, post));
        assertRejected(ErrorCode.FORBIDDEN, () -> engine.votes().cast(alias, new CastVote(post.id(), Direction.DOWN)));

        assertThat(voteNet(post, alias)).isZero();
        assertThat(trust().reputation(author.pseudonym())).isZero();
        assertThat(trust().reputation(alias.pseudonym())).isZero();

        up(voter, post);
        engine.votes().retract(alias, post.id());
        assertThat(trust().reputation(author.pseudonym())).as("the old pseudonym keeps what it earned").isEqualTo(10);
    }

    @Test
    @DisplayName("up-vote gains stop at 200 a UTC day, down votes still count, and the next UTC day they resume")
    void dailyCap() {
        List<Actor> voters = members(community, owner, "fan", 22);
        for (int i = 0; i < 20; i++) {
            up(voters.get(i), post);
        }
        assertReputation(community, author, 200);

        Instant midnight = START.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        clock.set(midnight.minusSeconds(1));
        VoteOutcome capped = up(voters.get(20), post);
        assertThat(capped.counted()).as("a capped vote still counts on the post").isTrue();
        assertThat(capped.ups()).isEqualTo(21);
        assertReputation(community, author, 200);
        vote(owner, post, Direction.DOWN);
        assertReputation(community, author, 198);
        assertThat(upvoteGains(community, author, clock.instant())).isEqualTo(200);

        clock.set(midnight);
        up(voters.get(21), post);

        assertReputation(community, author, 208);
        assertThat(upvoteGains(community, author, clock.instant())).isEqualTo(10);
        engine.votes().retract(voters.get(20), post.id());
        assertReputation(community, author, 208);
        assertThat(voteNet(post, voters.get(20))).as("a vote the cap cut to nothing").isZero();
    }

    @Test
    @DisplayName("the daily cap counts per community, and reputation(pseudonym) sums the communities")
    void capPerCommunity() {
        // A cap of 20 points (two up votes) keeps the scenario short; the cap's size is not the point here.
        TrustPolicy small = TrustPolicy.defaults().withReputation(new TrustPolicy.Reputation(10, -2, 20));
        CommunityView other = openCommunity(owner, "other-karma");
        trust().setPolicy(owner, community.id(), small);
        trust().setPolicy(owner, other.id(), small);
        admit(other, owner, author);
        PostView there = thread(author, other);
        List<Actor> fans = members(community, owner, "fan", 3);
        admit(other, owner, fans.get(0));

        fans.forEach(fan -> up(fan, post));
        up(fans.get(0), there);

        assertReputation(community, author, 20);
        assertReputation(other, author, 10);
        assertThat(trust().reputation(author.pseudonym())).isEqualTo(30);
    }

    @Test
    @DisplayName("the leaderboard ranks by points, highest first, ties by pseudonym id, and pages by cursor")
    void leaderboard() {
        Actor ann = author;
        Actor bob = voter;
        Actor cat = member(community, owner, "cat");
        Actor dan = member(community, owner, "dan");
        up(bob, post);
        up(cat, post);
        up(ann, thread(bob, community));
        up(ann, thread(cat, community));
        up(ann, thread(owner, community));
        vote(owner, thread(dan, community), Direction.DOWN);
        List<PseudonymId> tied = Stream.of(bob, cat, owner).map(Actor::pseudonym).sorted(Comparator.naturalOrder()).toList();

        Page<Standing> first = trust().leaderboard(Viewer.anonymous(), community.id(), PageRequest.first(2));
        Page<Standing> second = trust().leaderboard(Viewer.anonymous(), community.id(),
                PageRequest.after(first.next().orElseThrow(), 2));
        Page<Standing> third = trust().leaderboard(Viewer.anonymous(), community.id(),
                PageRequest.after(second.next().orElseThrow(), 2));

        assertThat(first.items()).extracting(s -> s.member().id()).containsExactly(ann.pseudonym(), tied.get(0));
        assertThat(second.items()).extracting(s -> s.member().id()).containsExactly(tied.get(1), tied.get(2));
        assertThat(third.items()).extracting(s -> s.member().id()).containsExactly(dan.pseudonym());
        assertThat(third.hasNext()).isFalse();
        List<Standing> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(all).extracting(Standing::reputation).containsExactly(20L, 10L, 10L, 10L, -2L);
        assertThat(all).allSatisfy(standing -> {
            assertThat(standing.community()).isEqualTo(community.id());
            assertThat(standing.level()).isEqualTo(TrustLevel.NEW);
            assertThat(standing.grantedByHand()).isFalse();
            assertThat(standing.trust()).as("trust before any recompute").isNull();
        });
        assertThat(first.items().get(0).member()).isEqualTo(pseudonym(ann));
        assertThat(trust().leaderboard(Viewer.anonymous(), community.id(), PageRequest.first(100)).items())
                .isEqualTo(all);
    }

    @Test
    @DisplayName("a cursor of another listing is refused by the leaderboard, and a leaderboard cursor by other listings")
    void foreignCursors() {
        up(voter, post);
        up(author, thread(voter, community));
        up(author, thread(owner, community));
        String members = engine.memberships().members(Viewer.anonymous(), community.id(), MemberState.ACTIVE,
                PageRequest.first(1)).next().orElseThrow();
        String threads = engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.NEW,
                PageRequest.first(1)).next().orElseThrow();
        String board = trust().leaderboard(Viewer.anonymous(), community.id(), PageRequest.first(1)).next().orElseThrow();

        for (String foreign : List.of(members, threads, "not-a-cursor")) {
            FieldViolation violation = assertInvalid("cursor",
                    () -> trust().leaderboard(Viewer.anonymous(), community.id(), PageRequest.after(foreign, 1)));
            assertThat(violation.message()).contains("cursor");
        }
        assertInvalid("cursor", () -> engine.memberships().members(Viewer.anonymous(), community.id(),
                MemberState.ACTIVE, PageRequest.after(board, 1)));
        assertInvalid("cursor", () -> trust().serialVoting(owner, community.id(), PageRequest.after(board, 1)));
        Page<MembershipView> stillPaging = engine.memberships().members(Viewer.anonymous(), community.id(),
                MemberState.ACTIVE, PageRequest.after(members, 1));
        assertThat(stillPaging.items()).hasSize(1);
    }

    @Test
    @DisplayName("a pseudonym without membership stands at 0, NEW and unscored, the same before and after another pseudonym of its account joins; unknown pseudonyms and communities are NOT_FOUND")
    void standingWithoutMembership() {
        Actor outsider = person("outsider");
        Actor alias = otherIdentity(author, "author-alias");
        Standing nobody = trust().standing(Viewer.anonymous(), community.id(), outsider.pseudonym());
        Standing aliasBefore = trust().standing(Viewer.anonymous(), community.id(), alias.pseudonym());

        assertThat(nobody).isEqualTo(new Standing(community.id(), pseudonym(outsider), 0, TrustLevel.NEW, false, null));
        assertThat(aliasBefore).isEqualTo(new Standing(community.id(), pseudonym(alias), 0, TrustLevel.NEW, false, null));
        Actor outsidersAlias = otherIdentity(outsider, "outsider-alias");
        Standing outsiderAliasBefore = trust().standing(Viewer.anonymous(), community.id(), outsidersAlias.pseudonym());
        engine.memberships().join(outsider, JoinCommunity.of(community.id()));
        engine.memberships().leave(outsider, community.id());
        Standing outsiderLeft = trust().standing(Viewer.anonymous(), community.id(), outsider.pseudonym());
        engine.memberships().join(outsidersAlias, JoinCommunity.of(community.id()));
        assertThat(trust().standing(Viewer.anonymous(), community.id(), outsider.pseudonym()))
                .as("the pseudonym that left, once another of its account joined").isEqualTo(outsiderLeft);
        assertThat(outsiderAliasBefore)
                .isEqualTo(new Standing(community.id(), pseudonym(outsidersAlias), 0, TrustLevel.NEW, false, null));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().standing(Viewer.anonymous(), community.id(),
                PseudonymId.of("00000000-0000-7000-8000-000000000000")));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().reputation(PseudonymId.of("00000000-0000-7000-8000-000000000000")));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().leaderboard(Viewer.anonymous(),
                CommunityId.of("00000000-0000-7000-8000-000000000000"), PageRequest.first(5)));
        assertThat(trust().reputation(outsider.pseudonym())).as("reputation of a pseudonym without communities").isZero();
    }

    @Test
    @DisplayName("a PRIVATE community's leaderboard and standings answer NOT_FOUND to outsiders and show to members")
    void privateLeaderboard() {
        CommunityView club = community(owner, "club", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        Actor insider = member(club, owner, "insider");
        up(insider, thread(owner, club));
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.NOT_FOUND, () -> trust().leaderboard(outsider.asViewer(), club.id(), PageRequest.first(5)));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().leaderboard(Viewer.anonymous(), club.id(), PageRequest.first(5)));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().standing(outsider.asViewer(), club.id(), owner.pseudonym()));

        assertThat(trust().leaderboard(insider.asViewer(), club.id(), PageRequest.first(5)).items())
                .extracting(s -> s.member().id(), Standing::reputation)
                .containsExactly(tuple(owner.pseudonym(), 10L));
        assertThat(trust().standing(insider.asViewer(), club.id(), owner.pseudonym()).reputation()).isEqualTo(10);
    }
}
