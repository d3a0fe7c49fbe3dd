package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.spi.Endorsement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sybil-resistant trust score, as pure code: personalised PageRank over the endorsement graph,
 * restarting at the seeds and stopped after ⌈log2 n⌉ power iterations, as SybilRank does, with a cap
 * on what one endorsement carries.
 *
 * <p>Nodes are accounts; an edge u → v carries weight {@code 1 + log2(max(1, c))} where c counts u's up
 * votes on v's posts plus half its replies to them, so that a single reply weighs like a vote and many
 * votes on one author add little. Each iteration every node keeps nothing and passes
 * {@code (1 - RESTART)} of its trust along its out-edges in proportion to their weights, except that
 * no edge carries more than the average edge's share, {@code (1 - RESTART) / e} of all trust for e
 * edges; what a node cannot pass on, and all of what a node without out-edges holds, goes back to the
 * seeds; then the seeds receive {@code RESTART} of the total, split evenly. Trust is conserved, so the
 * scores are scaled to an average of 1.0 over the members.
 *
 * <p>The guarantee: trust enters a set of accounts only along edges into it. For a ring of fake
 * accounts, those are the attack edges, the endorsements honest members gave it. Each iteration the
 * ring keeps at most {@code (1 - RESTART)} of what it held and receives at most the cap along each of
 * its k attack edges, whoever gave them; so after L iterations its summed score is at most
 * {@code k · (n / e) · (1 - RESTART) · (1 - (1 - RESTART)^L) / RESTART}, under {@code 5.7 · k · n / e}
 * average members, however many accounts it holds and however densely they endorse each other.
 * Without the cap the bound would be a share of the endorsers' own trust, unbounded for a trusted
 * endorser who endorses few. Stopping after O(log n) iterations, before the walk mixes into the
 * sparse cut, is what bounds the number of ring accounts ranked above honest ones by O(k · log n) for
 * k attack edges (Cao et al., SybilRank, NSDI 2012).
 *
 * <p>Cost: O((n + e) · ⌈log2 n⌉) time and O(n + e) memory for n members and e edges.
 */
final class TrustGraph {
    /** The share of trust that returns to the seeds at each iteration. */
    static final double RESTART = 0.15;

    private TrustGraph() {}

    /** The result: scores by account, averaging 1.0, and what was computed. */
    record Scores(Map<AccountId, Double> byAccount, int seeds, int edges, int iterations) {}

    /**
     * Scores {@code members}. Endorsements from or to accounts that are not members, and from an
     * account to itself, are ignored. With no seed among the members, every member seeds.
     */
    static Scores score(Collection<AccountId> members, Set<AccountId> seeds, List<Endorsement> endorsements) {
        Map<AccountId, Integer> index = new LinkedHashMap<>();
        for (AccountId member : members) {
            index.putIfAbsent(member, index.size());
        }
        int n = index.size();
        if (n == 0) {
            return new Scores(Map.of(), 0, 0, 0);
        }
        int[] from = new int[endorsements.size()];
        int[] to = new int[endorsements.size()];
        double[] weight = new double[endorsements.size()];
        double[] outWeight = new double[n];
        int edges = 0;
        for (Endorsement e : endorsements) {
            Integer u = index.get(e.from());
            Integer v = index.get(e.to());
            double count = e.upvotes() + e.replies() / 2.0;
            if (u == null || v == null || u.equals(v) || count <= 0) {
                continue;
            }
            from[edges] = u;
            to[edges] = v;
            weight[edges] = 1 + Math.log(Math.max(1, count)) / Math.log(2);
            outWeight[u] += weight[edges];
            edges++;
        }
        double[] restart = new double[n];
        int seedCount = 0;
        for (AccountId seed : seeds) {
            Integer i = index.get(seed);
            if (i != null && restart[i] == 0) {
                restart[i] = 1;
                seedCount++;
            }
        }
        if (seedCount == 0) {
            java.util.Arrays.fill(restart, 1);
            seedCount = n;
        }
        for (int i = 0; i < n; i++) {
            restart[i] /= seedCount;
        }
        int iterations = Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1L));
        // What the average edge would carry if every node had out-edges; trust sums to 1.
        double cap = (1 - RESTART) / Math.max(1, edges);
        double[] trust = restart.clone();
        double[] next = new double[n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            java.util.Arrays.fill(next, 0);
            double returned = 0;
            for (int i = 0; i < n; i++) {
                if (outWeight[i] == 0) {
                    returned += (1 - RESTART) * trust[i];
                }
            }
            for (int e = 0; e < edges; e++) {
                double flow = (1 - RESTART) * trust[from[e]] * weight[e] / outWeight[from[e]];
                if (flow > cap) {
                    returned += flow - cap;
                    flow = cap;
                }
                next[to[e]] += flow;
            }
            double toSeeds = RESTART + returned;
            for (int i = 0; i < n; i++) {
                next[i] += toSeeds * restart[i];
            }
            double[] swap = trust;
            trust = next;
            next = swap;
        }
        Map<AccountId, Double> byAccount = new HashMap<>(n * 2);
        for (Map.Entry<AccountId, Integer> member : index.entrySet()) {
            byAccount.put(member.getKey(), trust[member.getValue()] * n);
        }
        return new Scores(byAccount, seedCount, edges, iterations);
    }
}
