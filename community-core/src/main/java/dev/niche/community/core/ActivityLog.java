package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.StoreTransaction;
import java.time.Instant;

/** Records the activity that trust levels count. */
final class ActivityLog {
    private ActivityLog() {}

    static void visited(StoreTransaction tx, CommunityId community, AccountId account, Instant at) {
        tx.trust().addActivity(new ActivityRecord(community, account, Days.of(at), true, 0, 0, 0, 0));
    }

    static void read(StoreTransaction tx, CommunityId community, AccountId account, PostId thread, int posts,
            long seconds, Instant at) {
        long day = Days.of(at);
        tx.trust().touchThread(community, account, thread, day, false);
        if (posts > 0 || seconds > 0) {
            tx.trust().addActivity(new ActivityRecord(community, account, day, false, posts, seconds, 0, 0));
        }
    }

    /** A member started a thread, and so entered it. */
    static void started(StoreTransaction tx, CommunityId community, AccountId account, PostId thread, Instant at) {
        tx.trust().touchThread(community, account, thread, Days.of(at), false);
    }

    /** A member replied in a thread, and so entered it too. */
    static void replied(StoreTransaction tx, CommunityId community, AccountId account, PostId thread, Instant at) {
        long day = Days.of(at);
        tx.trust().touchThread(community, account, thread, day, false);
        tx.trust().touchThread(community, account, thread, day, true);
    }

    /** One account gave another an up vote that counted. */
    static void upvoted(StoreTransaction tx, CommunityId community, AccountId voter, AccountId author, Instant at) {
        long day = Days.of(at);
        ActivityRecord given = new ActivityRecord(community, voter, day, false, 0, 0, 1, 0);
        ActivityRecord received = new ActivityRecord(community, author, day, false, 0, 0, 0, 1);
        // Always in account order, so that two members voting on each other's posts at once lock
        // their activity rows in the same order and cannot deadlock.
        boolean voterFirst = voter.value().compareTo(author.value()) < 0;
        tx.trust().addActivity(voterFirst ? given : received);
        tx.trust().addActivity(voterFirst ? received : given);
    }
}
