package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.VoteHistory;
import dev.niche.community.spi.SerialPair;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The reputation ledger in {@code niche_reputation_ledger}, append-only, and the totals beside it in
 * {@code niche_reputation_totals}. A total moves by one atomic upsert that adds in the database, never
 * by a read and a write in Java, so concurrent units on any node never lose a delta. Each query of the
 * vote path reads one index that covers it. Kinds appear in the SQL as literals, which lets
 * PostgreSQL use its partial index of serial votes whatever plan it caches.
 */
final class JdbcReputationTable implements ReputationTable {
    /** The kinds that record a vote being cast, as an SQL list of literals. */
    private static final String VOTE_KINDS = Arrays.stream(LedgerKind.values())
            .filter(LedgerKind::isVote)
            .map(kind -> "'" + kind.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final List<String> TOTAL_COLUMNS = List.of("community_id", "pseudonym_id");
    private static final String SELECT_TOTAL =
            "SELECT points FROM niche_reputation_totals WHERE community_id = ? AND pseudonym_id = ?";
    private static final String ADD_ON_H2 = "SELECT points FROM FINAL TABLE (UPDATE niche_reputation_totals"
            + " SET points = points + ? WHERE community_id = ? AND pseudonym_id = ?)";
    static final String VOTE_NET =
            "SELECT COALESCE(SUM(points), 0) FROM niche_reputation_ledger WHERE post_id = ? AND source_account = ?";
    /**
     * Up-vote points are never negative, and once the day's cap is reached they are 0; so only the
     * entries that earned points are read, about {@code dailyCap / upvote} of them at most, however many
     * up votes the author received that day.
     */
    static final String UPVOTE_GAINS = "SELECT COALESCE(SUM(points), 0) FROM niche_reputation_ledger"
            + " WHERE pseudonym_id = ? AND community_id = ? AND utc_day = ? AND kind = '" + LedgerKind.UPVOTE.name() + "'"
            + " AND points > 0";
    static final String VOTES_SINCE = "SELECT COUNT(*) FROM niche_reputation_ledger WHERE community_id = ?"
            + " AND source_account = ? AND account_id = ? AND at_ns >= ? AND kind IN " + VOTE_KINDS;
    static final String LEADERBOARD_FIRST = "SELECT pseudonym_id, points FROM niche_reputation_totals"
            + " WHERE community_id = ? ORDER BY community_id, points DESC, pseudonym_id LIMIT ?";
    static final String LEADERBOARD_AFTER = "SELECT pseudonym_id, points FROM niche_reputation_totals"
            + " WHERE community_id = ? AND points <= ? AND (points < ? OR (points = ? AND pseudonym_id > ?))"
            + " ORDER BY community_id, points DESC, pseudonym_id LIMIT ?";
    private static final String SERIAL_PAIRS = "SELECT source_pseudonym, pseudonym_id, COUNT(*), MAX(at_ns)"
            + " FROM niche_reputation_ledger WHERE community_id = ? AND kind = '" + LedgerKind.SERIAL_VOTE.name() + "'";
    private static final String SERIAL_PAIRS_ORDER =
            " GROUP BY source_pseudonym, pseudonym_id ORDER BY source_pseudonym, pseudonym_id LIMIT ?";
    static final String SERIAL_PAIRS_FIRST = SERIAL_PAIRS + SERIAL_PAIRS_ORDER;
    static final String SERIAL_PAIRS_AFTER = SERIAL_PAIRS + " AND source_pseudonym >= ?"
            + " AND (source_pseudonym > ? OR (source_pseudonym = ? AND pseudonym_id > ?))" + SERIAL_PAIRS_ORDER;

    private final Session session;

    JdbcReputationTable(Session session) {
        this.session = session;
    }

    @Override
    public void append(LedgerEntry entry) {
        session.write("append a ledger entry",
                "INSERT INTO niche_reputation_ledger (community_id, pseudonym_id, account_id, kind, points, post_id,"
                        + " source_account, source_pseudonym, utc_day, at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> p.id(entry.community())
                        .id(entry.pseudonym())
                        .text(entry.account().value())
                        .name(entry.kind())
                        .integer(entry.points())
                        .id(entry.post())
                        .text(entry.sourceAccount().value())
                        .id(entry.sourcePseudonym())
                        .bigint(entry.day())
                        .instant(entry.at()));
    }

    /**
     * One statement on PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}. On H2, one
     * {@code UPDATE} that adds and returns the new total, once the total exists; the first time, the
     * row is created at 0 ({@link Upserts#createOnH2}) and the update runs again. MariaDB upserts, then
     * reads the total back while the upsert still holds the row's lock.
     */
    /**
     * The addition alone, without reading the total back: on PostgreSQL held back with the unit's other
     * writes ({@link Session#write}), on MariaDB one statement instead of two; H2 adds as
     * {@link #addToTotal} does.
     */
    @Override
    public void add(CommunityId community, PseudonymId pseudonym, long delta) {
        Session.Binder keyAndDelta = p -> p.id(community).id(pseudonym).bigint(delta);
        switch (session.dialect()) {
            case POSTGRESQL -> session.write("add to a reputation total",
                    "INSERT INTO niche_reputation_totals (community_id, pseudonym_id, points) VALUES (?, ?, ?)"
                            + " ON CONFLICT (community_id, pseudonym_id)"
                            + " DO UPDATE SET points = niche_reputation_totals.points + EXCLUDED.points",
                    keyAndDelta);
            case MARIADB -> session.write("add to a reputation total",
                    "INSERT INTO niche_reputation_totals (community_id, pseudonym_id, points) VALUES (?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE points = points + VALUES(points)",
                    keyAndDelta);
            case H2 -> addToTotal(community, pseudonym, delta);
        }
    }

    @Override
    public long addToTotal(CommunityId community, PseudonymId pseudonym, long delta) {
        Session.Binder key = p -> p.id(community).id(pseudonym);
        Session.Binder keyAndDelta = p -> {
            key.bind(p);
            p.bigint(delta);
        };
        List<Long> after = switch (session.dialect()) {
            case POSTGRESQL -> session.updateReturning("add to a reputation total",
                    "INSERT INTO niche_reputation_totals (community_id, pseudonym_id, points) VALUES (?, ?, ?)"
                            + " ON CONFLICT (community_id, pseudonym_id)"
                            + " DO UPDATE SET points = niche_reputation_totals.points + EXCLUDED.points RETURNING points",
                    keyAndDelta, Row::bigint);
            case H2 -> {
                Session.Binder deltaAndKey = p -> {
                    p.bigint(delta);
                    key.bind(p);
                };
                List<Long> added = session.updateReturning("add to a reputation total", ADD_ON_H2, deltaAndKey, Row::bigint);
                if (!added.isEmpty()) {
                    yield added;
                }
                Upserts.createOnH2(session, "start a reputation total", "niche_reputation_totals", TOTAL_COLUMNS, key);
                yield session.updateReturning("add to a reputation total", ADD_ON_H2, deltaAndKey, Row::bigint);
            }
            case MARIADB -> {
                session.update("add to a reputation total",
                        "INSERT INTO niche_reputation_totals (community_id, pseudonym_id, points) VALUES (?, ?, ?)"
                                + " ON DUPLICATE KEY UPDATE points = points + VALUES(points)",
                        keyAndDelta);
                yield session.query("read a reputation total", SELECT_TOTAL, key, Row::bigint);
            }
        };
        if (after.size() != 1) {
            throw new IllegalStateException("could not add to the reputation total of " + pseudonym + " in community "
                    + community + ": the upsert left " + after.size() + " rows");
        }
        return after.get(0);
    }

    @Override
    public long total(CommunityId community, PseudonymId pseudonym) {
        return session.queryOne("read a reputation total", SELECT_TOTAL,
                        p -> p.id(community).id(pseudonym), Row::bigint)
                .orElse(0L);
    }

    @Override
    public long totalAcross(PseudonymId pseudonym) {
        return sum("read a reputation total across communities",
                "SELECT COALESCE(SUM(points), 0) FROM niche_reputation_totals WHERE pseudonym_id = ?",
                p -> p.id(pseudonym));
    }

    @Override
    public List<ReputationTotal> leaderboard(CommunityId community, @Nullable ReputationTotal after, int limit) {
        requirePositive(limit);
        if (after == null) {
            return session.query("read a leaderboard", LEADERBOARD_FIRST, p -> p.id(community).integer(limit),
                    JdbcReputationTable::total);
        }
        return session.query("read a leaderboard", LEADERBOARD_AFTER,
                p -> p.id(community)
                        .bigint(after.points()).bigint(after.points()).bigint(after.points()).id(after.pseudonym())
                        .integer(limit),
                JdbcReputationTable::total);
    }

    @Override
    public long voteNet(PostId post, AccountId sourceAccount) {
        return sum("read what a vote holds", VOTE_NET, p -> p.id(post).text(sourceAccount.value()));
    }

    @Override
    public long upvoteGains(CommunityId community, PseudonymId pseudonym, long day) {
        return sum("read a day's reputation gains", UPVOTE_GAINS, p -> p.id(pseudonym).id(community).bigint(day));
    }

    @Override
    public long votesSince(CommunityId community, AccountId sourceAccount, AccountId account, Instant since) {
        return sum("count recent votes on an account", VOTES_SINCE,
                p -> p.id(community).text(sourceAccount.value()).text(account.value()).instant(since));
    }

    /** The three sums in one query of scalar subqueries, each served by its own index as when asked alone. */
    @Override
    public VoteHistory voteHistory(PostId post, CommunityId community, AccountId sourceAccount, AccountId account,
            PseudonymId author, Instant since, long day) {
        String sql = "SELECT (" + VOTES_SINCE + "), (" + UPVOTE_GAINS + "), (" + VOTE_NET + ")"
                + (session.dialect() == Dialect.MARIADB ? " FROM DUAL" : "");
        return session.queryOne("read the ledger's history of a vote", sql,
                        p -> p.id(community).text(sourceAccount.value()).text(account.value()).instant(since)
                                .id(author).id(community).bigint(day)
                                .id(post).text(sourceAccount.value()),
                        row -> new VoteHistory(row.bigint(), row.bigint(), row.bigint()))
                .orElseThrow();
    }

    @Override
    public long recount(CommunityId community, PseudonymId pseudonym) {
        return sum("recount a reputation",
                "SELECT COALESCE(SUM(points), 0) FROM niche_reputation_ledger WHERE community_id = ? AND pseudonym_id = ?",
                p -> p.id(community).id(pseudonym));
    }

    @Override
    public List<SerialPair> serialPairs(CommunityId community, @Nullable SerialPair after, int limit) {
        requirePositive(limit);
        if (after == null) {
            return session.query("read serial votes", SERIAL_PAIRS_FIRST, p -> p.id(community).integer(limit),
                    JdbcReputationTable::pair);
        }
        return session.query("read serial votes", SERIAL_PAIRS_AFTER,
                p -> p.id(community)
                        .id(after.voter()).id(after.voter()).id(after.voter()).id(after.author())
                        .integer(limit),
                JdbcReputationTable::pair);
    }

    private long sum(String operation, String sql, Session.Binder binder) {
        return session.queryOne(operation, sql, binder, Row::bigint).orElse(0L);
    }

    private static ReputationTotal total(Row row) throws SQLException {
        return new ReputationTotal(PseudonymId.of(row.text()), row.bigint());
    }

    private static SerialPair pair(Row row) throws SQLException {
        return new SerialPair(PseudonymId.of(row.text()), PseudonymId.of(row.text()), row.bigint(), row.instant());
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page limit " + limit + " must be at least 1");
        }
    }
}
