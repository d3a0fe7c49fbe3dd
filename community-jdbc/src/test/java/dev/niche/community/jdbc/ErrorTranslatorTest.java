package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.UnavailableException;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.TransientStoreException;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Driver errors become the failures the SPI names, without quoting SQL or user data")
class ErrorTranslatorTest {
    private static final String SECRET = "user-42-secret";

    private static RuntimeException translate(Dialect dialect, SQLException e, UniqueKey primaryKey) {
        return new ErrorTranslator(dialect).translate("insert a vote", e, primaryKey);
    }

    @Nested
    @DisplayName("A unique violation")
    class UniqueViolations {
        @Test
        @DisplayName("on PostgreSQL is read from the constraint name, not from the values in the detail")
        void postgresql() {
            SQLException e = new SQLException("ERROR: duplicate key value violates unique constraint \"niche_votes_pk\"\n"
                    + "  Detail: Key (post_id, account_id)=(p, constraint \"niche_invites_code_uq\") already exists.", "23505");
            assertThat(translate(Dialect.POSTGRESQL, e, UniqueKey.ID))
                    .isInstanceOfSatisfying(DuplicateKeyException.class, d -> assertThat(d.key()).isEqualTo(UniqueKey.VOTE));
        }

        @Test
        @DisplayName("on H2 is read from the constraint name that leads the message")
        void h2() {
            SQLException e = new SQLException("Unique index or primary key violation: \"PUBLIC.NICHE_COMMUNITIES_SLUG_UQ INDEX"
                    + " PUBLIC.NICHE_COMMUNITIES_SLUG_UQ_INDEX_4 ON PUBLIC.NICHE_COMMUNITIES(SLUG NULLS FIRST) VALUES"
                    + " ( /* 1 */ 'niche_votes_pk' )\"; SQL statement:\nINSERT INTO niche_communities ...", "23505", 23505);
            assertThat(translate(Dialect.H2, e, UniqueKey.ID))
                    .isInstanceOfSatisfying(DuplicateKeyException.class,
                            d -> assertThat(d.key()).isEqualTo(UniqueKey.COMMUNITY_SLUG));
        }

        @Test
        @DisplayName("on MariaDB is read from the key named last, after the values")
        void mariadb() {
            SQLException e = new SQLException("(conn=9) Duplicate entry 'x' for key 'niche_invites_code_uq'' for key"
                    + " 'niche_pseudonyms_handle_uq'", "23000", 1062);
            assertThat(translate(Dialect.MARIADB, e, UniqueKey.ID))
                    .isInstanceOfSatisfying(DuplicateKeyException.class,
                            d -> assertThat(d.key()).isEqualTo(UniqueKey.PSEUDONYM_HANDLE));
        }

        @Test
        @DisplayName("of MariaDB's PRIMARY key means what the inserting statement says its primary key means")
        void mariadbPrimary() {
            SQLException e = new SQLException("(conn=9) Duplicate entry 'p-" + SECRET + "' for key 'PRIMARY'", "23000", 1062);
            RuntimeException translated = translate(Dialect.MARIADB, e, UniqueKey.VOTE);
            assertThat(translated)
                    .isInstanceOfSatisfying(DuplicateKeyException.class, d -> assertThat(d.key()).isEqualTo(UniqueKey.VOTE));
            assertThat(translated.getCause()).isInstanceOf(RedactedSqlException.class)
                    .hasMessageNotContaining(SECRET)
                    .isInstanceOfSatisfying(SQLException.class, cause -> {
                        assertThat(cause.getSQLState()).isEqualTo("23000");
                        assertThat(cause.getErrorCode()).isEqualTo(1062);
                    });
        }

        @Test
        @DisplayName("of an unknown constraint in a statement without a primary-key meaning is unavailable")
        void unknown() {
            SQLException e = new SQLException("duplicate key value violates unique constraint \"someone_elses_uq\"", "23505");
            assertThat(new ErrorTranslator(Dialect.POSTGRESQL).translate("update a post", e))
                    .isExactlyInstanceOf(UnavailableException.class);
        }
    }

    @Nested
    @DisplayName("A passing failure")
    class PassingFailures {
        @Test
        @DisplayName("is transient: deadlocks, serialization failures, lock timeouts and lost connections")
        void transientStates() {
            List<RuntimeException> translated = List.of(
                    translate(Dialect.POSTGRESQL, new SQLException("x", "40001"), UniqueKey.ID),
                    translate(Dialect.POSTGRESQL, new SQLException("x", "40P01"), UniqueKey.ID),
                    translate(Dialect.POSTGRESQL, new SQLException("x", "55P03"), UniqueKey.ID),
                    translate(Dialect.POSTGRESQL, new SQLException("x", "08006"), UniqueKey.ID),
                    translate(Dialect.H2, new SQLException("x", "HYT00", 50200), UniqueKey.ID),
                    translate(Dialect.H2, new SQLException("x", "40001", 40001), UniqueKey.ID),
                    translate(Dialect.MARIADB, new SQLException("x", "40001", 1213), UniqueKey.ID),
                    translate(Dialect.MARIADB, new SQLException("x", "HY000", 1205), UniqueKey.ID),
                    translate(Dialect.H2, new SQLTransientConnectionException("pool empty"), UniqueKey.ID));
            assertThat(translated).allSatisfy(e -> assertThat(e).isInstanceOf(TransientStoreException.class));
        }

        @Test
        @DisplayName("names the operation and the SQLState but never the driver's message")
        void message() {
            RuntimeException translated = translate(Dialect.POSTGRESQL,
                    new SQLException("deadlock detected while inserting '" + SECRET + "'", "40P01"), UniqueKey.ID);
            assertThat(translated).hasMessage("could not insert a vote: the database reported a transient failure"
                    + " (SQLState 40P01); running it again may succeed");
            assertThat(translated.getCause()).hasMessageNotContaining(SECRET);
        }
    }

    @Nested
    @DisplayName("Any other failure")
    class OtherFailures {
        @Test
        @DisplayName("is unavailable, naming the operation and the SQLState only")
        void unavailable() {
            RuntimeException translated = translate(Dialect.POSTGRESQL,
                    new SQLException("relation \"niche_votes\" does not exist: INSERT ... '" + SECRET + "'", "42P01"),
                    UniqueKey.VOTE);
            assertThat(translated).isExactlyInstanceOf(UnavailableException.class)
                    .hasMessage("could not insert a vote (SQLState 42P01, vendor code 0)");
            assertThat(translated.getCause()).hasMessageNotContaining(SECRET).hasMessageNotContaining("INSERT");
        }

        @Test
        @DisplayName("that breaks a foreign key is a programming error, not an outage")
        void foreignKey() {
            assertThat(translate(Dialect.POSTGRESQL, new SQLException("fk", "23503"), UniqueKey.ID))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
            assertThat(translate(Dialect.MARIADB, new SQLException("fk", "23000", 1452), UniqueKey.ID))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(translate(Dialect.H2, new SQLException("fk", "23506", 23506), UniqueKey.ID))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("A failed commit")
    class FailedCommits {
        @Test
        @DisplayName("that lost the connection is unavailable and not transient, since it may have committed")
        void inDoubt() {
            assertThat(new ErrorTranslator(Dialect.POSTGRESQL).translateCommit(new SQLException("eof", "08006")))
                    .isExactlyInstanceOf(UnavailableException.class)
                    .hasMessageContaining("may or may not have been committed");
        }

        @Test
        @DisplayName("for a serialization failure is transient")
        void serialization() {
            assertThat(new ErrorTranslator(Dialect.POSTGRESQL).translateCommit(new SQLException("x", "40001")))
                    .isInstanceOf(TransientStoreException.class);
        }
    }
}
