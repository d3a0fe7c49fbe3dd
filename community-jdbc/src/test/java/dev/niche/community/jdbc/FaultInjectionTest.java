package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.AccountId;
import dev.niche.community.UnavailableException;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.TransientStoreException;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A fault in the middle of a unit of work leaves no partial write")
class FaultInjectionTest extends OnEveryDatabase {

    /** What one command-like unit of work writes: a community with tags, a member, a post and a vote. */
    private record Command(CommunityRecord community, MembershipRecord member, PostRecord post, AccountId voter) {
        static Command fresh() {
            CommunityRecord community = Records.community();
            AccountId account = Records.account();
            return new Command(community,
                    Records.membership(community.id(), account, PseudonymId.of(UUID.randomUUID().toString()),
                            MemberState.ACTIVE, T0),
                    Records.root(community.id(), T0), account);
        }

        void run(JdbcStore store) {
            store.write(tx -> {
                tx.lockAccount(voter);
                tx.communities().insert(community);
                tx.memberships().insert(member);
                tx.communities().addToMemberCount(community.id(), 1);
                tx.posts().insert(post);
                tx.votes().insert(Records.vote(post.id(), voter, Direction.UP));
                tx.posts().addVotes(post.id(), 1, 0);
                return null;
            });
        }
    }

    private int rowsOf(Command command) throws SQLException {
        String sql = "SELECT (SELECT COUNT(*) FROM niche_communities WHERE id = ?)"
                + " + (SELECT COUNT(*) FROM niche_community_tags WHERE community_id = ?)"
                + " + (SELECT COUNT(*) FROM niche_memberships WHERE community_id = ?)"
                + " + (SELECT COUNT(*) FROM niche_posts WHERE id = ?)"
                + " + (SELECT COUNT(*) FROM niche_votes WHERE post_id = ?)"
                + " + (SELECT COUNT(*) FROM niche_accounts WHERE account_id = ?)";
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            String community = command.community().id().value();
            statement.setString(1, community);
            statement.setString(2, community);
            statement.setString(3, community);
            statement.setString(4, command.post().id().value());
            statement.setString(5, command.post().id().value());
            statement.setString(6, command.voter().value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** How many statements a command runs; the first one on a new store runs one more, so it runs one first. */
    private int statementsOfOneCommand(InstrumentedDataSource source, JdbcStore store) throws SQLException {
        Command.fresh().run(store);
        source.failAtStatement(0, false);
        Command command = Command.fresh();
        command.run(store);
        assertThat(rowsOf(command)).as("a complete command writes all of its rows").isEqualTo(6);
        return source.statements.get();
    }

    @Nested
    @DisplayName("A failing statement")
    class FailingStatement {
        @Test
        @DisplayName("at any point, with the connection alive or dead, rolls back everything and is transient")
        void everyPoint() throws SQLException {
            for (boolean killConnection : new boolean[] {false, true}) {
                InstrumentedDataSource source = new InstrumentedDataSource(database());
                JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
                int statements = statementsOfOneCommand(source, store);
                // One statement per read and write, except on PostgreSQL, where writes travel together.
                assertThat(statements).isGreaterThanOrEqualTo(database().dialect() == Dialect.POSTGRESQL ? 3 : 8);

                for (int failAt = 1; failAt <= statements; failAt++) {
                    source.failAtStatement(failAt, killConnection);
                    Command command = Command.fresh();

                    Throwable thrown = catchThrowable(() -> command.run(store));

                    String point = "failure at statement " + failAt + (killConnection ? " with the connection killed" : "");
                    assertThat(thrown).as(point).isInstanceOf(TransientStoreException.class)
                            .hasMessageStartingWith("could not ")
                            .hasMessageNotContaining(command.voter().value());
                    assertThat(rowsOf(command)).as(point).isZero();
                }
                assertThat(source.closed.get()).as("every connection was closed").isEqualTo(source.opened.get());
            }
        }

        @Test
        @DisplayName("keeps a failed rollback as suppressed on the failure that caused it")
        void failedRollback() throws SQLException {
            InstrumentedDataSource source = new InstrumentedDataSource(database());
            JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
            int statements = statementsOfOneCommand(source, store);
            source.failAtStatement(statements - 1, false).failRollback(true);
            Command command = Command.fresh();

            Throwable thrown = catchThrowable(() -> command.run(store));

            assertThat(thrown).isInstanceOf(TransientStoreException.class);
            assertThat(thrown.getSuppressed()).singleElement()
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
            // The connection was aborted without a commit, which every database treats as a rollback.
            assertThat(rowsOf(command)).isZero();
        }

        @Test
        @DisplayName("thrown by the work itself comes out unchanged, with a failed rollback attached")
        void workFailureWithFailedRollback() throws SQLException {
            InstrumentedDataSource source = new InstrumentedDataSource(database()).failRollback(true);
            JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
            CommunityRecord community = Records.community();
            IllegalStateException boom = new IllegalStateException("the work gave up");

            Throwable thrown = catchThrowable(() -> store.write(tx -> {
                tx.communities().insert(community);
                throw boom;
            }));

            assertThat(thrown).isSameAs(boom);
            assertThat(thrown.getSuppressed()).hasSize(1);
            var stored = store().read(tx -> tx.communities().byId(community.id()));
            assertThat(stored).isEmpty();
        }
    }

    /**
     * What a vote's reputation and a recompute write, every row new, so that each upsert takes its
     * path that creates the row (on H2, three statements).
     */
    private record TrustCommand(CommunityId community, PseudonymId author, AccountId member, PostId thread) {
        static TrustCommand fresh() {
            return new TrustCommand(Records.community().id(), PseudonymId.of(UUID.randomUUID().toString()),
                    Records.account(), PostId.of(UUID.randomUUID().toString()));
        }

        void run(JdbcStore store) {
            store.write(tx -> {
                tx.reputation().append(new LedgerEntry(community, author, member, LedgerKind.UPVOTE, 10, thread,
                        Records.account(), PseudonymId.of(UUID.randomUUID().toString()), 1, T0));
                tx.reputation().addToTotal(community, author, 10);
                tx.trust().addActivity(new ActivityRecord(community, member, 1, true, 1, 1, 1, 1));
                tx.trust().touchThread(community, member, thread, 1, true);
                tx.trust().putLevel(new LevelRecord(community, member, TrustLevel.BASIC, false, T0));
                tx.trust().putPolicy(community, "reputation.upvote=10");
                tx.trust().replaceScores(community, Map.of(member, 1.0));
                return null;
            });
        }
    }

    private int rowsOf(TrustCommand command) throws SQLException {
        List<String> tables = List.of("niche_reputation_ledger", "niche_reputation_totals", "niche_activity_days",
                "niche_thread_touches", "niche_trust_levels", "niche_trust_policies", "niche_trust_scores");
        String sql = "SELECT " + tables.stream()
                .map(table -> "(SELECT COUNT(*) FROM " + table + " WHERE community_id = ?)")
                .collect(Collectors.joining(" + "));
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= tables.size(); i++) {
                statement.setString(i, command.community().value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Nested
    @DisplayName("A failing statement among reputation and trust writes")
    class FailingTrustStatement {
        @Test
        @DisplayName("at any point, with the connection alive or dead, rolls back every ledger, total, activity, level, policy and score row")
        void everyPoint() throws SQLException {
            for (boolean killConnection : new boolean[] {false, true}) {
                InstrumentedDataSource source = new InstrumentedDataSource(database());
                JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
                TrustCommand.fresh().run(store);
                source.failAtStatement(0, false);
                TrustCommand complete = TrustCommand.fresh();
                complete.run(store);
                assertThat(rowsOf(complete)).as("a complete command writes all of its rows").isEqualTo(7);
                int statements = source.statements.get();
                // One statement per write, except on PostgreSQL, where the writes travel together.
                assertThat(statements).isGreaterThanOrEqualTo(database().dialect() == Dialect.POSTGRESQL ? 2 : 7);

                for (int failAt = 1; failAt <= statements; failAt++) {
                    source.failAtStatement(failAt, killConnection);
                    TrustCommand command = TrustCommand.fresh();

                    Throwable thrown = catchThrowable(() -> command.run(store));

                    String point = "failure at statement " + failAt + (killConnection ? " with the connection killed" : "");
                    assertThat(thrown).as(point).isInstanceOf(TransientStoreException.class)
                            .hasMessageStartingWith("could not ")
                            .hasMessageNotContaining(command.member().value());
                    assertThat(rowsOf(command)).as(point).isZero();
                }
                assertThat(source.closed.get()).as("every connection was closed").isEqualTo(source.opened.get());
            }
        }
    }

    @Nested
    @DisplayName("A failing commit")
    class FailingCommit {
        @Test
        @DisplayName("that lost the connection is UNAVAILABLE, not transient, since the commit may have happened")
        void lostConnection() throws SQLException {
            InstrumentedDataSource source = new InstrumentedDataSource(database()).failCommit("08006");
            JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
            Command command = Command.fresh();

            Throwable thrown = catchThrowable(() -> command.run(store));

            assertThat(thrown).isExactlyInstanceOf(UnavailableException.class).hasMessageContaining("may or may not");
            assertThat(rowsOf(command)).isZero();
        }

        @Test
        @DisplayName("for a serialization failure is transient")
        void serializationFailure() throws SQLException {
            InstrumentedDataSource source = new InstrumentedDataSource(database()).failCommit("40001");
            JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
            int openedByBuild = source.opened.get(); // H2 files: the builder makes commits durable first
            Command command = Command.fresh();

            Throwable thrown = catchThrowable(() -> command.run(store));

            assertThat(thrown).isInstanceOf(TransientStoreException.class);
            assertThat(rowsOf(command)).isZero();
            assertThat(source.closed.get()).isEqualTo(source.opened.get());
            assertThat(source.opened.get() - openedByBuild).isEqualTo(1);
        }
    }
}
