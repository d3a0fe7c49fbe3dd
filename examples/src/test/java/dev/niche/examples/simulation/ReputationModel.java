package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reputation re-derived from the votes the story cast, by the rules of {@code docs/trust.md} and
 * independently of the engine: a counted up vote gives the post's author pseudonym the policy's up-vote
 * points (+10 by default), capped per UTC day (200 by default), a down vote the down-vote points (-2);
 * changing or retracting a vote reverses exactly what it held; a voter's vote on an author's account
 * within the serial-voting window from the tripping one on earns nothing; votes on one's own account
 * earn nothing.
 */
final class ReputationModel {

    /** A member in a community. */
    record Member(CommunityId community, PseudonymId pseudonym) {}

    /** A serial-voting cluster: who voted serially for whom, how often, and when last. */
    record Cluster(CommunityId community, PseudonymId voter, PseudonymId author, long votes, Instant lastAt) {}

    private record VoteKey(PostId post, AccountId voter) {}

    private record Pair(CommunityId community, AccountId voter, AccountId author) {}

    private record DayGains(CommunityId community, PseudonymId author, long day) {}

    private record ClusterKey(CommunityId community, PseudonymId voter, PseudonymId author) {}

    private final Map<Member, Long> totals = new HashMap<>();
    private final Map<ClusterKey, Cluster> clusters = new HashMap<>();

    private ReputationModel() {}

    /**
     * Replays the story's votes in order.
     *
     * @param policies each community's trust policy
     */
    static ReputationModel replay(Ledger ledger, Function<CommunityId, TrustPolicy> policies) {
        ReputationModel model = new ReputationModel();
        Map<VoteKey, Long> held = new HashMap<>();
        Map<VoteKey, Direction> directions = new HashMap<>();
        Map<Pair, List<Instant>> voteEntries = new HashMap<>();
        Map<DayGains, Long> gains = new HashMap<>();
        for (Ledger.VoteAction action : ledger.voteActions()) {
            Ledger.Post post = ledger.post(action.post());
            AccountId voter = action.voter().account();
            if (post.author().equals(voter)) {
                continue;
            }
            VoteKey key = new VoteKey(post.id(), voter);
            if (action.direction() != null && action.direction() == directions.get(key)) {
                continue; // the same vote again changes nothing
            }
            Member author = new Member(post.community(), post.pseudonym());
            long before = held.getOrDefault(key, 0L);
            if (before != 0) {
                model.totals.merge(author, -before, Long::sum);
            }
            held.put(key, 0L);
            if (action.direction() == null) {
                directions.remove(key);
                continue;
            }
            directions.put(key, action.direction());
            TrustPolicy policy = policies.apply(post.community());
            List<Instant> entries = voteEntries.computeIfAbsent(new Pair(post.community(), voter, post.author()),
                    pair -> new ArrayList<>());
            Instant since = action.at().minus(policy.serialVotes().window());
            long recent = entries.stream().filter(at -> !at.isBefore(since)).count();
            entries.add(action.at());
            long points;
            if (recent + 1 >= policy.serialVotes().votes()) {
                points = 0;
                model.clusters.merge(new ClusterKey(post.community(), action.voter().pseudonym(), post.pseudonym()),
                        new Cluster(post.community(), action.voter().pseudonym(), post.pseudonym(), 1, action.at()),
                        (a, b) -> new Cluster(a.community(), a.voter(), a.author(), a.votes() + 1, b.lastAt()));
            } else if (action.direction() == Direction.UP) {
                DayGains day = new DayGains(post.community(), post.pseudonym(),
                        LocalDate.ofInstant(action.at(), ZoneOffset.UTC).toEpochDay());
                long gained = gains.getOrDefault(day, 0L);
                points = Math.max(0, Math.min(policy.reputation().upvote(), policy.reputation().dailyCap() - gained));
                gains.put(day, gained + points);
            } else {
                points = policy.reputation().downvote();
            }
            held.put(key, points);
            model.totals.merge(author, points, Long::sum);
        }
        return model;
    }

    /** Each member's reputation in a community, for every member the votes touched. */
    Map<Member, Long> totals() {
        return Map.copyOf(totals);
    }

    long total(CommunityId community, PseudonymId pseudonym) {
        return totals.getOrDefault(new Member(community, pseudonym), 0L);
    }

    /** The serial-voting clusters of a community. */
    List<Cluster> clusters(CommunityId community) {
        return clusters.values().stream().filter(cluster -> cluster.community().equals(community)).toList();
    }
}
