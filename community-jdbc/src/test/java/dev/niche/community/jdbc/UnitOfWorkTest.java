package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.vote.Direction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Each read and write is one unit of work")
class UnitOfWorkTest extends OnEveryDatabase {

    @Nested
    @DisplayName("All or nothing")
    class AllOrNothing {
        @Test
        @DisplayName("a unit that throws leaves none of its writes, and its exception comes out unchanged")
        void rollback() {
            CommunityRecord community = Records.community();
            PostRecord post = Records.root(community.id(), T0);
            RuntimeException boom = new IllegalArgumentException("the work gave up");

            Throwable thrown = catchThrowable(() -> store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(post);
                throw boom;
            }));

            assertThat(thrown).isSameAs(boom);
            assertThat(thrown.getSuppressed()).isEmpty();
            var storedCommunity = store().read(tx -> tx.communities().byId(community.id()));
            var storedPost = store().read(tx -> tx.posts().byId(post.id()));
            assertThat(storedCommunity).isEmpty();
            assertThat(storedPost).isEmpty();
        }

        @Test
        @DisplayName("a unit sees its own writes before it commits")
        void ownWrites() {
            CommunityRecord community = Records.community();
            var seen = store().write(tx -> {
                tx.communities().insert(community);
                tx.communities().addToMemberCount(community.id(), 2);
                return tx.communities().byId(community.id()).orElseThrow().memberCount();
            });
            assertThat(seen).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Reading a community twice")
    class ReadingTwice {
        @Test
        @DisplayName("shows the unit's own changes, also to a community that came with a post")
        void ownChanges() {
            CommunityRecord community = Records.community();
            PostRecord post = Records.root(community.id(), T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(post);
                return null;
            });

            List<Integer> counts = store().write(tx -> {
                tx.communities().byId(community.id()).orElseThrow();
                tx.communities().addToMemberCount(community.id(), 2);
                int afterAdding = tx.communities().byId(community.id()).orElseThrow().memberCount();
                tx.posts().byId(post.id()).orElseThrow();
                tx.communities().addToMemberCount(community.id(), 3);
                int afterPost = tx.communities().byId(community.id()).orElseThrow().memberCount();
                return List.of(afterAdding, afterPost);
            });
            String title = store().write(tx -> {
                CommunityRecord read = tx.posts().byId(post.id())
                        .flatMap(p -> tx.communities().byId(p.community())).orElseThrow();
                tx.communities().update(new CommunityRecord(read.id(), read.slug(), "Renamed", read.description(),
                        read.tags(), read.rules(), read.visibility(), read.joinPolicy(), read.archived(),
                        read.memberCount(), read.createdAt(), read.updatedAt()));
                return tx.communities().byId(community.id()).orElseThrow().title();
            });
            CommunityRecord withPost = store().read(tx -> tx.posts().byId(post.id())
                    .flatMap(p -> tx.communities().byId(p.community())).orElseThrow());

            assertThat(counts).containsExactly(2, 5);
            assertThat(title).isEqualTo("Renamed");
            assertThat(withPost.title()).isEqualTo("Renamed");
            assertThat(withPost.memberCount()).isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("Nesting")
    class Nesting {
        @Test
        @DisplayName("read and write are refused from inside a read or a write, and the outer unit still commits")
        void refused() {
            PseudonymRecord pseudonym = Records.pseudonym(Records.account());
            List<Throwable> refusals = new ArrayList<>();

            store().write(tx -> {
                tx.pseudonyms().insert(pseudonym);
                refusals.add(catchThrowable(() -> store().read(inner -> null)));
                refusals.add(catchThrowable(() -> store().write(inner -> null)));
                return null;
            });
            store().read(tx -> {
                refusals.add(catchThrowable(() -> store().read(inner -> null)));
                refusals.add(catchThrowable(() -> store().write(inner -> null)));
                return null;
            });

            assertThat(refusals).hasSize(4).allSatisfy(refusal -> assertThat(refusal)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running"));
            var stored = store().read(tx -> tx.pseudonyms().byId(pseudonym.id()));
            assertThat(stored).contains(pseudonym);
        }

        @Test
        @DisplayName("another store's unit of work on the same thread is its own business")
        void otherStore() {
            JdbcStore other = JdbcStore.builder(database().dataSource()).build();
            var answer = store().read(tx -> other.read(inner -> "inner ran"));
            assertThat(answer).isEqualTo("inner ran");
        }
    }

    @Nested
    @DisplayName("Boundaries")
    class Boundaries {
        @Test
        @DisplayName("a read unit refuses writes and account locks")
        void readOnly() {
            PseudonymRecord pseudonym = Records.pseudonym(Records.account());
            assertThatThrownBy(() -> store().read(tx -> {
                tx.pseudonyms().insert(pseudonym);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> store().read(tx -> {
                tx.lockAccount(pseudonym.account());
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
            var stored = store().read(tx -> tx.pseudonyms().byId(pseudonym.id()));
            assertThat(stored).isEmpty();
        }

        @Test
        @DisplayName("a transaction's tables refuse work after the unit has ended")
        void ended() {
            AtomicReference<StoreTransaction> escaped = new AtomicReference<>();
            store().write(tx -> {
                escaped.set(tx);
                return null;
            });
            assertThatThrownBy(() -> escaped.get().pseudonyms().byHandle("anyone"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
            assertThatThrownBy(() -> escaped.get().lockAccount(Records.account()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
        }

        @Test
        @DisplayName("a read unit sees one snapshot, even when another unit commits meanwhile")
        void snapshot() throws Exception {
            CommunityRecord community = Records.community();
            PostRecord post = Records.root(community.id(), T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(post);
                return null;
            });
            CountDownLatch firstReadDone = new CountDownLatch(1);
            CountDownLatch otherCommitted = new CountDownLatch(1);

            CompletableFuture<List<Integer>> reader = CompletableFuture.supplyAsync(() -> store().read(tx -> {
                int before = tx.posts().byId(post.id()).orElseThrow().counters().ups();
                firstReadDone.countDown();
                await(otherCommitted);
                int after = tx.posts().byId(post.id()).orElseThrow().counters().ups();
                return List.of(before, after);
            }));
            await(firstReadDone);
            store().write(tx -> tx.posts().addVotes(post.id(), 1, 0));
            otherCommitted.countDown();

            assertThat(reader.get(30, TimeUnit.SECONDS)).containsExactly(0, 0);
            int now = store().read(tx -> tx.posts().byId(post.id())).orElseThrow().counters().ups();
            assertThat(now).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Isolation of write units")
    class WriteIsolation {
        @Test
        @DisplayName("is READ COMMITTED, also on connections that default to SERIALIZABLE: a write unit sees what"
                + " others commit meanwhile")
        void readCommitted() throws Exception {
            InstrumentedDataSource serializable = new InstrumentedDataSource(database())
                    .onOpen(connection -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
            Map<String, JdbcStore> stores = Map.of("default connections", store(),
                    "SERIALIZABLE connections", JdbcStore.builder(serializable.dataSource()).build());
            for (Map.Entry<String, JdbcStore> each : stores.entrySet()) {
                JdbcStore store = each.getValue();
                CommunityRecord community = Records.community();
                PostRecord post = Records.root(community.id(), T0);
                store().write(tx -> {
                    tx.communities().insert(community);
                    tx.posts().insert(post);
                    return null;
                });
                CountDownLatch firstReadDone = new CountDownLatch(1);
                CountDownLatch otherCommitted = new CountDownLatch(1);

                CompletableFuture<List<Integer>> writer = CompletableFuture.supplyAsync(() -> store.write(tx -> {
                    int before = tx.votes().tally(post.id()).ups();
                    firstReadDone.countDown();
                    await(otherCommitted);
                    int after = tx.votes().tally(post.id()).ups();
                    return List.of(before, after);
                }));
                await(firstReadDone);
                store().write(tx -> {
                    tx.votes().insert(Records.vote(post.id(), Records.account(), Direction.UP));
                    return null;
                });
                otherCommitted.countDown();

                assertThat(writer.get(30, TimeUnit.SECONDS)).as("tallies on %s", each.getKey()).containsExactly(0, 1);
            }
        }
    }

    @Nested
    @DisplayName("The connection")
    class TheConnection {
        private final List<String> atClose = new ArrayList<>();

        private InstrumentedDataSource watched(boolean autoCommit, int isolation) {
            return new InstrumentedDataSource(database())
                    .onOpen(connection -> {
                        connection.setAutoCommit(autoCommit);
                        connection.setTransactionIsolation(isolation);
                    })
                    .beforeClose(connection -> atClose.add(
                            "autoCommit=" + connection.getAutoCommit() + " isolation=" + connection.getTransactionIsolation()));
        }

        @Test
        @DisplayName("keeps its autocommit and isolation after a read, a write and a failed write, and is closed each time")
        void restored() {
            for (boolean autoCommit : new boolean[] {true, false}) {
                for (int isolation : new int[] {Connection.TRANSACTION_SERIALIZABLE, Connection.TRANSACTION_READ_COMMITTED}) {
                    InstrumentedDataSource source = watched(autoCommit, isolation);
                    JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
                    // The builder may use a connection of its own (H2 files: durable commits); count from here.
                    atClose.clear();
                    int openedByBuild = source.opened.get();
                    PseudonymRecord pseudonym = Records.pseudonym(Records.account());

                    store.read(tx -> tx.pseudonyms().byId(pseudonym.id()));
                    store.write(tx -> {
                        tx.pseudonyms().insert(pseudonym);
                        return null;
                    });
                    catchThrowable(() -> store.write(tx -> {
                        tx.pseudonyms().insert(Records.pseudonym(Records.account()));
                        throw new IllegalStateException("fail after a write");
                    }));

                    String expected = "autoCommit=" + autoCommit + " isolation=" + isolation;
                    assertThat(atClose).as("connection state at close").containsExactly(expected, expected, expected);
                    assertThat(source.closed.get()).isEqualTo(source.opened.get());
                    assertThat(source.opened.get() - openedByBuild).isEqualTo(3);
                    var stored = store().read(tx -> tx.pseudonyms().byId(pseudonym.id()));
                    assertThat(stored).as("the write committed, also when autocommit was off").contains(pseudonym);
                }
            }
        }
    }

    @Nested
    @DisplayName("The connection's next user")
    class NextUser {
        @Test
        @DisplayName("may write after a read or a write that ran no statement: no read-only setting is left pending")
        void nothingPending() {
            List<String> afterUnit = new ArrayList<>();
            InstrumentedDataSource source = new InstrumentedDataSource(database()).beforeClose(connection -> {
                // The store has restored autocommit, so this runs as the next user's own transaction.
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM niche_accounts WHERE account_id = 'nobody'");
                    afterUnit.add("wrote");
                } catch (SQLException e) {
                    afterUnit.add("refused with SQLState " + e.getSQLState());
                }
            });
            JdbcStore store = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
            afterUnit.clear(); // the builder may use a connection of its own (H2 files: durable commits)

            var read = store.read(tx -> "no statement");
            var written = store.write(tx -> "no statement");

            assertThat(List.of(read, written)).containsOnly("no statement");
            assertThat(afterUnit).containsExactly("wrote", "wrote");
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a test thread waited 30 s for another that never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
