package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.trust.Trust;
import dev.niche.community.trust.TrustLevel;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Members coming back and reading, as only the host application sees it, reported to the engine
 * with {@link Trust#recordVisit} and {@link Trust#recordReading}. Trust levels rise from these reports
 * by the community's rules, and the story remembers the level each report returns.
 *
 * <p>A member reports a visit once a day, when it first comes by, and reads a thread (reported once a
 * day per thread) before replying or voting in it. On days without taking part, a member still comes
 * by to read with the chance of its {@link Person#loyalty()}.
 */
final class Attendance {
    /** The most threads a member reads when it comes by only to read. */
    static final int MOST_THREADS_BROWSED = 3;
    /** The engine takes at most this many posts in one reading report. */
    private static final int MOST_POSTS_PER_REPORT = 500;
    private static final Duration MOST_READING_PER_REPORT = Duration.ofHours(1);

    private record Visit(CommunityId community, AccountId account) {}

    private record Reading(PostId thread, AccountId account) {}

    private final World world;
    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final Set<Visit> visitedToday = new HashSet<>();
    private final Set<Reading> readToday = new HashSet<>();
    private long today = -1;

    Attendance(World world) {
        this.world = world;
        this.engine = world.engine();
        this.random = world.random();
    }

    /** Schedules the day's visits of members who come by only to read, between 07:00 and 23:30. */
    void planDay(LiveCommunity community, int day) {
        for (LiveCommunity.Member member : community.members()) {
            if (!member.person().scripted() && random.nextDouble() < member.person().loyalty()) {
                world.agenda().at(world.sometime(day, 7 * 60, 23 * 60 + 30), () -> browse(community, member));
            }
        }
    }

    /** A member comes by and reads one to {@value #MOST_THREADS_BROWSED} threads people are reading now. */
    void browse(LiveCommunity community, LiveCommunity.Member member) {
        visit(community, member);
        int threads = 1 + random.nextInt(MOST_THREADS_BROWSED);
        for (int i = 0; i < threads; i++) {
            Optional<LiveCommunity.Thread> thread = community.pickThread(random, world.now(), false);
            if (thread.isEmpty()) {
                return;
            }
            read(community, member, thread.get());
        }
    }

    /** Reports the member's visit to the community, once a day. */
    void visit(LiveCommunity community, LiveCommunity.Member member) {
        turnOfDay();
        if (visitedToday.add(new Visit(community.id(), member.person().account()))) {
            community.leveled(member, engine.trust().recordVisit(member.actor(), community.id()));
        }
    }

    /**
     * Reports that the member read {@code thread}, visiting first; a thread read already today is not
     * reported again. The member reads every post in it, a few seconds to half a minute each.
     */
    void read(LiveCommunity community, LiveCommunity.Member member, LiveCommunity.Thread thread) {
        visit(community, member);
        if (!readToday.add(new Reading(thread.root(), member.person().account()))) {
            return;
        }
        int posts = Math.min(MOST_POSTS_PER_REPORT, 1 + thread.replies().size());
        long seconds = 15 + (long) posts * (5 + random.nextInt(25));
        Duration time = Duration.ofSeconds(Math.min(seconds, MOST_READING_PER_REPORT.toSeconds()));
        TrustLevel level = engine.trust().recordReading(member.actor(), thread.root(), posts, time);
        community.leveled(member, level);
    }

    private void turnOfDay() {
        long day = Duration.between(World.START, world.now()).toDays();
        if (day != today) {
            today = day;
            visitedToday.clear();
            readToday.clear();
        }
    }
}
