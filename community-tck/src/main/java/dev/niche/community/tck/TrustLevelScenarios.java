package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent.TrustLevelChanged;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.trust.Activity;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.trust.TrustProgress;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Trust levels: earned one at a time from the activity the engine records, by the community's rules;
 * level 3 measured over a sliding window and kept at 90%; level 4 only by the owner's hand.
 */
abstract class TrustLevelScenarios extends TrustScenarios {
    private Actor owner;
    private Actor member;
    private CommunityView community;

    TrustLevelScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void newcomer() {
        owner = person("founder");
        community = openCommunity(owner, "levels");
        member = member(community, owner, "newcomer");
    }

    private TrustLevel read(PostView thread, int posts, Duration time) {
        return trust().recordReading(member, thread.id(), posts, time);
    }

    private TrustLevel visit() {
        return trust().recordVisit(member, community.id());
    }

    private Activity allTime() {
        return trust().progress(member, community.id()).allTime();
    }

    private TrustLevelChanged changed(TrustLevel from, TrustLevel to) {
        return new TrustLevelChanged(community.id(), member.pseudonym(), from, to, clock.instant());
    }

    @Test
    @DisplayName("a fresh member is NEW, with no activity, and a visit counts a day but raises nothing")
    void freshMemberIsNew() {
        Standing standing = standing(community, member);
        TrustProgress progress = trust().progress(member, community.id());

        assertThat(standing).isEqualTo(new Standing(community.id(), pseudonym(member), 0, TrustLevel.NEW, false, null));
        assertThat(progress).isEqualTo(new TrustProgress(community.id(), TrustLevel.NEW, Activity.NONE, Activity.NONE,
                TrustPolicy.defaults()));
        assertThat(visit()).isEqualTo(TrustLevel.NEW);
        assertThat(allTime().daysVisited()).isEqualTo(1);
        assertThat(eventsOf(TrustLevelChanged.class)).isEmpty();
    }

    @Test
    @DisplayName("reading 5 threads, 30 posts, for 10 minutes earns BASIC, with a TrustLevelChanged event; a thread counts once")
    void readingEarnsBasic() {
        List<PostView> threads = threads(owner, community, 5);
        for (int i = 0; i < 4; i++) {
            assertThat(read(threads.get(i), 6, Duration.ofMinutes(2))).isEqualTo(TrustLevel.NEW);
        }
        assertThat(read(threads.get(4), 5, Duration.ofMinutes(2))).as("29 posts read").isEqualTo(TrustLevel.NEW);
        assertThat(read(threads.get(0), 0, Duration.ZERO)).as("a thread entered again").isEqualTo(TrustLevel.NEW);
        assertThat(allTime()).isEqualTo(new Activity(0, 5, 29, Duration.ofMinutes(10), 0, 0, 0));
        assertThat(eventsOf(TrustLevelChanged.class)).isEmpty();
        clock.advance(Duration.ofMinutes(5));

        assertThat(read(threads.get(4), 1, Duration.ZERO)).isEqualTo(TrustLevel.BASIC);

        assertThat(level(community, member)).isEqualTo(TrustLevel.BASIC);
        assertThat(eventsOf(TrustLevelChanged.class)).containsExactly(changed(TrustLevel.NEW, TrustLevel.BASIC));
    }

    @Test
    @DisplayName("a member rises one level per evaluation, even when it meets two levels' requirements at once")
    void oneLevelPerEvaluation() {
        // Requirements small enough that one report meets levels 1 and 2 together.
        TrustPolicy.Levels easy = new TrustPolicy.Levels(
                new Activity(0, 1, 1, Duration.ZERO, 0, 0, 0),
                new Activity(1, 1, 1, Duration.ZERO, 0, 0, 0),
                TrustPolicy.Levels.DEFAULT.regular(), Duration.ofDays(100), 0.9);
        trust().setPolicy(owner, community.id(), TrustPolicy.defaults().withLevels(easy));
        PostView topic = thread(owner, community);
        assertThat(visit()).isEqualTo(TrustLevel.NEW);

        assertThat(read(topic, 1, Duration.ZERO)).isEqualTo(TrustLevel.BASIC);
        assertThat(read(topic, 0, Duration.ZERO)).isEqualTo(TrustLevel.MEMBER);
        assertThat(read(topic, 0, Duration.ZERO)).as("level 3 needs 50 days").isEqualTo(TrustLevel.MEMBER);

        assertThat(eventsOf(TrustLevelChanged.class)).containsExactly(
                changed(TrustLevel.NEW, TrustLevel.BASIC), changed(TrustLevel.BASIC, TrustLevel.MEMBER));
    }

    @Test
    @DisplayName("MEMBER needs 15 distinct days of visits, a vote given and one received, and replies in 3 threads")
    void memberRequirements() {
        List<PostView> threads = threads(owner, community, 20);
        PostView reply = reply(member, threads.get(0));
        reply(member, threads.get(0));
        reply(member, threads.get(1));
        up(member, threads.get(0));
        for (PostView thread : threads) {
            read(thread, 5, Duration.ofMinutes(3));
        }
        assertThat(level(community, member)).isEqualTo(TrustLevel.BASIC);
        visit();
        visit();
        for (int day = 1; day < 14; day++) {
            clock.advance(Duration.ofDays(1));
            assertThat(visit()).isEqualTo(TrustLevel.BASIC);
        }
        assertThat(allTime()).as("after 14 days, one visited twice")
                .isEqualTo(new Activity(14, 20, 100, Duration.ofHours(1), 1, 0, 2));
        clock.advance(Duration.ofDays(1));
        assertThat(visit()).as("15 days, but no vote received and replies in 2 threads").isEqualTo(TrustLevel.BASIC);

        up(owner, reply);
        assertThat(visit()).as("replies in 2 threads").isEqualTo(TrustLevel.BASIC);
        reply(member, threads.get(2));
        assertThat(visit()).isEqualTo(TrustLevel.MEMBER);

        assertThat(allTime()).isEqualTo(new Activity(15, 20, 100, Duration.ofHours(1), 1, 1, 3));
        assertThat(lastEvent(TrustLevelChanged.class)).isEqualTo(changed(TrustLevel.BASIC, TrustLevel.MEMBER));
    }

    @Test
    @DisplayName("REGULAR is earned over the 100-day window, kept while 90% of each requirement holds, and lost below it")
    void regularOverTheWindow() {
        // Level 3 asks for 10 days and 100 posts in 100 days, so that 90% (9 days) differs from the bar;
        // levels 1 and 2 ask for nothing, so the first two evaluations reach level 2.
        TrustPolicy.Levels small = new TrustPolicy.Levels(Activity.NONE, Activity.NONE,
                new Activity(10, 0, 100, Duration.ZERO, 0, 0, 0), Duration.ofDays(100), 0.9);
        trust().setPolicy(owner, community.id(), TrustPolicy.defaults().withLevels(small));
        PostView topic = thread(owner, community);
        Instant dayZero = clock.instant();
        for (int day = 0; day < 10; day++) {
            clock.set(dayZero.plus(Duration.ofDays(day)));
            visit();
        }
        assertThat(level(community, member)).as("10 days but no posts read").isEqualTo(TrustLevel.MEMBER);
        assertThat(read(topic, 90, Duration.ZERO)).as("90 posts read").isEqualTo(TrustLevel.MEMBER);

        assertThat(read(topic, 10, Duration.ZERO)).isEqualTo(TrustLevel.REGULAR);
        assertThat(lastEvent(TrustLevelChanged.class)).isEqualTo(changed(TrustLevel.MEMBER, TrustLevel.REGULAR));

        clock.set(dayZero.plus(Duration.ofDays(100)));
        assertThat(read(topic, 0, Duration.ZERO)).as("9 of the window's days visited: 90%").isEqualTo(TrustLevel.REGULAR);
        TrustProgress progress = trust().progress(member, community.id());
        assertThat(progress.recent().daysVisited()).isEqualTo(9);
        assertThat(progress.allTime().daysVisited()).isEqualTo(10);
        assertThat(progress.recent().postsRead()).isEqualTo(100);

        clock.set(dayZero.plus(Duration.ofDays(101)));
        assertThat(read(topic, 0, Duration.ZERO)).as("8 of the window's days visited").isEqualTo(TrustLevel.MEMBER);
        assertThat(lastEvent(TrustLevelChanged.class)).isEqualTo(changed(TrustLevel.REGULAR, TrustLevel.MEMBER));

        clock.set(dayZero.plus(Duration.ofDays(400)));
        assertThat(read(topic, 0, Duration.ZERO)).as("level 2 is never lost").isEqualTo(TrustLevel.MEMBER);
        assertThat(eventsOf(TrustLevelChanged.class)).extracting(TrustLevelChanged::to).containsExactly(
                TrustLevel.BASIC, TrustLevel.MEMBER, TrustLevel.REGULAR, TrustLevel.MEMBER);
    }

    @Test
    @DisplayName("BASIC is never lost, however long the member stays away")
    void basicIsKept() {
        raiseToBasic(community, member, threads(owner, community, 5));
        clock.advance(Duration.ofDays(400));

        assertThat(visit()).isEqualTo(TrustLevel.BASIC);
        assertThat(eventsOf(TrustLevelChanged.class)).hasSize(1);
    }

    @Test
    @DisplayName("only the owner grants LEADER, which the rules then leave alone; revoking returns to REGULAR and the rules apply again")
    void leaderByHand() {
        Actor warden = member(community, owner, "warden");
        engine.memberships().changeRole(owner, community.id(), warden.pseudonym(), Role.MODERATOR);
        List<Object> before = storeState(List.of(community), List.of(owner, member, warden));

        assertRejected(ErrorCode.FORBIDDEN, () -> trust().grantLeader(warden, community.id(), member.pseudonym()));
        assertRejected(ErrorCode.FORBIDDEN, () -> trust().grantLeader(member, community.id(), member.pseudonym()));
        assertRejected(ErrorCode.FORBIDDEN, () -> trust().revokeLeader(warden, community.id(), member.pseudonym()));
        assertThat(storeState(List.of(community), List.of(owner, member, warden))).isEqualTo(before);

        Standing granted = trust().grantLeader(owner, community.id(), member.pseudonym());
        assertThat(granted.level()).isEqualTo(TrustLevel.LEADER);
        assertThat(granted.grantedByHand()).isTrue();
        assertThat(lastEvent(TrustLevelChanged.class)).isEqualTo(changed(TrustLevel.NEW, TrustLevel.LEADER));
        assertThat(visit()).as("the rules leave a granted level alone").isEqualTo(TrustLevel.LEADER);
        assertThat(trust().progress(member, community.id()).level()).isEqualTo(TrustLevel.LEADER);

        Standing revoked = trust().revokeLeader(owner, community.id(), member.pseudonym());
        assertThat(revoked.level()).isEqualTo(TrustLevel.REGULAR);
        assertThat(revoked.grantedByHand()).isFalse();
        assertThat(lastEvent(TrustLevelChanged.class)).isEqualTo(changed(TrustLevel.LEADER, TrustLevel.REGULAR));

        assertThat(visit()).as("a fresh member does not keep level 3").isEqualTo(TrustLevel.MEMBER);
        assertThat(lastEvent(TrustLevelChanged.class)).isEqualTo(changed(TrustLevel.REGULAR, TrustLevel.MEMBER));
    }

    @Test
    @DisplayName("granting LEADER to a pseudonym without an active membership is a CONFLICT")
    void leaderNeedsMembership() {
        Actor outsider = person("outsider");
        Actor leaver = member(community, owner, "leaver");
        engine.memberships().leave(leaver, community.id());

        assertRejected(ErrorCode.CONFLICT, () -> trust().grantLeader(owner, community.id(), outsider.pseudonym()));
        assertRejected(ErrorCode.CONFLICT, () -> trust().grantLeader(owner, community.id(), leaver.pseudonym()));
        assertRejected(ErrorCode.CONFLICT, () -> trust().grantLeader(owner, community.id(),
                PseudonymId.of("00000000-0000-7000-8000-000000000000")));
    }

    @Test
    @DisplayName("a reading report over 500 posts, or of negative time or over an hour, is INVALID_INPUT and writes nothing")
    void readingValidation() {
        PostView topic = thread(owner, community);
        List<Object> before = storeState(List.of(community), List.of(owner, member));

        assertInvalid("postsRead", () -> read(topic, 501, Duration.ZERO));
        assertInvalid("postsRead", () -> read(topic, -1, Duration.ZERO));
        assertInvalid("readingTime", () -> read(topic, 1, Duration.ofSeconds(-1)));
        assertInvalid("readingTime", () -> read(topic, 1, Duration.ofHours(1).plusSeconds(1)));

        assertThat(storeState(List.of(community), List.of(owner, member))).isEqualTo(before);
        assertThat(read(topic, 500, Duration.ofHours(1))).isEqualTo(TrustLevel.NEW);
        assertThat(allTime()).isEqualTo(new Activity(0, 1, 500, Duration.ofHours(1), 0, 0, 0));
    }

    @Test
    @DisplayName("visits, reading and progress need an active membership under the member's pseudonym; PRIVATE is NOT_FOUND to outsiders")
    void activityNeedsMembership() {
        PostView topic = thread(owner, community);
        Actor outsider = person("outsider");
        Actor alias = otherIdentity(member, "newcomer-alias");
        Actor leaver = member(community, owner, "leaver");
        engine.memberships().leave(leaver, community.id());
        CommunityView club = community(owner, "club", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        PostView secret = thread(owner, club);
        List<Object> before = storeState(List.of(community, club), List.of(owner, member, outsider, leaver));

        for (Actor stranger : List.of(outsider, alias, leaver)) {
            assertRejected(ErrorCode.FORBIDDEN, () -> trust().recordVisit(stranger, community.id()));
            assertRejected(ErrorCode.FORBIDDEN, () -> trust().recordReading(stranger, topic.id(), 1, Duration.ZERO));
            assertRejected(ErrorCode.FORBIDDEN, () -> trust().progress(stranger, community.id()));
        }
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().recordVisit(outsider, club.id()));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().recordReading(outsider, secret.id(), 1, Duration.ZERO));
        assertRejected(ErrorCode.NOT_FOUND, () -> trust().progress(outsider, club.id()));

        assertThat(storeState(List.of(community, club), List.of(owner, member, outsider, leaver))).isEqualTo(before);
    }

    @Test
    @DisplayName("progress shows what was counted: days, threads entered, posts, time, counted up votes given and received, replies")
    void progressShowsCounts() {
        PostView mine = thread(member, community);
        PostView talk = thread(owner, community);
        PostView read = thread(owner, community);
        PostView answer = reply(member, talk);
        trust().recordReading(member, read.id(), 7, Duration.ofSeconds(90));
        visit();
        visit();
        up(member, talk);
        Actor alias = otherIdentity(member, "newcomer-alias");
        assertRejected(ErrorCode.FORBIDDEN, () -> up(alias, mine));
        up(owner, mine);
        vote(owner, answer, Direction.DOWN);

        TrustProgress progress = trust().progress(member, community.id());

        Activity expected = new Activity(1, 3, 7, Duration.ofSeconds(90), 1, 1, 1);
        assertThat(progress.level()).isEqualTo(TrustLevel.NEW);
        assertThat(progress.allTime()).isEqualTo(expected);
        assertThat(progress.recent()).isEqualTo(expected);
        assertThat(progress.policy()).isEqualTo(TrustPolicy.defaults());
        assertThat(trust().progress(owner, community.id()).allTime())
                .as("the owner's: two threads started, one up vote given and one received; down votes are not counted")
                .isEqualTo(new Activity(0, 2, 0, Duration.ZERO, 1, 1, 0));
    }
}
