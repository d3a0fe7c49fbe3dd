package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * H2 reads an index in order only when ORDER BY names every leading column of the index, even those
 * the WHERE clause fixes; otherwise it sorts every matching row, which costs seconds at a million
 * threads. Its plans say {@code index sorted} when the order comes from the index.
 */
@DisplayName("On H2, thread pages, reply pages and leaderboards read their index in order instead of sorting")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2QueryPlanTest {
    private TestDatabase database;

    @BeforeAll
    void start() {
        database = TestDatabase.start(Dialect.H2);
        database.store();
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ThreadSort.class)
    @DisplayName("a first thread page in every sort")
    void threads(ThreadSort sort) throws SQLException {
        assertThat(plan(JdbcPostTable.threadsSql(Dialect.H2, sort, false, false))).contains("index sorted");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReplySort.class)
    @DisplayName("a first reply page in every sort")
    void replies(ReplySort sort) throws SQLException {
        assertThat(plan(JdbcPostTable.childrenSql(sort, false))).contains("index sorted");
    }

    @Test
    @DisplayName("a first leaderboard page")
    void leaderboard() throws SQLException {
        assertThat(plan(JdbcReputationTable.LEADERBOARD_FIRST)).containsIgnoringCase("niche_reputation_totals_board_ix")
                .contains("index sorted");
    }

    private String plan(String sql) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            statement.setString(1, "0190f5a2-3b4c-7d8e-9f01-23456789abcd");
            statement.setInt(2, 25);
            try (ResultSet rows = statement.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            }
        }
    }
}
