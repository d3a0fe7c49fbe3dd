package dev.niche.community.tck;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The reference store's trust tables: maps, scanned whole for every question. */
final class ReferenceTrust implements TrustTable {
    private final ReferenceData data;

    ReferenceTrust(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void addActivity(ActivityRecord change) {
        data.activity.merge(new ReferenceData.MemberDay(change.community(), change.account(), change.day()), change,
                (was, add) -> new ActivityRecord(was.community(), was.account(), was.day(),
                        was.visited() || add.visited(), was.postsRead() + add.postsRead(),
                        was.readingSeconds() + add.readingSeconds(), was.votesGiven() + add.votesGiven(),
                        was.votesReceived() + add.votesReceived()));
    }

    @Override
    public void touchThread(CommunityId community, AccountId account, PostId thread, long day, boolean replied) {
        ReferenceData.ThreadVisits touch = replied
                ? new ReferenceData.ThreadVisits(null, day)
                : new ReferenceData.ThreadVisits(day, null);
        data.threadVisits.merge(new ReferenceData.MemberThread(community, account, thread), touch,
                (was, now) -> new ReferenceData.ThreadVisits(later(was.lastEntered(), now.lastEntered()),
                        later(was.lastReplied(), now.lastReplied())));
    }

    private static @Nullable Long later(@Nullable Long stored, @Nullable Long given) {
        if (stored == null) {
            return given;
        }
        return given == null ? stored : Math.max(stored, given);
    }

    @Override
    public Activity activity(CommunityId community, AccountId account, long fromDay) {
        long daysVisited = 0;
        long postsRead = 0;
        long readingSeconds = 0;
        long votesGiven = 0;
        long votesReceived = 0;
        for (ActivityRecord day : data.activity.values()) {
            if (day.community().equals(community) && day.account().equals(account) && day.day() >= fromDay) {
                daysVisited += day.visited() ? 1 : 0;
                postsRead += day.postsRead();
                readingSeconds += day.readingSeconds();
                votesGiven += day.votesGiven();
                votesReceived += day.votesReceived();
            }
        }
        long threadsEntered = 0;
        long threadsRepliedTo = 0;
        for (Map.Entry<ReferenceData.MemberThread, ReferenceData.ThreadVisits> visit : data.threadVisits.entrySet()) {
            ReferenceData.MemberThread key = visit.getKey();
            if (key.community().equals(community) && key.account().equals(account)) {
                threadsEntered += onOrAfter(visit.getValue().lastEntered(), fromDay) ? 1 : 0;
                threadsRepliedTo += onOrAfter(visit.getValue().lastReplied(), fromDay) ? 1 : 0;
            }
        }
        return new Activity(daysVisited, threadsEntered, postsRead, Duration.ofSeconds(readingSeconds), votesGiven,
                votesReceived, threadsRepliedTo);
    }

    private static boolean onOrAfter(@Nullable Long day, long fromDay) {
        return day != null && day >= fromDay;
    }

    @Override
    public Optional<LevelRecord> level(CommunityId community, AccountId account) {
        return Optional.ofNullable(data.levels.get(new ReferenceData.Membership(community, account)));
    }

    @Override
    public Map<AccountId, LevelRecord> levels(CommunityId community, Collection<AccountId> accounts) {
        Map<AccountId, LevelRecord> found = new HashMap<>();
        for (AccountId account : accounts) {
            level(community, account).ifPresent(level -> found.put(account, level));
        }
        return found;
    }

    @Override
    public void putLevel(LevelRecord level) {
        data.levels.put(new ReferenceData.Membership(level.community(), level.account()), level);
    }

    @Override
    public Optional<String> policy(CommunityId community) {
        return Optional.ofNullable(data.policies.get(community));
    }

    @Override
    public void putPolicy(CommunityId community, String policy) {
        data.policies.put(community, policy);
    }

    @Override
    public List<Interaction> interactions(CommunityId community) {
        Map<Interaction, Long> counts = new HashMap<>();
        for (VoteRecord vote : data.votes.values()) {
            PostRecord post = data.posts.get(vote.post());
            if (post != null && post.community().equals(community)) {
                counts.merge(Interaction.vote(vote.account(), post.authorAccount(), vote.direction(), vote.counted(),
                        post.deleted(), 1), 1L, Long::sum);
            }
        }
        for (PostRecord reply : data.posts.values()) {
            PostRecord parent = reply.parent() == null ? null : data.posts.get(reply.parent());
            if (parent != null && reply.community().equals(community)) {
                counts.merge(Interaction.reply(reply.authorAccount(), parent.authorAccount(), reply.deleted(),
                        parent.deleted(), 1), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .map(group -> new Interaction(group.getKey().from(), group.getKey().to(), group.getKey().kind(),
                        group.getKey().counted(), group.getKey().replyDeleted(), group.getKey().postDeleted(),
                        group.getValue()))
                .toList();
    }

    @Override
    public void replaceScores(CommunityId community, Map<AccountId, Double> scores) {
        data.scores.keySet().removeIf(key -> key.community().equals(community));
        scores.forEach((account, score) -> data.scores.put(new ReferenceData.Membership(community, account), score));
    }

    @Override
    public Map<AccountId, Double> scores(CommunityId community, Collection<AccountId> accounts) {
        Map<AccountId, Double> found = new HashMap<>();
        for (AccountId account : accounts) {
            Double score = data.scores.get(new ReferenceData.Membership(community, account));
            if (score != null) {
                found.put(account, score);
            }
        }
        return found;
    }
}
