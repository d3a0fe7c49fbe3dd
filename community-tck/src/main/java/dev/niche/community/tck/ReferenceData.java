package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoredEvent;
import dev.niche.community.spi.VoteRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The reference store's rows: one map per table, keyed as the table's primary key, and the
 * reputation ledger as a list in the order it was appended. Records are immutable, so a shallow
 * copy is a snapshot.
 */
final class ReferenceData {
    record Membership(CommunityId community, AccountId account) {}

    record Ballot(PostId post, AccountId account) {}

    /** The key of a reputation total. */
    record Standing(CommunityId community, PseudonymId pseudonym) {}

    /** The key of a member's activity of one day. */
    record MemberDay(CommunityId community, AccountId account, long day) {}

    /** The key of a member's visits to one thread. */
    record MemberThread(CommunityId community, AccountId account, PostId thread) {}

    /** The last days a member entered, and replied in, one thread; null until the first of that kind. */
    record ThreadVisits(@Nullable Long lastEntered, @Nullable Long lastReplied) {}

    final Map<PseudonymId, PseudonymRecord> pseudonyms;
    final Map<CommunityId, CommunityRecord> communities;
    final Map<Membership, MembershipRecord> memberships;
    final Map<InviteId, InviteRecord> invites;
    final Map<PostId, PostRecord> posts;
    final Map<Ballot, VoteRecord> votes;
    final List<LedgerEntry> ledger;
    final Map<Standing, Long> totals;
    final Map<MemberDay, ActivityRecord> activity;
    final Map<MemberThread, ThreadVisits> threadVisits;
    final Map<Membership, LevelRecord> levels;
    final Map<CommunityId, String> policies;
    final Map<Membership, Double> scores;
    final TreeMap<Long, StoredEvent> events;
    /** The event log's head: the latest position ever given. */
    long latestEvent;

    ReferenceData() {
        pseudonyms = new HashMap<>();
        communities = new HashMap<>();
        memberships = new HashMap<>();
        invites = new HashMap<>();
        posts = new HashMap<>();
        votes = new HashMap<>();
        ledger = new ArrayList<>();
        totals = new HashMap<>();
        activity = new HashMap<>();
        threadVisits = new HashMap<>();
        levels = new HashMap<>();
        policies = new HashMap<>();
        scores = new HashMap<>();
        events = new TreeMap<>();
    }

    private ReferenceData(ReferenceData from) {
        pseudonyms = new HashMap<>(from.pseudonyms);
        communities = new HashMap<>(from.communities);
        memberships = new HashMap<>(from.memberships);
        invites = new HashMap<>(from.invites);
        posts = new HashMap<>(from.posts);
        votes = new HashMap<>(from.votes);
        ledger = new ArrayList<>(from.ledger);
        totals = new HashMap<>(from.totals);
        activity = new HashMap<>(from.activity);
        threadVisits = new HashMap<>(from.threadVisits);
        levels = new HashMap<>(from.levels);
        policies = new HashMap<>(from.policies);
        scores = new HashMap<>(from.scores);
        events = new TreeMap<>(from.events);
        latestEvent = from.latestEvent;
    }

    ReferenceData copy() {
        return new ReferenceData(this);
    }
}
