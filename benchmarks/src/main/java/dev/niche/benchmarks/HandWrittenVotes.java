package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.vote.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The least JDBC that casts, changes or retracts a vote correctly, in the Niche schema: the yardstick
 * for the engine's votes. One transaction locks the account's vote row, records, replaces or deletes
 * it, and moves the post's counters by one atomic {@code UPDATE ... SET ups = ups + ?}. It checks
 * nothing the engine checks (pseudonym, membership, community state) and reads nothing back.
 */
final class HandWrittenVotes {
    private static final int ATTEMPTS = 10;

    private final DataSource dataSource;

    HandWrittenVotes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Sets the account's vote on a post to {@code direction}, or retracts it when null.
     *
     * @param counted whether the vote counts, that is, whether the account did not write the post
     */
    void vote(PostId post, AccountId account, PseudonymId voter, boolean counted, @Nullable Direction direction) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    voteOn(connection, post, account, voter, counted, direction);
                    connection.commit();
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    // Two first votes of one account on one post may race to insert: the loser runs again.
                    if (!"23505".equals(e.getSQLState()) || attempt == ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the hand-written vote failed with SQLState " + e.getSQLState(), e);
            }
        }
    }

    private static void voteOn(Connection connection, PostId post, AccountId account, PseudonymId voter, boolean counted,
            @Nullable Direction direction) throws SQLException {
        Direction before = null;
        boolean countedBefore = false;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT direction, counted FROM niche_votes WHERE post_id = ? AND account_id = ? FOR UPDATE")) {
            select.setString(1, post.value());
            select.setString(2, account.value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    before = Direction.valueOf(row.getString(1));
                    countedBefore = row.getBoolean(2);
                }
            }
        }
        if (before == direction) {
            return;
        }
        long now = nanos(Instant.now());
        if (direction == null) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM niche_votes WHERE post_id = ? AND account_id = ?")) {
                delete.setString(1, post.value());
                delete.setString(2, account.value());
                delete.executeUpdate();
            }
        } else if (before == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO niche_votes (post_id, account_id,"
                    + " voter_id, direction, counted, cast_ns, row_version) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                insert.setString(1, post.value());
                insert.setString(2, account.value());
                insert.setString(3, voter.value());
                insert.setString(4, direction.name());
                insert.setBoolean(5, counted);
                insert.setLong(6, now);
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = connection.prepareStatement("UPDATE niche_votes SET voter_id = ?,"
                    + " direction = ?, counted = ?, cast_ns = ?, row_version = row_version + 1"
                    + " WHERE post_id = ? AND account_id = ?")) {
                update.setString(1, voter.value());
                update.setString(2, direction.name());
                update.setBoolean(3, counted);
                update.setLong(4, now);
                update.setString(5, post.value());
                update.setString(6, account.value());
                update.executeUpdate();
            }
        }
        int ups = weight(direction, counted, Direction.UP) - weight(before, countedBefore, Direction.UP);
        int downs = weight(direction, counted, Direction.DOWN) - weight(before, countedBefore, Direction.DOWN);
        if (ups != 0 || downs != 0) {
            try (PreparedStatement count = connection.prepareStatement(
                    "UPDATE niche_posts SET ups = ups + ?, downs = downs + ? WHERE id = ?")) {
                count.setInt(1, ups);
                count.setInt(2, downs);
                count.setString(3, post.value());
                count.executeUpdate();
            }
        }
    }

    private static int weight(@Nullable Direction vote, boolean counted, Direction direction) {
        return vote == direction && counted ? 1 : 0;
    }

    /** The schema's form of an instant; microseconds, as the engine passes them. */
    private static long nanos(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return micros.getEpochSecond() * 1_000_000_000L + micros.getNano();
    }
}
