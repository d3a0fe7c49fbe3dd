package dev.niche.community.inmemory;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.Interaction;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.trust.Activity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Members' activity, trust levels, trust scores and policies.
 *
 * <p>A member's activity is kept as its days in day order, so that a window is a tail of them, and as
 * the last entered and last replied day of each thread it touched. Beside those, a count of threads
 * by last entered day, and another by last replied day, answer how many threads a window holds
 * without visiting each thread; a touch that moves a thread's day moves it between counts.
 *
 * <p>Endorsements are not stored: they are read from the community's posts and votes, as a batch job
 * asks for them rarely and must see the votes as they are.
 */
final class TrustRows {
    private final PostRows posts;
    private final VoteRows votes;
    private final HashMap<Member, MemberActivity> activity = new HashMap<>();
    private final HashMap<Member, LevelRecord> levels = new HashMap<>();
    private final HashMap<CommunityId, String> policies = new HashMap<>();
    private final HashMap<CommunityId, HashMap<AccountId, Double>> scores = new HashMap<>();

    TrustRows(PostRows posts, VoteRows votes) {
        this.posts = posts;
        this.votes = votes;
    }

    private record Member(CommunityId community, AccountId account) {}

    /** A thread's last entered and last replied days; null until touched that way. */
    private record ThreadDays(@Nullable Long entered, @Nullable Long replied) {}

    /** One member's activity in one community. */
    private static final class MemberActivity {
        final TreeMap<Long, ActivityRecord> days = new TreeMap<>();
        final HashMap<PostId, ThreadDays> threads = new HashMap<>();
        /** How many threads have each day as their last entered day. */
        final TreeMap<Long, Integer> threadsByEntered = new TreeMap<>();
        /** How many threads have each day as their last replied day. */
        final TreeMap<Long, Integer> threadsByReplied = new TreeMap<>();
    }

    TrustTable table(UnitOfWork unit) {
        return new View(unit);
    }

    private static Long later(@Nullable Long stored, long given) {
        return stored == null || stored < given ? given : stored;
    }

    /**
     * Moves a thread's days from {@code before} to {@code after}, in the thread map and in the counts;
     * null stands for a thread the member has not touched.
     */
    private static void moveThread(MemberActivity member, PostId thread, @Nullable ThreadDays before,
            @Nullable ThreadDays after) {
        ThreadDays from = before == null ? new ThreadDays(null, null) : before;
        ThreadDays to = after == null ? new ThreadDays(null, null) : after;
        recount(member.threadsByEntered, from.entered(), to.entered());
        recount(member.threadsByReplied, from.replied(), to.replied());
        if (after == null) {
            member.threads.remove(thread);
        } else {
            member.threads.put(thread, after);
        }
    }

    private static void recount(TreeMap<Long, Integer> threadsByDay, @Nullable Long from, @Nullable Long to) {
        if (from != null && from.equals(to)) {
            return;
        }
        if (from != null) {
            threadsByDay.compute(from, (day, threads) -> threads == null || threads == 1 ? null : threads - 1);
        }
        if (to != null) {
            threadsByDay.merge(to, 1, Integer::sum);
        }
    }

    private static long threadsFrom(TreeMap<Long, Integer> threadsByDay, long fromDay) {
        long threads = 0;
        for (int onDay : threadsByDay.tailMap(fromDay, true).values()) {
            threads += onDay;
        }
        return threads;
    }

    /** Adds one act to the count of its group; {@code act} is its own group's key, with a count of 1. */
    private static void count(HashMap<Interaction, long[]> counts, Interaction act) {
        counts.computeIfAbsent(act, key -> new long[1])[0]++;
    }

    private final class View implements TrustTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void addActivity(ActivityRecord change) {
            unit.checkWritable();
            MemberActivity member = activity.computeIfAbsent(
                    new Member(change.community(), change.account()), m -> new MemberActivity());
            ActivityRecord stored = member.days.get(change.day());
            ActivityRecord added = stored == null ? change : new ActivityRecord(change.community(), change.account(),
                    change.day(), stored.visited() || change.visited(), stored.postsRead() + change.postsRead(),
                    stored.readingSeconds() + change.readingSeconds(), stored.votesGiven() + change.votesGiven(),
                    stored.votesReceived() + change.votesReceived());
            unit.put(member.days, change.day(), added);
        }

        @Override
        public void touchThread(CommunityId community, AccountId account, PostId thread, long day, boolean replied) {
            unit.checkWritable();
            MemberActivity member = activity.computeIfAbsent(new Member(community, account), m -> new MemberActivity());
            ThreadDays before = member.threads.get(thread);
            ThreadDays after;
            if (before == null) {
                after = replied ? new ThreadDays(null, day) : new ThreadDays(day, null);
            } else {
                after = replied
                        ? new ThreadDays(before.entered(), later(before.replied(), day))
                        : new ThreadDays(later(before.entered(), day), before.replied());
            }
            if (after.equals(before)) {
                return;
            }
            moveThread(member, thread, before, after);
            unit.onUndo(() -> moveThread(member, thread, after, before));
        }

        @Override
        public Activity activity(CommunityId community, AccountId account, long fromDay) {
            unit.checkOpen();
            MemberActivity member = activity.get(new Member(community, account));
            if (member == null) {
                return Activity.NONE;
            }
            long daysVisited = 0;
            long postsRead = 0;
            long readingSeconds = 0;
            long votesGiven = 0;
            long votesReceived = 0;
            for (ActivityRecord day : member.days.tailMap(fromDay, true).values()) {
                daysVisited += day.visited() ? 1 : 0;
                postsRead += day.postsRead();
                readingSeconds += day.readingSeconds();
                votesGiven += day.votesGiven();
                votesReceived += day.votesReceived();
            }
            return new Activity(daysVisited, threadsFrom(member.threadsByEntered, fromDay), postsRead,
                    Duration.ofSeconds(readingSeconds), votesGiven, votesReceived,
                    threadsFrom(member.threadsByReplied, fromDay));
        }

        @Override
        public Optional<LevelRecord> level(CommunityId community, AccountId account) {
            unit.checkOpen();
            return Optional.ofNullable(levels.get(new Member(community, account)));
        }

        @Override
        public Map<AccountId, LevelRecord> levels(CommunityId community, Collection<AccountId> accounts) {
            unit.checkOpen();
            Map<AccountId, LevelRecord> found = new HashMap<>();
            for (AccountId account : accounts) {
                LevelRecord level = levels.get(new Member(community, account));
                if (level != null) {
                    found.put(account, level);
                }
            }
            return found;
        }

        @Override
        public void putLevel(LevelRecord level) {
            unit.checkWritable();
            unit.put(levels, new Member(level.community(), level.account()), level);
        }

        @Override
        public Optional<String> policy(CommunityId community) {
            unit.checkOpen();
            return Optional.ofNullable(policies.get(community));
        }

        @Override
        public void putPolicy(CommunityId community, String policy) {
            unit.checkWritable();
            unit.put(policies, community, policy);
        }

        /** Reads every post of the community once, with the votes on it and its parent. */
        @Override
        public List<Interaction> interactions(CommunityId community) {
            unit.checkOpen();
            HashMap<Interaction, long[]> counts = new HashMap<>();
            posts.forEachIn(community, post -> {
                for (VoteRecord vote : votes.on(post.id())) {
                    count(counts, Interaction.vote(vote.account(), post.authorAccount(), vote.direction(), vote.counted(),
                            post.deleted(), 1));
                }
                PostId parentId = post.parent();
                PostRecord parent = parentId == null ? null : posts.row(parentId);
                if (parent != null) {
                    count(counts, Interaction.reply(post.authorAccount(), parent.authorAccount(), post.deleted(),
                            parent.deleted(), 1));
                }
            });
            List<Interaction> interactions = new ArrayList<>(counts.size());
            counts.forEach((key, count) -> interactions.add(new Interaction(key.from(), key.to(), key.kind(),
                    key.counted(), key.replyDeleted(), key.postDeleted(), count[0])));
            return interactions;
        }

        @Override
        public void replaceScores(CommunityId community, Map<AccountId, Double> replacement) {
            unit.checkWritable();
            unit.put(scores, community, new HashMap<>(replacement));
        }

        @Override
        public Map<AccountId, Double> scores(CommunityId community, Collection<AccountId> accounts) {
            unit.checkOpen();
            Map<AccountId, Double> found = new HashMap<>();
            HashMap<AccountId, Double> stored = scores.get(community);
            if (stored != null) {
                for (AccountId account : accounts) {
                    Double score = stored.get(account);
                    if (score != null) {
                        found.put(account, score);
                    }
                }
            }
            return found;
        }
    }
}
