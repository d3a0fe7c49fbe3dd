package dev.niche.community.jdbc;

import dev.niche.community.community.CommunityId;
import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoredEvent;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The event log in {@code niche_events}, with its head, the latest position given, in the one row of
 * {@code niche_event_head}. An append moves the head and inserts its events at the positions below
 * the new head, so that the head's row lock, held until the commit, orders appends by commit:
 * <ul>
 *   <li><b>PostgreSQL</b>: one statement, {@code WITH head AS (UPDATE ... RETURNING) INSERT ... SELECT},
 *       held back with the unit's other writes ({@link Session#write}) and so sent in the round trip
 *       before the commit;</li>
 *   <li><b>MariaDB</b>: {@code UPDATE ... SET last_position = LAST_INSERT_ID(last_position + n)}, which
 *       leaves the new head in the session, then one {@code INSERT} whose positions count back from
 *       {@code LAST_INSERT_ID()} (the table has no auto-increment column, so the insert leaves it
 *       alone);</li>
 *   <li><b>H2</b>: one {@code INSERT ... SELECT} over {@code FINAL TABLE (UPDATE ...)}.</li>
 * </ul>
 * Pruning deletes rows of {@code niche_events} only, never the head, so it waits for no append.
 */
final class JdbcEventLog implements EventLog {
    private static final String COLUMNS = "log_position, id, event_type, event_version, community_id, at_ns, payload";
    private static final String MOVE_HEAD = "UPDATE niche_event_head SET last_position = last_position + ? WHERE id = 1";

    private final Session session;

    JdbcEventLog(Session session) {
        this.session = session;
    }

    @Override
    public void append(List<EventRecord> events) {
        session.requireWritable("append events");
        if (events.isEmpty()) {
            return;
        }
        int count = events.size();
        Session.Expectation all = changed -> {
            if (changed != count) {
                throw new IllegalStateException("could not append events: " + changed + " of " + count
                        + " were inserted; does niche_event_head hold its row (migration V4)?");
            }
        };
        switch (session.dialect()) {
            case POSTGRESQL -> session.write("append events", "WITH head AS (" + MOVE_HEAD + " RETURNING last_position)"
                    + " INSERT INTO niche_events (" + COLUMNS + ")"
                    + " SELECT head.last_position - " + count + " + e.n, e.id, e.event_type, e.event_version,"
                    + " e.community_id, e.at_ns, e.payload FROM head, (VALUES " + rows(count, i -> "(" + i + ", ?, ?, ?, ?, ?, ?)")
                    + ") AS e (n, id, event_type, event_version, community_id, at_ns, payload)",
                    params -> bindAll(params.bigint(count), events), all);
            case H2 -> session.write("append events", "INSERT INTO niche_events (" + COLUMNS + ")"
                    + " SELECT head.last_position - " + count + " + e.n, e.id, e.event_type, e.event_version,"
                    + " e.community_id, e.at_ns, e.payload FROM FINAL TABLE (" + MOVE_HEAD + ") head, (VALUES "
                    + rows(count, i -> "(" + i + ", CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(64)), CAST(? AS INTEGER),"
                            + " CAST(? AS VARCHAR(36)), CAST(? AS BIGINT), CAST(? AS CHARACTER VARYING))")
                    + ") AS e (n, id, event_type, event_version, community_id, at_ns, payload)",
                    params -> bindAll(params.bigint(count), events), all);
            case MARIADB -> {
                session.write("move the event log's head",
                        "UPDATE niche_event_head SET last_position = LAST_INSERT_ID(last_position + ?) WHERE id = 1",
                        params -> params.bigint(count), changed -> {
                            if (changed != 1) {
                                throw new IllegalStateException("could not append events: niche_event_head holds no row;"
                                        + " was migration V4 applied?");
                            }
                        });
                session.write("append events", "INSERT INTO niche_events (" + COLUMNS + ") VALUES "
                        + rows(count, i -> "(LAST_INSERT_ID() - " + (count - i) + ", ?, ?, ?, ?, ?, ?)"),
                        params -> bindAll(params, events), all);
            }
        }
    }

    /** The rows of a {@code VALUES} list, the {@code i}-th (from 1) as {@code row} makes it. */
    private static String rows(int count, IntFunction<String> row) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sql.append(i == 1 ? "" : ", ").append(row.apply(i));
        }
        return sql.toString();
    }

    private static void bindAll(Params params, List<EventRecord> events) throws SQLException {
        for (EventRecord event : events) {
            params.text(event.id()).text(event.type()).integer(event.version()).idOrNull(event.community())
                    .instant(event.at()).text(event.payload());
        }
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " must be 1 or more");
        }
        return session.query("read events", "SELECT " + COLUMNS + " FROM niche_events WHERE log_position > ?"
                + " ORDER BY log_position LIMIT ?", params -> params.bigint(position).integer(limit), row -> {
                    long at = row.bigint();
                    String id = row.text();
                    String type = row.text();
                    int version = row.integer();
                    String community = row.textOrNull();
                    return new StoredEvent(at, new EventRecord(id, type, version,
                            community == null ? null : CommunityId.of(community), row.instant(), row.text()));
                });
    }

    @Override
    public long latestPosition() {
        return session.queryOne("read the event log's head", "SELECT last_position FROM niche_event_head WHERE id = 1",
                params -> { }, Row::bigint).orElseThrow(() -> new IllegalStateException(
                        "niche_event_head holds no row; was migration V4 applied?"));
    }

    @Override
    public OptionalLong oldestPosition() {
        List<Long> oldest = session.query("find the oldest event",
                "SELECT log_position FROM niche_events ORDER BY log_position LIMIT 1", params -> { }, Row::bigint);
        return oldest.isEmpty() ? OptionalLong.empty() : OptionalLong.of(oldest.get(0));
    }

    @Override
    public int prune(long throughPosition) {
        return session.update("prune events", "DELETE FROM niche_events WHERE log_position <= ?",
                params -> params.bigint(throughPosition));
    }
}
