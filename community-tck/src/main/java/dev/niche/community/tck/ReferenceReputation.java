package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The reference store's reputation: the ledger as a list, scanned whole for every question. */
final class ReferenceReputation implements ReputationTable {
    /** Leaderboard order: points descending, then pseudonym id ascending. */
    static final Comparator<ReputationTotal> LEADERBOARD = Comparator.comparingLong(ReputationTotal::points).reversed()
            .thenComparing(ReputationTotal::pseudonym);

    /** Serial pair order: voter pseudonym id, then author pseudonym id, ascending. */
    static final Comparator<SerialPair> SERIAL_PAIRS = Comparator.comparing(SerialPair::voter)
            .thenComparing(SerialPair::author);

    private final ReferenceData data;

    ReferenceReputation(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void append(LedgerEntry entry) {
        data.ledger.add(entry);
    }

    @Override
    public long addToTotal(CommunityId community, PseudonymId pseudonym, long delta) {
        return data.totals.merge(new ReferenceData.Standing(community, pseudonym), delta, Long::sum);
    }

    @Override
    public long total(CommunityId community, PseudonymId pseudonym) {
        return data.totals.getOrDefault(new ReferenceData.Standing(community, pseudonym), 0L);
    }

    @Override
    public long totalAcross(PseudonymId pseudonym) {
        long sum = 0;
        for (Map.Entry<ReferenceData.Standing, Long> total : data.totals.entrySet()) {
            if (total.getKey().pseudonym().equals(pseudonym)) {
                sum += total.getValue();
            }
        }
        return sum;
    }

    @Override
    public List<ReputationTotal> leaderboard(CommunityId community, @Nullable ReputationTotal after, int limit) {
        return data.totals.entrySet().stream()
                .filter(total -> total.getKey().community().equals(community))
                .map(total -> new ReputationTotal(total.getKey().pseudonym(), total.getValue()))
                .filter(total -> after == null || LEADERBOARD.compare(total, after) > 0)
                .sorted(LEADERBOARD)
                .limit(limit)
                .toList();
    }

    @Override
    public long voteNet(PostId post, AccountId sourceAccount) {
        return points(e -> e.post().equals(post) && e.sourceAccount().equals(sourceAccount));
    }

    @Override
    public long upvoteGains(CommunityId community, PseudonymId pseudonym, long day) {
        return points(e -> e.community().equals(community) && e.pseudonym().equals(pseudonym)
                && e.kind() == LedgerKind.UPVOTE && e.day() == day);
    }

    @Override
    public long votesSince(CommunityId community, AccountId sourceAccount, AccountId account, Instant since) {
        return data.ledger.stream()
                .filter(e -> e.community().equals(community) && e.sourceAccount().equals(sourceAccount)
                        && e.account().equals(account) && e.kind().isVote() && !e.at().isBefore(since))
                .count();
    }

    @Override
    public long recount(CommunityId community, PseudonymId pseudonym) {
        return points(e -> e.community().equals(community) && e.pseudonym().equals(pseudonym));
    }

    @Override
    public List<SerialPair> serialPairs(CommunityId community, @Nullable SerialPair after, int limit) {
        Map<List<PseudonymId>, SerialPair> pairs = new LinkedHashMap<>();
        for (LedgerEntry e : data.ledger) {
            if (e.community().equals(community) && e.kind() == LedgerKind.SERIAL_VOTE) {
                pairs.merge(List.of(e.sourcePseudonym(), e.pseudonym()),
                        new SerialPair(e.sourcePseudonym(), e.pseudonym(), 1, e.at()),
                        (was, one) -> new SerialPair(was.voter(), was.author(), was.votes() + 1,
                                was.lastAt().isAfter(one.lastAt()) ? was.lastAt() : one.lastAt()));
            }
        }
        return pairs.values().stream()
                .filter(pair -> after == null || SERIAL_PAIRS.compare(pair, after) > 0)
                .sorted(SERIAL_PAIRS)
                .limit(limit)
                .toList();
    }

    private long points(Predicate<LedgerEntry> which) {
        return data.ledger.stream().filter(which).mapToLong(LedgerEntry::points).sum();
    }
}
