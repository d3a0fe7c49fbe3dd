package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.Interaction;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.TrustTable}: activity, thread visits, levels, policies, scores and endorsements. */
abstract class TrustRules extends RuleFamily {
    private static final long DAY = Rows.T0.getEpochSecond() / 86_400;

    private final PseudonymRecord member = Rows.pseudonym(Rows.account(), "member");
    private final PseudonymRecord memberAgain = Rows.pseudonym(member.account(), "member-again");
    private final PseudonymRecord friend = Rows.pseudonym(Rows.account(), "friend");
    private final PseudonymRecord stranger = Rows.pseudonym(Rows.account(), "stranger");
    private final CommunityRecord here = Rows.community("trust");
    private final CommunityRecord elsewhere = Rows.community("trust-elsewhere");
    private final PostRecord thread = Rows.thread(here, friend, Rows.T0);
    private final PostRecord secondThread = Rows.thread(here, friend, Rows.at(1));
    private final PostRecord thirdThread = Rows.thread(here, member, Rows.at(2));
    private final PostRecord awayThread = Rows.thread(elsewhere, friend, Rows.at(3));

    TrustRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeCommunities() {
        given(tx -> {
            List.of(member, memberAgain, friend, stranger).forEach(tx.pseudonyms()::insert);
            tx.communities().insert(here);
            tx.communities().insert(elsewhere);
            List.of(thread, secondThread, thirdThread, awayThread).forEach(tx.posts()::insert);
        });
    }

    private static ActivityRecord day(CommunityRecord community, PseudonymRecord who, long day, boolean visited,
            long postsRead, long readingSeconds, long votesGiven, long votesReceived) {
        return new ActivityRecord(community.id(), who.account(), day, visited, postsRead, readingSeconds, votesGiven,
                votesReceived);
    }

    private static Activity activity(long daysVisited, long threadsEntered, long postsRead, long readingSeconds,
            long votesGiven, long votesReceived, long threadsRepliedTo) {
        return new Activity(daysVisited, threadsEntered, postsRead, Duration.ofSeconds(readingSeconds), votesGiven,
                votesReceived, threadsRepliedTo);
    }

    private Activity activityOf(PseudonymRecord who, long fromDay) {
        return committed().trust().activity(here.id(), who.account(), fromDay);
    }

    /** If this fails, check that addActivity is an upsert on (community, account, day) that adds every count to the stored one and ors visited ({@code visited = visited OR ?}), in 64 bits. */
    @Test
    @DisplayName("changes to one day's activity add up, within a unit of work and across them, and a day once visited stays visited")
    void activityAddsUp() {
        given(tx -> {
            tx.trust().addActivity(day(here, member, DAY, true, 3, 60, 1, 2));
            tx.trust().addActivity(day(here, member, DAY, false, 2, 30, 0, 1));
        });
        committing().trust().addActivity(day(here, member, DAY + 1, false, 1, 10, 0, 0));
        committing().trust().addActivity(day(here, member, DAY + 1, true, 0, 3_000_000_000L, 0, 0));
        committing().trust().addActivity(day(here, member, DAY + 2, false, 1, 0, 0, 0));
        committing().trust().addActivity(day(here, member, DAY + 2, false, 0, 0, 4, 0));

        assertThat(activityOf(member, DAY)).isEqualTo(activity(2, 0, 7, 3_000_000_100L, 5, 3, 0));
        assertThat(activityOf(member, DAY + 1)).isEqualTo(activity(1, 0, 2, 3_000_000_010L, 4, 0, 0));
        assertThat(activityOf(member, DAY + 2)).isEqualTo(activity(0, 0, 1, 0, 4, 0, 0));
    }

    /** If this fails, check that activity filters on community, account and {@code day >= fromDay}, sums the counts and counts visited days only. */
    @Test
    @DisplayName("activity counts the member's own days in the community from fromDay on, that day included; none is all zeros")
    void activityFromDay() {
        given(tx -> {
            tx.trust().addActivity(day(here, member, DAY - 1, true, 1, 10, 1, 1));
            tx.trust().addActivity(day(here, member, DAY, true, 2, 20, 0, 2));
            tx.trust().addActivity(day(here, member, DAY + 1, false, 4, 40, 3, 0));
            tx.trust().addActivity(day(here, friend, DAY, true, 100, 100, 100, 100));
            tx.trust().addActivity(day(elsewhere, member, DAY, true, 100, 100, 100, 100));
        });

        assertThat(activityOf(member, DAY - 1)).isEqualTo(activity(2, 0, 7, 70, 4, 3, 0));
        assertThat(activityOf(member, DAY)).isEqualTo(activity(1, 0, 6, 60, 3, 2, 0));
        assertThat(activityOf(member, DAY + 1)).isEqualTo(activity(0, 0, 4, 40, 3, 0, 0));
        assertThat(activityOf(member, DAY + 2)).isEqualTo(Activity.NONE);
        assertThat(activityOf(stranger, DAY - 1)).isEqualTo(Activity.NONE);
        assertThat(committed().trust().activity(elsewhere.id(), member.account(), DAY))
                .isEqualTo(activity(1, 0, 100, 100, 100, 100, 0));
    }

    /** If this fails, check that addActivity is one atomic upsert that adds in the database ({@code SET posts_read = posts_read + ?}), and that a first insert racing another one does not fail. */
    @Test
    @DisplayName("8 threads adding to two days' activity at once, from no row at all, lose nothing")
    void activityLosesNothing() {
        int perThread = 25;
        List<Race.Outcome<Void>> outcomes = Race.run(Race.THREADS, t -> {
            for (int n = 0; n < perThread; n++) {
                ActivityRecord change = change(t, n);
                writeRetrying(tx -> {
                    tx.trust().addActivity(change);
                    return Boolean.TRUE;
                });
            }
            return null;
        });

        Race.assertAllSucceeded(outcomes);
        Map<Long, long[]> sums = new HashMap<>();
        Map<Long, Boolean> visited = new HashMap<>();
        for (int t = 0; t < Race.THREADS; t++) {
            for (int n = 0; n < perThread; n++) {
                ActivityRecord c = change(t, n);
                long[] sum = sums.computeIfAbsent(c.day(), d -> new long[4]);
                sum[0] += c.postsRead();
                sum[1] += c.readingSeconds();
                sum[2] += c.votesGiven();
                sum[3] += c.votesReceived();
                visited.merge(c.day(), c.visited(), Boolean::logicalOr);
            }
        }
        long[] day = Objects.requireNonNull(sums.get(DAY), "the first day");
        long[] later = Objects.requireNonNull(sums.get(DAY + 1), "the second day");
        long[] both = {day[0] + later[0], day[1] + later[1], day[2] + later[2], day[3] + later[3]};
        assertThat(visited).containsEntry(DAY, true).containsEntry(DAY + 1, true);
        assertThat(activityOf(member, DAY)).isEqualTo(activity(2, 0, both[0], both[1], both[2], both[3], 0));
        assertThat(activityOf(member, DAY + 1)).isEqualTo(activity(1, 0, later[0], later[1], later[2], later[3], 0));
    }

    /** The {@code n}th change of racing thread {@code t}: every fifth on the next day, two of them visits. */
    private ActivityRecord change(int t, int n) {
        long on = n % 5 == 0 ? DAY + 1 : DAY;
        boolean visit = (t == 3 && n == 7) || (t == 5 && n == 10);
        return day(here, member, on, visit, 1, t + 1, n % 2, 2);
    }

    /** If this fails, check that touchThread keeps the greater of the stored and given day, for entering and replying separately, and leaves the other kind's day as it was (null if never touched). */
    @Test
    @DisplayName("a thread's last entered and last replied days each keep the latest day touched, independently")
    void touchThreadKeepsLatest() {
        committing().trust().touchThread(here.id(), member.account(), thread.id(), DAY + 10, false);
        committing().trust().touchThread(here.id(), member.account(), thread.id(), DAY + 8, false);
        given(tx -> {
            tx.trust().touchThread(here.id(), member.account(), thread.id(), DAY + 5, true);
            tx.trust().touchThread(here.id(), member.account(), thread.id(), DAY + 7, true);
            tx.trust().touchThread(here.id(), member.account(), thread.id(), DAY + 6, true);
        });
        committing().trust().touchThread(here.id(), member.account(), secondThread.id(), DAY + 9, true);
        committing().trust().touchThread(here.id(), member.account(), thirdThread.id(), DAY + 3, false);
        committing().trust().touchThread(here.id(), friend.account(), thread.id(), DAY + 20, false);
        committing().trust().touchThread(elsewhere.id(), member.account(), awayThread.id(), DAY + 20, true);
        committing().trust().touchThread(elsewhere.id(), member.account(), awayThread.id(), DAY + 20, false);

        assertThat(activityOf(member, DAY + 10)).as("from the day the first thread was last entered")
                .isEqualTo(activity(0, 1, 0, 0, 0, 0, 0));
        assertThat(activityOf(member, DAY + 9)).isEqualTo(activity(0, 1, 0, 0, 0, 0, 1));
        assertThat(activityOf(member, DAY + 7)).as("from the day the first thread was last replied in")
                .isEqualTo(activity(0, 1, 0, 0, 0, 0, 2));
        assertThat(activityOf(member, DAY + 3)).isEqualTo(activity(0, 2, 0, 0, 0, 0, 2));
        assertThat(activityOf(member, DAY + 11)).isEqualTo(Activity.NONE);
        assertThat(activityOf(friend, DAY)).isEqualTo(activity(0, 1, 0, 0, 0, 0, 0));
        assertThat(committed().trust().activity(elsewhere.id(), member.account(), DAY))
                .isEqualTo(activity(0, 1, 0, 0, 0, 0, 1));
    }

    /** If this fails, check that putLevel is an upsert on (community, account) that writes every column, and that levels filters on the community and the accounts given. */
    @Test
    @DisplayName("a level is stored, replaced, and looked up in batch per community, members without one left out")
    void levelsStoredAndReplaced() {
        LevelRecord first = new LevelRecord(here.id(), member.account(), TrustLevel.BASIC, false, Rows.T0);
        LevelRecord replaced = new LevelRecord(here.id(), member.account(), TrustLevel.LEADER, true, Rows.at(5));
        LevelRecord friends = new LevelRecord(here.id(), friend.account(), TrustLevel.MEMBER, false, Rows.at(1));
        LevelRecord away = new LevelRecord(elsewhere.id(), member.account(), TrustLevel.REGULAR, false, Rows.at(2));
        assertThat(committed().trust().level(here.id(), member.account())).isEmpty();

        committing().trust().putLevel(first);
        assertThat(committed().trust().level(here.id(), member.account())).contains(first);
        given(tx -> {
            tx.trust().putLevel(replaced);
            tx.trust().putLevel(friends);
            tx.trust().putLevel(away);
        });

        assertThat(committed().trust().level(here.id(), member.account())).contains(replaced);
        assertThat(committed().trust().level(here.id(), stranger.account())).isEmpty();
        assertThat(committed().trust().levels(here.id(), List.of(member.account(), friend.account(), stranger.account())))
                .containsOnlyKeys(member.account(), friend.account())
                .containsEntry(member.account(), replaced)
                .containsEntry(friend.account(), friends);
        assertThat(committed().trust().levels(elsewhere.id(), List.of(member.account(), friend.account())))
                .containsOnlyKeys(member.account()).containsEntry(member.account(), away);
        assertThat(committed().trust().levels(here.id(), List.of())).isEmpty();
    }

    /** A policy text of some kilobytes in the engine's form: a version line, then key=value lines. */
    private static String longPolicy() {
        StringBuilder text = new StringBuilder("niche-trust-policy 1\n");
        for (int i = 0; text.length() < 6_000; i++) {
            text.append("levels.setting").append(i).append('=').append(i * 37 % 1000).append(".25\n");
        }
        return text.toString();
    }

    /** If this fails, check that putPolicy is an upsert keyed by community into a text column long enough for some kilobytes, kept exactly, trailing newline included. */
    @Test
    @DisplayName("a policy is absent until stored, then read back exactly, some kilobytes long, and replaced by the next")
    void policyStoredAndReplaced() {
        String policy = longPolicy();
        String shorter = "niche-trust-policy 1\nreputation.upvote=10\n";
        assertThat(committed().trust().policy(here.id())).isEmpty();

        committing().trust().putPolicy(here.id(), policy);
        assertThat(committed().trust().policy(here.id())).contains(policy);
        committing().trust().putPolicy(here.id(), shorter);

        assertThat(committed().trust().policy(here.id())).contains(shorter);
        assertThat(committed().trust().policy(elsewhere.id())).isEmpty();
    }

    /** If this fails, check that replaceScores deletes every score of the community, and only of that community, before inserting the new ones, and that scores are stored as 64-bit doubles. */
    @Test
    @DisplayName("replacing a community's scores drops every account left out, keeps other communities', and stores doubles exactly")
    void scoresReplaced() {
        AccountId a = member.account();
        AccountId b = friend.account();
        AccountId c = stranger.account();
        given(tx -> {
            tx.trust().replaceScores(here.id(), Map.of(a, 0.25, b, 1.0 / 3));
            tx.trust().replaceScores(elsewhere.id(), Map.of(a, 0.9));
        });
        assertThat(committed().trust().scores(here.id(), List.of(a, b, c))).isEqualTo(Map.of(a, 0.25, b, 1.0 / 3));

        committing().trust().replaceScores(here.id(), Map.of(b, 0.125, c, 1e-9 / 7));

        assertThat(committed().trust().scores(here.id(), List.of(a, b, c))).isEqualTo(Map.of(b, 0.125, c, 1e-9 / 7));
        assertThat(committed().trust().scores(elsewhere.id(), List.of(a, b, c))).isEqualTo(Map.of(a, 0.9));
        committing().trust().replaceScores(here.id(), Map.of());
        assertThat(committed().trust().scores(here.id(), List.of(a, b, c))).isEmpty();
        assertThat(committed().trust().scores(elsewhere.id(), List.of())).isEmpty();
    }

    /** If this fails, check that replaceScores writes in batches and that scores looks up many accounts at once (chunked if the database limits parameters), missing ones left out. */
    @Test
    @DisplayName("ten thousand scores replaced at once all read back exactly, in one batch lookup with missing accounts")
    void manyScores() {
        Map<AccountId, Double> scores = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            scores.put(Rows.account(), (i + 1) / 7.0 / 10_000);
        }
        committing().trust().replaceScores(here.id(), scores);
        List<AccountId> asked = new ArrayList<>(scores.keySet());
        for (int i = 0; i < 5; i++) {
            asked.add(Rows.account());
        }

        assertThat(committed().trust().scores(here.id(), asked)).isEqualTo(scores);
    }

    /** If this fails, check the interactions query: every vote on the community's posts and every reply in it to one of its posts, grouped by voter or reply author, post author, kind, counted and which posts are deleted, with exact counts; self pairs kept, other communities left out. */
    @Test
    @DisplayName("interactions count every vote and reply between accounts exactly, grouped by kind, counted and deleted posts, self pairs included, other communities left out")
    void interactionsExact() {
        PostRecord byFriend = Rows.thread(here, friend, Rows.at(10));
        PostRecord deletedByFriend = Rows.thread(here, friend, Rows.at(11));
        PostRecord byStranger = Rows.thread(here, stranger, Rows.at(12));
        PostRecord byMember = Rows.thread(here, member, Rows.at(13));
        PostRecord awayByFriend = Rows.thread(elsewhere, friend, Rows.at(14));
        PostRecord strangerToFriend = Rows.reply(byFriend, stranger, Rows.at(20));
        PostRecord deletedStrangerToFriend = Rows.reply(byFriend, stranger, Rows.at(21));
        PostRecord strangerToDeleted = Rows.reply(deletedByFriend, stranger, Rows.at(22));
        PostRecord friendToStranger = Rows.reply(strangerToFriend, friend, Rows.at(23));
        PostRecord memberToStranger = Rows.reply(strangerToFriend, member, Rows.at(24));
        PostRecord memberToSelf = Rows.reply(byMember, memberAgain, Rows.at(25));
        PostRecord friendToMember = Rows.reply(byMember, friend, Rows.at(26));
        PostRecord memberAway = Rows.reply(awayByFriend, member, Rows.at(27));
        given(tx -> {
            List.of(byFriend, deletedByFriend, byStranger, byMember, awayByFriend, strangerToFriend,
                    deletedStrangerToFriend, strangerToDeleted, friendToStranger, memberToStranger, memberToSelf,
                    friendToMember, memberAway).forEach(tx.posts()::insert);
            tx.posts().update(deletedByFriend.asTombstone());
            tx.posts().update(deletedStrangerToFriend.asTombstone());
            List.of(vote(byFriend, member, Direction.UP, true), vote(thread, memberAgain, Direction.UP, true),
                    vote(deletedByFriend, member, Direction.UP, true), vote(byStranger, member, Direction.DOWN, true),
                    vote(byFriend, stranger, Direction.UP, false), vote(byMember, memberAgain, Direction.UP, true),
                    vote(awayByFriend, member, Direction.UP, true), vote(byMember, friend, Direction.UP, true),
                    vote(strangerToFriend, friend, Direction.UP, true), vote(byMember, stranger, Direction.DOWN, true))
                    .forEach(tx.votes()::insert);
        });

        AccountId m = member.account();
        AccountId f = friend.account();
        AccountId s = stranger.account();
        assertThat(committed().trust().interactions(here.id())).containsExactlyInAnyOrder(
                Interaction.vote(m, f, Direction.UP, true, false, 2),
                Interaction.vote(m, f, Direction.UP, true, true, 1),
                Interaction.vote(m, s, Direction.DOWN, true, false, 1),
                Interaction.vote(s, f, Direction.UP, false, false, 1),
                Interaction.vote(m, m, Direction.UP, true, false, 1),
                Interaction.vote(f, m, Direction.UP, true, false, 1),
                Interaction.vote(f, s, Direction.UP, true, false, 1),
                Interaction.vote(s, m, Direction.DOWN, true, false, 1),
                Interaction.reply(s, f, false, false, 1),
                Interaction.reply(s, f, true, false, 1),
                Interaction.reply(s, f, false, true, 1),
                Interaction.reply(f, s, false, false, 1),
                Interaction.reply(m, s, false, false, 1),
                Interaction.reply(m, m, false, false, 1),
                Interaction.reply(f, m, false, false, 1));
        assertThat(committed().trust().interactions(elsewhere.id())).containsExactlyInAnyOrder(
                Interaction.vote(m, f, Direction.UP, true, false, 1),
                Interaction.reply(m, f, false, false, 1));
    }

    private static VoteRecord vote(PostRecord post, PseudonymRecord voter, Direction direction, boolean counted) {
        return new VoteRecord(post.id(), voter.account(), voter.id(), direction, counted, Rows.T0);
    }

    /** Everything the rules can read of the trust tables of {@link #here}. */
    private List<Object> everything(StoreTransaction tx) {
        CommunityId community = here.id();
        return List.of(tx.trust().activity(community, member.account(), DAY),
                tx.trust().levels(community, List.of(member.account(), friend.account())),
                tx.trust().policy(community),
                tx.trust().scores(community, List.of(member.account(), friend.account())),
                tx.trust().interactions(community));
    }

    /** If this fails, check that the trust tables are written on the unit of work's own connection and transaction, so that a rollback takes them back. */
    @Test
    @DisplayName("a unit of work that writes to every trust table, then throws, leaves nothing behind")
    void failedWorkLeavesNothing() {
        given(tx -> {
            tx.trust().addActivity(day(here, member, DAY, false, 1, 1, 1, 1));
            tx.trust().putLevel(new LevelRecord(here.id(), member.account(), TrustLevel.BASIC, false, Rows.T0));
            tx.trust().putPolicy(here.id(), "niche-trust-policy 1\n");
            tx.trust().replaceScores(here.id(), Map.of(member.account(), 0.5));
        });
        List<Object> before = everything(committed());
        RuntimeException boom = new IllegalStateException("the command failed after its writes");

        Throwable thrown = catchThrowable(() -> given(tx -> {
            tx.trust().addActivity(day(here, member, DAY, true, 5, 5, 5, 5));
            tx.trust().touchThread(here.id(), member.account(), thread.id(), DAY, false);
            tx.trust().touchThread(here.id(), member.account(), thread.id(), DAY, true);
            tx.trust().putLevel(new LevelRecord(here.id(), member.account(), TrustLevel.MEMBER, false, Rows.at(1)));
            tx.trust().putLevel(new LevelRecord(here.id(), friend.account(), TrustLevel.MEMBER, false, Rows.at(1)));
            tx.trust().putPolicy(here.id(), longPolicy());
            tx.trust().replaceScores(here.id(), Map.of(friend.account(), 0.75));
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(everything(committed())).isEqualTo(before);
    }

    /** If this fails, check that trust reads run on the unit of work's own connection, so that they see its uncommitted writes. */
    @Test
    @DisplayName("reads inside a unit of work see its own activity, levels, policy and scores")
    void readsSeeOwnWrites() {
        LevelRecord level = new LevelRecord(here.id(), member.account(), TrustLevel.MEMBER, false, Rows.T0);

        List<Object> seen = write(tx -> {
            tx.trust().addActivity(day(here, member, DAY, true, 2, 30, 1, 0));
            tx.trust().touchThread(here.id(), member.account(), thread.id(), DAY, true);
            tx.trust().putLevel(level);
            tx.trust().putPolicy(here.id(), "niche-trust-policy 1\n");
            tx.trust().replaceScores(here.id(), Map.of(friend.account(), 0.75));
            return everything(tx);
        });

        assertThat(seen).containsExactly(activity(1, 0, 2, 30, 1, 0, 1), Map.of(member.account(), level),
                Optional.of("niche-trust-policy 1\n"), Map.of(friend.account(), 0.75), List.of());
    }
}
