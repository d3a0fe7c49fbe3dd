package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.Interaction;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members' activity per day ({@code niche_activity_days}) and per thread ({@code niche_thread_touches}),
 * trust levels, policies and scores. Activity moves by one atomic upsert that adds, or keeps the later
 * day, in the database, so that concurrent units on any node never lose a count.
 */
final class JdbcTrustTable implements TrustTable {
    /** Rows per batch of {@link #replaceScores}: a recompute may store tens of thousands. */
    static final int SCORE_BATCH = 1_000;

    private static final List<String> DAY_KEY = List.of("community_id", "account_id", "utc_day");
    private static final List<String> THREAD_KEY = List.of("community_id", "account_id", "thread_id");
    private static final List<String> MEMBER_KEY = List.of("community_id", "account_id");
    private static final String ADD_ACTIVITY_ON_H2 = "UPDATE niche_activity_days SET visited = visited OR ?,"
            + " posts_read = posts_read + ?, reading_seconds = reading_seconds + ?, votes_given = votes_given + ?,"
            + " votes_received = votes_received + ? WHERE community_id = ? AND account_id = ? AND utc_day = ?";
    private static final String ACTIVITY = "SELECT d.days_visited, t.threads_entered, d.posts_read, d.reading_seconds,"
            + " d.votes_given, d.votes_received, t.threads_replied FROM"
            + " (SELECT COALESCE(SUM(CASE WHEN visited THEN 1 ELSE 0 END), 0) AS days_visited,"
            + " COALESCE(SUM(posts_read), 0) AS posts_read, COALESCE(SUM(reading_seconds), 0) AS reading_seconds,"
            + " COALESCE(SUM(votes_given), 0) AS votes_given, COALESCE(SUM(votes_received), 0) AS votes_received"
            + " FROM niche_activity_days WHERE community_id = ? AND account_id = ? AND utc_day >= ?) d CROSS JOIN"
            + " (SELECT COALESCE(SUM(CASE WHEN entered_day >= ? THEN 1 ELSE 0 END), 0) AS threads_entered,"
            + " COALESCE(SUM(CASE WHEN replied_day >= ? THEN 1 ELSE 0 END), 0) AS threads_replied"
            + " FROM niche_thread_touches WHERE community_id = ? AND account_id = ?) t";
    private static final String LEVELS =
            "SELECT account_id, trust_level, manual, since_ns FROM niche_trust_levels WHERE community_id = ?";
    /**
     * Both kinds of endorsement, counted per pair of accounts in one pass each: counted up votes on a
     * post that is not deleted, and replies that are not deleted to a post that is not deleted.
     */
    /**
     * Every vote on the community's posts and every reply in it, grouped by what the engine's
     * endorsement rule looks at; the rule itself is the engine's. The kind column is the vote's
     * direction, or {@code REPLY}.
     */
    static final String INTERACTIONS = "SELECT v.account_id, p.author_account, v.direction, v.counted, FALSE,"
            + " p.deleted, COUNT(*) FROM niche_posts p JOIN niche_votes v ON v.post_id = p.id"
            + " WHERE p.community_id = ? GROUP BY v.account_id, p.author_account, v.direction, v.counted, p.deleted"
            + " UNION ALL"
            + " SELECT r.author_account, p.author_account, 'REPLY', TRUE, r.deleted, p.deleted, COUNT(*)"
            + " FROM niche_posts r JOIN niche_posts p ON p.id = r.parent_id"
            + " WHERE r.community_id = ? GROUP BY r.author_account, p.author_account, r.deleted, p.deleted";

    private final Session session;

    JdbcTrustTable(Session session) {
        this.session = session;
    }

    @Override
    public void addActivity(ActivityRecord change) {
        Session.Binder key = p -> p.id(change.community()).text(change.account().value()).bigint(change.day());
        switch (session.dialect()) {
            case POSTGRESQL -> session.write("add to a member's activity", "INSERT INTO niche_activity_days"
                            + " (community_id, account_id, utc_day, visited, posts_read, reading_seconds, votes_given,"
                            + " votes_received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (community_id, account_id, utc_day) DO UPDATE SET"
                            + " visited = niche_activity_days.visited OR EXCLUDED.visited,"
                            + " posts_read = niche_activity_days.posts_read + EXCLUDED.posts_read,"
                            + " reading_seconds = niche_activity_days.reading_seconds + EXCLUDED.reading_seconds,"
                            + " votes_given = niche_activity_days.votes_given + EXCLUDED.votes_given,"
                            + " votes_received = niche_activity_days.votes_received + EXCLUDED.votes_received",
                    p -> {
                        key.bind(p);
                        counts(p, change);
                    });
            case MARIADB -> session.write("add to a member's activity", "INSERT INTO niche_activity_days"
                            + " (community_id, account_id, utc_day, visited, posts_read, reading_seconds, votes_given,"
                            + " votes_received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE visited = visited OR VALUES(visited),"
                            + " posts_read = posts_read + VALUES(posts_read),"
                            + " reading_seconds = reading_seconds + VALUES(reading_seconds),"
                            + " votes_given = votes_given + VALUES(votes_given),"
                            + " votes_received = votes_received + VALUES(votes_received)",
                    p -> {
                        key.bind(p);
                        counts(p, change);
                    });
            case H2 -> {
                Session.Binder countsAndKey = p -> {
                    counts(p, change);
                    key.bind(p);
                };
                if (session.update("add to a member's activity", ADD_ACTIVITY_ON_H2, countsAndKey) == 0) {
                    Upserts.createOnH2(session, "start a member's day", "niche_activity_days", DAY_KEY, key);
                    requireOne(session.update("add to a member's activity", ADD_ACTIVITY_ON_H2, countsAndKey),
                            "add to a member's activity");
                }
            }
        }
    }

    @Override
    public void touchThread(CommunityId community, AccountId account, PostId thread, long day, boolean replied) {
        String column = replied ? "replied_day" : "entered_day";
        Session.Binder key = p -> p.id(community).text(account.value()).id(thread);
        String operation = replied ? "record a reply in a thread" : "record a thread entered";
        switch (session.dialect()) {
            // GREATEST ignores nulls on PostgreSQL but not on MariaDB or H2; COALESCE makes it agree.
            case POSTGRESQL -> session.write(operation, "INSERT INTO niche_thread_touches (community_id, account_id,"
                            + " thread_id, " + column + ") VALUES (?, ?, ?, ?) ON CONFLICT (community_id, account_id,"
                            + " thread_id) DO UPDATE SET " + column + " = GREATEST(COALESCE(niche_thread_touches." + column
                            + ", EXCLUDED." + column + "), EXCLUDED." + column + ")",
                    p -> {
                        key.bind(p);
                        p.bigint(day);
                    });
            case MARIADB -> session.write(operation, "INSERT INTO niche_thread_touches (community_id, account_id,"
                            + " thread_id, " + column + ") VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE " + column
                            + " = GREATEST(COALESCE(" + column + ", VALUES(" + column + ")), VALUES(" + column + "))",
                    p -> {
                        key.bind(p);
                        p.bigint(day);
                    });
            case H2 -> {
                String later = "UPDATE niche_thread_touches SET " + column + " = GREATEST(COALESCE(" + column + ", ?), ?)"
                        + " WHERE community_id = ? AND account_id = ? AND thread_id = ?";
                Session.Binder dayAndKey = p -> {
                    p.bigint(day).bigint(day);
                    key.bind(p);
                };
                if (session.update(operation, later, dayAndKey) == 0) {
                    Upserts.createOnH2(session, "start a member's thread", "niche_thread_touches", THREAD_KEY, key);
                    requireOne(session.update(operation, later, dayAndKey), operation);
                }
            }
        }
    }

    @Override
    public Activity activity(CommunityId community, AccountId account, long fromDay) {
        return session.queryOne("read a member's activity", ACTIVITY,
                        p -> p.id(community).text(account.value()).bigint(fromDay)
                                .bigint(fromDay).bigint(fromDay).id(community).text(account.value()),
                        row -> new Activity(row.bigint(), row.bigint(), row.bigint(), Duration.ofSeconds(row.bigint()),
                                row.bigint(), row.bigint(), row.bigint()))
                .orElse(Activity.NONE);
    }

    @Override
    public Optional<LevelRecord> level(CommunityId community, AccountId account) {
        return session.queryOne("read a trust level", LEVELS + " AND account_id = ?",
                p -> p.id(community).text(account.value()), row -> level(community, row));
    }

    @Override
    public Map<AccountId, LevelRecord> levels(CommunityId community, Collection<AccountId> accounts) {
        Map<AccountId, LevelRecord> found = new HashMap<>();
        for (List<AccountId> chunk : InLists.chunks(accounts)) {
            session.query("read trust levels", LEVELS + " AND account_id IN (" + InLists.placeholders(chunk.size()) + ")",
                            p -> {
                                p.id(community);
                                for (AccountId account : chunk) {
                                    p.text(account.value());
                                }
                            },
                            row -> level(community, row))
                    .forEach(level -> found.put(level.account(), level));
        }
        return found;
    }

    @Override
    public void putLevel(LevelRecord level) {
        session.update("store a trust level",
                Upserts.replace(session.dialect(), "niche_trust_levels", MEMBER_KEY,
                        List.of("trust_level", "manual", "since_ns")),
                p -> p.id(level.community())
                        .text(level.account().value())
                        .name(level.level())
                        .bool(level.manual())
                        .instant(level.since()));
    }

    @Override
    public Optional<String> policy(CommunityId community) {
        return session.queryOne("read a trust policy", "SELECT policy_text FROM niche_trust_policies WHERE community_id = ?",
                p -> p.id(community), Row::text);
    }

    @Override
    public void putPolicy(CommunityId community, String policy) {
        session.update("store a trust policy",
                Upserts.replace(session.dialect(), "niche_trust_policies", List.of("community_id"), List.of("policy_text")),
                p -> p.id(community).text(policy));
    }

    @Override
    public List<Interaction> interactions(CommunityId community) {
        return session.query("read interactions", INTERACTIONS, p -> p.id(community).id(community),
                row -> {
                    AccountId from = AccountId.of(row.text());
                    AccountId to = AccountId.of(row.text());
                    String kind = row.text();
                    boolean counted = row.bool();
                    boolean replyDeleted = row.bool();
                    boolean postDeleted = row.bool();
                    long count = row.bigint();
                    return "REPLY".equals(kind)
                            ? Interaction.reply(from, to, replyDeleted, postDeleted, count)
                            : Interaction.vote(from, to, Direction.valueOf(kind), counted, postDeleted, count);
                });
    }

    /** One DELETE, then the new scores in batches of {@value #SCORE_BATCH} rows. */
    @Override
    public void replaceScores(CommunityId community, Map<AccountId, Double> scores) {
        session.requireWritable("store trust scores");
        List<Map.Entry<AccountId, Double>> rows = new ArrayList<>(scores.entrySet());
        for (Map.Entry<AccountId, Double> row : rows) {
            // PostgreSQL and H2 would keep NaN and infinities, MariaDB would refuse them mid-batch.
            if (!Double.isFinite(row.getValue())) {
                throw new IllegalArgumentException("trust score " + row.getValue() + " in community " + community
                        + " is not a finite number");
            }
        }
        session.update("clear trust scores", "DELETE FROM niche_trust_scores WHERE community_id = ?", p -> p.id(community));
        for (int from = 0; from < rows.size(); from += SCORE_BATCH) {
            List<Session.Binder> batch = new ArrayList<>();
            for (Map.Entry<AccountId, Double> row : rows.subList(from, Math.min(rows.size(), from + SCORE_BATCH))) {
                batch.add(p -> p.id(community).text(row.getKey().value()).real(row.getValue()));
            }
            session.batch("store trust scores",
                    "INSERT INTO niche_trust_scores (community_id, account_id, score) VALUES (?, ?, ?)", batch);
        }
    }

    @Override
    public Map<AccountId, Double> scores(CommunityId community, Collection<AccountId> accounts) {
        Map<AccountId, Double> found = new HashMap<>();
        for (List<AccountId> chunk : InLists.chunks(accounts)) {
            session.query("read trust scores", "SELECT account_id, score FROM niche_trust_scores WHERE community_id = ?"
                                    + " AND account_id IN (" + InLists.placeholders(chunk.size()) + ")",
                            p -> {
                                p.id(community);
                                for (AccountId account : chunk) {
                                    p.text(account.value());
                                }
                            },
                            row -> Map.entry(AccountId.of(row.text()), row.real()))
                    .forEach(score -> found.put(score.getKey(), score.getValue()));
        }
        return found;
    }

    private static void counts(Params p, ActivityRecord change) throws SQLException {
        p.bool(change.visited())
                .bigint(change.postsRead())
                .bigint(change.readingSeconds())
                .bigint(change.votesGiven())
                .bigint(change.votesReceived());
    }

    private static LevelRecord level(CommunityId community, Row row) throws SQLException {
        return new LevelRecord(community, AccountId.of(row.text()), row.name(TrustLevel.class), row.bool(), row.instant());
    }

    private static void requireOne(int changed, String operation) {
        if (changed != 1) {
            throw new IllegalStateException("could not " + operation + ": the update after creating its row changed "
                    + changed + " rows");
        }
    }
}
