package dev.niche.community.inmemory;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The reputation ledger and totals. The ledger is kept as the sums and counts its questions ask for,
 * each updated as an entry is appended, so that no question scans the ledger:
 * <ul>
 *   <li>what each vote still holds, by post and source account;
 *   <li>per community, each pseudonym's ledger sum, its up-vote gains by day, the times of the vote
 *       entries of each (source account, account) pair in time order, and the serial-vote pairs in
 *       page order.
 * </ul>
 * Totals are kept per community by pseudonym and in a leaderboard set ordered as its pages are, and
 * summed across communities by pseudonym.
 *
 * <p>Every change puts a new immutable value under a key, so an undo puts back the old one. A nested
 * map that an undo empties stays, empty, which no question can tell from a missing one.
 */
final class ReputationRows {
    /** Leaderboard order: points descending, then pseudonym id ascending. */
    private static final Comparator<ReputationTotal> LEADERBOARD =
            Comparator.comparingLong(ReputationTotal::points).reversed().thenComparing(ReputationTotal::pseudonym);

    private static final Instant[] NO_TIMES = new Instant[0];

    private final HashMap<PostId, HashMap<AccountId, Long>> netByVote = new HashMap<>();
    private final HashMap<CommunityId, Ledger> ledgers = new HashMap<>();
    private final HashMap<CommunityId, Totals> totals = new HashMap<>();
    private final HashMap<PseudonymId, Long> totalsAcross = new HashMap<>();

    /** What one community's ledger is asked. */
    private static final class Ledger {
        final HashMap<PseudonymId, Long> sums = new HashMap<>();
        final HashMap<PseudonymDay, Long> upvoteGains = new HashMap<>();
        /** By source account, then account: the times of their vote entries, sorted. */
        final HashMap<AccountId, HashMap<AccountId, Instant[]>> voteTimes = new HashMap<>();
        final TreeMap<PseudonymPair, SerialPair> serialPairs = new TreeMap<>();
    }

    /** One community's totals, by pseudonym and in leaderboard order. */
    private static final class Totals {
        final HashMap<PseudonymId, Long> byPseudonym = new HashMap<>();
        final TreeSet<ReputationTotal> leaderboard = new TreeSet<>(LEADERBOARD);
    }

    private record PseudonymDay(PseudonymId pseudonym, long day) {}

    /** A serial-vote pair's key, in page order: voter, then author. */
    private record PseudonymPair(PseudonymId voter, PseudonymId author) implements Comparable<PseudonymPair> {
        private static final Comparator<PseudonymPair> ORDER =
                Comparator.comparing(PseudonymPair::voter).thenComparing(PseudonymPair::author);

        @Override
        public int compareTo(PseudonymPair other) {
            return ORDER.compare(this, other);
        }
    }

    ReputationTable table(UnitOfWork unit) {
        return new View(unit);
    }

    /**
     * A copy of the sorted {@code times} with {@code at} added after any equal times. A pair of accounts
     * has one vote entry per post voted on and per change, so copying stays cheap; in return a pair
     * costs one small array, an undo puts the old array back, and a count is a binary search.
     */
    private static Instant[] inserted(Instant[] times, Instant at) {
        int index = firstIndex(times, at, true);
        Instant[] copy = new Instant[times.length + 1];
        System.arraycopy(times, 0, copy, 0, index);
        copy[index] = at;
        System.arraycopy(times, index, copy, index + 1, times.length - index);
        return copy;
    }

    /** The index of the first of the sorted {@code times} at or after {@code from}, or strictly after it. */
    private static int firstIndex(Instant[] times, Instant from, boolean strictlyAfter) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = times[middle].compareTo(from);
            if (order < 0 || (strictlyAfter && order == 0)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long valueOf(@Nullable Long stored) {
        return stored == null ? 0 : stored;
    }

    /** Moves a pseudonym's total from {@code before} to {@code after}; null stands for no row. */
    private static void setTotal(Totals board, PseudonymId pseudonym, @Nullable Long before, @Nullable Long after) {
        if (before != null) {
            board.leaderboard.remove(new ReputationTotal(pseudonym, before));
        }
        if (after == null) {
            board.byPseudonym.remove(pseudonym);
        } else {
            board.byPseudonym.put(pseudonym, after);
            board.leaderboard.add(new ReputationTotal(pseudonym, after));
        }
    }

    private final class View implements ReputationTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void append(LedgerEntry entry) {
            unit.checkWritable();
            long points = entry.points();
            HashMap<AccountId, Long> net = netByVote.computeIfAbsent(entry.post(), post -> new HashMap<>());
            unit.put(net, entry.sourceAccount(), valueOf(net.get(entry.sourceAccount())) + points);

            Ledger ledger = ledgers.computeIfAbsent(entry.community(), community -> new Ledger());
            unit.put(ledger.sums, entry.pseudonym(), valueOf(ledger.sums.get(entry.pseudonym())) + points);
            if (entry.kind() == LedgerKind.UPVOTE) {
                PseudonymDay day = new PseudonymDay(entry.pseudonym(), entry.day());
                unit.put(ledger.upvoteGains, day, valueOf(ledger.upvoteGains.get(day)) + points);
            }
            if (entry.kind().isVote()) {
                HashMap<AccountId, Instant[]> bySource =
                        ledger.voteTimes.computeIfAbsent(entry.sourceAccount(), source -> new HashMap<>());
                Instant[] times = bySource.get(entry.account());
                unit.put(bySource, entry.account(), inserted(times == null ? NO_TIMES : times, entry.at()));
            }
            if (entry.kind() == LedgerKind.SERIAL_VOTE) {
                PseudonymPair pair = new PseudonymPair(entry.sourcePseudonym(), entry.pseudonym());
                SerialPair stored = ledger.serialPairs.get(pair);
                SerialPair counted = stored == null
                        ? new SerialPair(pair.voter(), pair.author(), 1, entry.at())
                        : new SerialPair(pair.voter(), pair.author(), stored.votes() + 1,
                                stored.lastAt().isAfter(entry.at()) ? stored.lastAt() : entry.at());
                unit.put(ledger.serialPairs, pair, counted);
            }
        }

        @Override
        public long addToTotal(CommunityId community, PseudonymId pseudonym, long delta) {
            unit.checkWritable();
            Totals board = totals.computeIfAbsent(community, c -> new Totals());
            Long before = board.byPseudonym.get(pseudonym);
            Long after = valueOf(before) + delta;
            setTotal(board, pseudonym, before, after);
            unit.onUndo(() -> setTotal(board, pseudonym, after, before));
            unit.put(totalsAcross, pseudonym, valueOf(totalsAcross.get(pseudonym)) + delta);
            return after;
        }

        @Override
        public long total(CommunityId community, PseudonymId pseudonym) {
            unit.checkOpen();
            Totals board = totals.get(community);
            return board == null ? 0 : valueOf(board.byPseudonym.get(pseudonym));
        }

        @Override
        public long totalAcross(PseudonymId pseudonym) {
            unit.checkOpen();
            return valueOf(totalsAcross.get(pseudonym));
        }

        @Override
        public List<ReputationTotal> leaderboard(CommunityId community, @Nullable ReputationTotal after, int limit) {
            unit.checkOpen();
            List<ReputationTotal> page = new ArrayList<>();
            Totals board = totals.get(community);
            if (board == null || limit <= 0) {
                return page;
            }
            SortedSet<ReputationTotal> from =
                    after == null ? board.leaderboard : board.leaderboard.tailSet(after, false);
            for (ReputationTotal total : from) {
                page.add(total);
                if (page.size() == limit) {
                    break;
                }
            }
            return page;
        }

        @Override
        public long voteNet(PostId post, AccountId sourceAccount) {
            unit.checkOpen();
            HashMap<AccountId, Long> net = netByVote.get(post);
            return net == null ? 0 : valueOf(net.get(sourceAccount));
        }

        @Override
        public long upvoteGains(CommunityId community, PseudonymId pseudonym, long day) {
            unit.checkOpen();
            Ledger ledger = ledgers.get(community);
            return ledger == null ? 0 : valueOf(ledger.upvoteGains.get(new PseudonymDay(pseudonym, day)));
        }

        @Override
        public long votesSince(CommunityId community, AccountId sourceAccount, AccountId account, Instant since) {
            unit.checkOpen();
            Ledger ledger = ledgers.get(community);
            HashMap<AccountId, Instant[]> bySource = ledger == null ? null : ledger.voteTimes.get(sourceAccount);
            Instant[] times = bySource == null ? null : bySource.get(account);
            return times == null ? 0 : times.length - firstIndex(times, since, false);
        }

        @Override
        public long recount(CommunityId community, PseudonymId pseudonym) {
            unit.checkOpen();
            Ledger ledger = ledgers.get(community);
            return ledger == null ? 0 : valueOf(ledger.sums.get(pseudonym));
        }

        @Override
        public List<SerialPair> serialPairs(CommunityId community, @Nullable SerialPair after, int limit) {
            unit.checkOpen();
            List<SerialPair> page = new ArrayList<>();
            Ledger ledger = ledgers.get(community);
            if (ledger == null || limit <= 0) {
                return page;
            }
            SortedMap<PseudonymPair, SerialPair> from = after == null
                    ? ledger.serialPairs
                    : ledger.serialPairs.tailMap(new PseudonymPair(after.voter(), after.author()), false);
            for (SerialPair pair : from.values()) {
                page.add(pair);
                if (page.size() == limit) {
                    break;
                }
            }
            return page;
        }
    }
}
