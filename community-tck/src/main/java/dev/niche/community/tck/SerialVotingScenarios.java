package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.trust.SerialVoting;
import dev.niche.community.trust.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The serial-voting guard: from the 10th vote one account casts on one author's posts within 2 hours,
 * votes are kept and counted on the posts but earn no reputation, and moderators can list who did it.
 */
abstract class SerialVotingScenarios extends TrustScenarios {
    private Actor owner;
    private Actor author;
    private Actor voter;
    private CommunityView community;
    private List<PostView> posts;

    SerialVotingScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void author() {
        owner = person("founder");
        community = openCommunity(owner, "serial");
        author = member(community, owner, "author");
        voter = member(community, owner, "voter");
        posts = threads(author, community, 12);
    }

    /** {@code who} up-votes {@code targets}, one a minute from now on; returns when the last was cast. */
    private Instant upOnePerMinute(Actor who, List<PostView> targets) {
        Instant at = clock.instant();
        for (PostView target : targets) {
            at = clock.advance(Duration.ofMinutes(1));
            assertThat(up(who, target).counted()).as("a serial vote still counts on its post").isTrue();
        }
        return at;
    }

    @Test
    @DisplayName("nine votes on one author within 2 hours earn; the 10th and later are kept and counted on the post but earn nothing")
    void tenthVoteEarnsNothing() {
        upOnePerMinute(voter, posts.subList(0, 9));
        assertReputation(community, author, 90);

        Instant last = upOnePerMinute(voter, posts.subList(9, 11));

        assertReputation(community, author, 90);
        assertThat(reread(posts.get(9)).ups()).isEqualTo(1);
        assertThat(reread(posts.get(10)).ups()).isEqualTo(1);
        assertThat(voteNet(posts.get(8), voter)).isEqualTo(10);
        assertThat(voteNet(posts.get(9), voter)).as("what a held vote holds").isZero();
        List<SerialPair> stored = store.read(tx -> tx.reputation().serialPairs(community.id(), null, 10));
        assertThat(stored).extracting(SerialPair::voter, SerialPair::author, SerialPair::votes, SerialPair::lastAt)
                .containsExactly(tuple(voter.pseudonym(), author.pseudonym(), 2L, last));
        engine.votes().retract(voter, posts.get(9).id());
        assertReputation(community, author, 90);
    }

    @Test
    @DisplayName("the guard holds one voter on one author: the same voter still earns another author points")
    void guardIsPerAuthor() {
        Actor other = member(community, owner, "other-author");
        PostView elsewhere = thread(other, community);
        upOnePerMinute(voter, posts.subList(0, 10));

        up(voter, elsewhere);

        assertReputation(community, author, 90);
        assertReputation(community, other, 10);
    }

    @Test
    @DisplayName("once 2 hours have passed since the voter's last votes on the author, its votes earn again")
    void windowPasses() {
        Instant last = upOnePerMinute(voter, posts.subList(0, 10));
        assertReputation(community, author, 90);

        clock.set(last.plus(Duration.ofHours(2)).plusSeconds(1));
        up(voter, posts.get(10));

        assertReputation(community, author, 100);
    }

    /** A cluster as a scenario expects it. */
    private record Cluster(Actor voter, Actor author, long votes, Instant lastAt) {}

    @Test
    @DisplayName("moderators list the clusters by voter then author, with the votes held and the latest one's time, page by page")
    void moderatorsListClusters() {
        // A guard of 3 votes in an hour builds three clusters from a dozen votes; the default is 10 in 2 hours.
        trust().setPolicy(owner, community.id(),
                TrustPolicy.defaults().withSerialVotes(new TrustPolicy.SerialVotes(3, Duration.ofHours(1))));
        Actor warden = member(community, owner, "warden");
        engine.memberships().changeRole(owner, community.id(), warden.pseudonym(), Role.MODERATOR);
        Actor second = member(community, owner, "second-voter");
        Actor other = member(community, owner, "other-author");
        List<PostView> others = threads(other, community, 3);
        Instant voterOnAuthor = upOnePerMinute(voter, posts.subList(0, 3));
        Instant secondOnAuthor = upOnePerMinute(second, posts.subList(0, 4));
        Instant voterOnOther = upOnePerMinute(voter, others);
        List<Tuple> shown = Stream.of(
                        new Cluster(voter, author, 1, voterOnAuthor),
                        new Cluster(second, author, 2, secondOnAuthor),
                        new Cluster(voter, other, 1, voterOnOther))
                .sorted(Comparator.comparing((Cluster c) -> c.voter().pseudonym())
                        .thenComparing(c -> c.author().pseudonym()))
                .map(c -> tuple(pseudonym(c.voter()), pseudonym(c.author()), c.votes(), c.lastAt()))
                .toList();

        Page<SerialVoting> first = trust().serialVoting(warden, community.id(), PageRequest.first(2));
        Page<SerialVoting> rest = trust().serialVoting(warden, community.id(),
                PageRequest.after(first.next().orElseThrow(), 2));

        assertThat(first.items()).extracting(SerialVoting::voter, SerialVoting::author, SerialVoting::votes,
                SerialVoting::lastAt).containsExactlyElementsOf(shown.subList(0, 2));
        assertThat(rest.items()).extracting(SerialVoting::voter, SerialVoting::author, SerialVoting::votes,
                SerialVoting::lastAt).containsExactlyElementsOf(shown.subList(2, 3));
        assertThat(rest.hasNext()).isFalse();
        assertThat(first.items()).allSatisfy(cluster -> assertThat(cluster.community()).isEqualTo(community.id()));
        assertThat(trust().serialVoting(owner, community.id(), PageRequest.first(10)).items())
                .extracting(SerialVoting::voter, SerialVoting::author, SerialVoting::votes, SerialVoting::lastAt)
                .containsExactlyElementsOf(shown);
        assertReputation(community, author, 20 + 20);
        assertReputation(community, other, 20);
    }

    @Test
    @DisplayName("plain members and outsiders may not list serial voting: FORBIDDEN, and NOT_FOUND in a PRIVATE community")
    void onlyModeratorsList() {
        upOnePerMinute(voter, posts.subList(0, 10));
        CommunityView club = community(owner, "club", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.FORBIDDEN, () -> trust().serialVoting(voter, community.id(), PageRequest.first(10)));
        assertRejected(ErrorCode.FORBIDDEN, () -> trust().serialVoting(author, community.id(), PageRequest.first(10)));
        assertRejected(ErrorCode.FORBIDDEN, () -> trust().serialVoting(outsider, community.id(), PageRequest.first(10)));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().serialVoting(outsider, club.id(), PageRequest.first(10)));
        assertThat(trust().serialVoting(owner, community.id(), PageRequest.first(10)).items()).hasSize(1);
    }
}
