package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spi.TransientStoreException;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.trust.Activity;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Concurrent units of work keep every invariant and counter exact")
class ConcurrencyTest extends OnEveryDatabase {
    private static final int ROUNDS = 10;

    private PostRecord newPost() {
        CommunityRecord community = Records.community();
        PostRecord post = Records.root(community.id(), T0);
        store().write(tx -> {
            tx.communities().insert(community);
            tx.posts().insert(post);
            return null;
        });
        return post;
    }

    /** Runs {@code work} until it does not fail transiently, as the engine does. */
    private <T> T retrying(StoreWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store().write(work);
            } catch (TransientStoreException e) {
                if (attempt == 50) {
                    throw e;
                }
            }
        }
    }

    @Nested
    @DisplayName("Atomic counters")
    class Counters {
        @Test
        @DisplayName("lose no vote added from eight threads at once")
        void votes() throws Exception {
            PostRecord post = newPost();

            List<Object> outcomes = Concurrently.run(thread -> {
                for (int i = 0; i < ROUNDS; i++) {
                    int up = thread % 2 == 0 ? 1 : 0;
                    store().write(tx -> tx.posts().addVotes(post.id(), up, 1 - up));
                }
                return "done";
            });

            assertThat(outcomes).containsOnly("done");
            var counters = store().read(tx -> tx.posts().byId(post.id())).orElseThrow().counters();
            int half = Concurrently.THREADS / 2 * ROUNDS;
            assertThat(counters).isEqualTo(new PostCounters(half, half, 0, 0));
        }

        @Test
        @DisplayName("lose no vote cast, row and count together, by many accounts on one post at once")
        void castVotes() throws Exception {
            PostRecord post = newPost();

            List<Object> outcomes = Concurrently.run(thread -> {
                for (int i = 0; i < ROUNDS; i++) {
                    store().write(tx -> {
                        tx.votes().insert(Records.vote(post.id(), Records.account(), Direction.UP));
                        return tx.posts().addVotes(post.id(), 1, 0);
                    });
                }
                return "done";
            });

            assertThat(outcomes).containsOnly("done");
            int total = Concurrently.THREADS * ROUNDS;
            var counters = store().read(tx -> tx.posts().byId(post.id())).orElseThrow().counters();
            var tally = store().read(tx -> tx.votes().tally(post.id()));
            assertThat(counters.ups()).isEqualTo(total);
            assertThat(tally).isEqualTo(new VoteTally(total, 0));
        }

        @Test
        @DisplayName("lose no member or reply counted from eight threads at once")
        void membersAndReplies() throws Exception {
            PostRecord root = newPost();

            List<Object> outcomes = Concurrently.run(thread -> {
                for (int i = 0; i < ROUNDS; i++) {
                    store().write(tx -> {
                        PostRecord reply = Records.reply(root, T0.plusSeconds(1));
                        tx.posts().insert(reply);
                        tx.posts().addReply(root.id(), root.id());
                        tx.communities().addToMemberCount(root.community(), 1);
                        return null;
                    });
                }
                return "done";
            });

            assertThat(outcomes).containsOnly("done");
            int total = Concurrently.THREADS * ROUNDS;
            var counters = store().read(tx -> tx.posts().byId(root.id())).orElseThrow().counters();
            int members = store().read(tx -> tx.communities().byId(root.community())).orElseThrow().memberCount();
            int replies = store().read(tx -> tx.posts().children(root.id(), ReplySort.OLD, null, total + 1)).size();
            assertThat(counters).isEqualTo(new PostCounters(0, 0, total, total));
            assertThat(members).isEqualTo(total);
            assertThat(replies).isEqualTo(total);
        }

        @Test
        @DisplayName("admit exactly as many invite uses as the limit allows")
        void inviteUses() throws Exception {
            CommunityRecord community = Records.community();
            InviteRecord invite = Records.invite(community.id(), Records.unique("code-"), 13);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.invites().insert(invite);
                return null;
            });

            List<Object> outcomes = Concurrently.run(thread -> {
                int admitted = 0;
                for (int i = 0; i < 5; i++) {
                    if (store().write(tx -> tx.invites().use(invite.id(), invite.maxUses()))) {
                        admitted++;
                    }
                }
                return admitted;
            });

            assertThat(outcomes.stream().mapToInt(o -> (Integer) o).sum()).isEqualTo(13);
            int uses = store().read(tx -> tx.invites().byId(invite.id())).orElseThrow().uses();
            assertThat(uses).isEqualTo(13);
        }
    }

    @Nested
    @DisplayName("Reputation totals and activity")
    class ReputationAndActivity {
        @Test
        @DisplayName("lose no point added to a total from eight threads at once, its creation included, and each add sees its own total")
        void totals() throws Exception {
            CommunityId community = CommunityId.of(UUID.randomUUID().toString());
            List<PseudonymId> members = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                members.add(PseudonymId.of(UUID.randomUUID().toString()));
            }

            List<Object> outcomes = Concurrently.run(thread -> {
                List<Long> seen = new ArrayList<>();
                for (PseudonymId member : members) {
                    seen.add(store().write(tx -> tx.reputation().addToTotal(community, member, 10)));
                }
                return seen;
            });

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(List.class));
            for (int i = 0; i < ROUNDS; i++) {
                int round = i;
                List<Long> returned = outcomes.stream().map(outcome -> ((List<?>) outcome).get(round))
                        .map(Long.class::cast).sorted().toList();
                List<Long> everyStep = LongStream.rangeClosed(1, Concurrently.THREADS).map(n -> n * 10).boxed().toList();
                assertThat(returned).as("the totals returned for member %d", round).isEqualTo(everyStep);
                long total = store().read(tx -> tx.reputation().total(community, members.get(round)));
                assertThat(total).isEqualTo(Concurrently.THREADS * 10L);
            }
        }

        @Test
        @DisplayName("lose no activity count and no visit added to one day from eight threads at once, its creation included")
        void activity() throws Exception {
            CommunityId community = CommunityId.of(UUID.randomUUID().toString());
            AccountId member = Records.account();
            PostId topic = PostId.of(UUID.randomUUID().toString());

            List<Object> outcomes = Concurrently.run(thread -> {
                for (int day = 0; day < ROUNDS; day++) {
                    ActivityRecord change = new ActivityRecord(community, member, day, thread == day % Concurrently.THREADS,
                            1, 2, 3, 4);
                    int touched = day;
                    store().write(tx -> {
                        tx.trust().addActivity(change);
                        tx.trust().touchThread(community, member, topic, touched * Concurrently.THREADS + thread,
                                thread % 2 == 0);
                        return null;
                    });
                }
                return "done";
            });

            assertThat(outcomes).containsOnly("done");
            long adds = (long) Concurrently.THREADS * ROUNDS;
            Activity all = store().read(tx -> tx.trust().activity(community, member, Long.MIN_VALUE));
            assertThat(all).isEqualTo(new Activity(ROUNDS, 1, adds, Duration.ofSeconds(2 * adds), 3 * adds, 4 * adds, 1));
            long lastDay = (ROUNDS - 1L) * Concurrently.THREADS;
            Activity last = store().read(tx -> tx.trust().activity(community, member, lastDay + Concurrently.THREADS - 1));
            assertThat(last.threadsEntered()).as("the latest entered day is the last odd thread's").isEqualTo(1);
            assertThat(last.threadsRepliedTo()).as("no reply was recorded on the last day").isZero();
            Activity replied = store().read(tx -> tx.trust().activity(community, member, lastDay + Concurrently.THREADS - 2));
            assertThat(replied.threadsRepliedTo()).as("the latest replied day is the last even thread's").isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Uniqueness")
    class Uniqueness {
        @Test
        @DisplayName("lets exactly one of eight simultaneous votes by one account on one post in")
        void oneVote() throws Exception {
            PostRecord post = newPost();
            AccountId account = Records.account();

            List<Object> outcomes = Concurrently.run(thread -> store().write(tx -> {
                tx.votes().insert(Records.vote(post.id(), account, Direction.UP));
                return "inserted";
            }));

            assertThat(outcomes).filteredOn("inserted"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !"inserted".equals(o)).hasSize(Concurrently.THREADS - 1)
                    .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(DuplicateKeyException.class,
                            e -> assertThat(e.key()).isEqualTo(UniqueKey.VOTE)));
        }
    }

    @Nested
    @DisplayName("Account locks")
    class AccountLocks {
        @Test
        @DisplayName("serialise a rule over several rows of one account across eight threads")
        void serialise() throws Exception {
            AccountId account = Records.account();

            Concurrently.run(thread -> store().write(tx -> {
                tx.lockAccount(account);
                if (tx.pseudonyms().byAccount(account).size() < 3) {
                    tx.pseudonyms().insert(Records.pseudonym(account));
                }
                return null;
            }));

            int held = store().read(tx -> tx.pseudonyms().byAccount(account)).size();
            assertThat(held).isEqualTo(3);
        }

        @ParameterizedTest(name = "when the account was {0}")
        @ValueSource(strings = {"never locked before", "locked before"})
        @DisplayName("make a second unit of work wait until the unit holding the lock ends")
        void secondWaits(String history) throws Exception {
            AccountId account = Records.account();
            if (history.equals("locked before")) {
                store().write(tx -> {
                    tx.lockAccount(account);
                    return null;
                });
            }
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> store().write(tx -> {
                tx.lockAccount(account);
                // On PostgreSQL the lock travels with the unit's next statement; this read sends it.
                tx.reputation().totalAcross(Records.pseudonym(account).id());
                locked.countDown();
                UnitOfWorkTest.await(release);
                return null;
            }));
            UnitOfWorkTest.await(locked);
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> store().write(tx -> {
                tx.lockAccount(account);
                tx.reputation().totalAcross(Records.pseudonym(account).id());
                return null;
            }));

            // Half a second is ample for an unblocked unit of work; a lock that does not hold lets it through.
            Thread.sleep(500);
            assertThat(waiter).as("the second unit of work while the first holds the lock").isNotDone();
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            waiter.get(30, TimeUnit.SECONDS);
        }
    }

    @Nested
    @DisplayName("Rows read and then written")
    class ReadThenWrite {
        @Test
        @DisplayName("fail transiently when another unit changed them in between, and the failed unit leaves nothing")
        void staleWrite() throws Exception {
            CommunityRecord community = Records.community();
            AccountId account = Records.account();
            MembershipRecord pending = Records.membership(community.id(), account,
                    PseudonymId.of(UUID.randomUUID().toString()), MemberState.PENDING, T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.memberships().insert(pending);
                return null;
            });
            CountDownLatch read = new CountDownLatch(1);
            CountDownLatch otherCommitted = new CountDownLatch(1);

            CompletableFuture<Throwable> slow = CompletableFuture.supplyAsync(() -> catchThrowable(() -> store().write(tx -> {
                MembershipRecord seen = tx.memberships().find(community.id(), account).orElseThrow();
                read.countDown();
                UnitOfWorkTest.await(otherCommitted);
                tx.communities().addToMemberCount(community.id(), 1);
                tx.memberships().update(seen.withState(MemberState.ACTIVE, T0.plusSeconds(2)));
                return null;
            })));
            UnitOfWorkTest.await(read);
            store().write(tx -> {
                MembershipRecord seen = tx.memberships().find(community.id(), account).orElseThrow();
                tx.memberships().update(seen.withState(MemberState.ACTIVE, T0.plusSeconds(1)));
                tx.communities().addToMemberCount(community.id(), 1);
                return null;
            });
            otherCommitted.countDown();

            assertThat(slow.get(60, TimeUnit.SECONDS)).isInstanceOf(TransientStoreException.class)
                    .hasMessageContaining(community.id().value())
                    .hasMessageNotContaining(account.value());
            MembershipRecord stored = store().read(tx -> tx.memberships().find(community.id(), account)).orElseThrow();
            int members = store().read(tx -> tx.communities().byId(community.id())).orElseThrow().memberCount();
            assertThat(stored.since()).isEqualTo(T0.plusSeconds(1));
            assertThat(members).isEqualTo(1);
        }

        @Test
        @DisplayName("fail transiently when another unit deleted them in between, whether changed or deleted again")
        void deletedMeanwhile() throws Exception {
            for (boolean deleteAgain : new boolean[] {false, true}) {
                PostRecord post = newPost();
                AccountId account = Records.account();
                store().write(tx -> {
                    tx.votes().insert(Records.vote(post.id(), account, Direction.UP));
                    return null;
                });
                CountDownLatch read = new CountDownLatch(1);
                CountDownLatch otherCommitted = new CountDownLatch(1);

                CompletableFuture<Throwable> slow = CompletableFuture.supplyAsync(() -> catchThrowable(() -> store().write(tx -> {
                    tx.votes().find(post.id(), account).orElseThrow();
                    read.countDown();
                    UnitOfWorkTest.await(otherCommitted);
                    if (deleteAgain) {
                        tx.votes().delete(post.id(), account);
                    } else {
                        tx.votes().update(Records.vote(post.id(), account, Direction.DOWN));
                    }
                    return null;
                })));
                UnitOfWorkTest.await(read);
                boolean deleted = store().write(tx -> tx.votes().delete(post.id(), account));
                otherCommitted.countDown();

                assertThat(deleted).isTrue();
                assertThat(slow.get(60, TimeUnit.SECONDS)).as(deleteAgain ? "a second delete" : "a change")
                        .isInstanceOf(TransientStoreException.class);
                var stored = store().read(tx -> tx.votes().find(post.id(), account));
                assertThat(stored).isEmpty();
            }
        }

        @Test
        @DisplayName("may be written again in the same unit, and blindly by a unit that never read them")
        void sameUnit() {
            CommunityRecord community = Records.community();
            AccountId account = Records.account();
            MembershipRecord member = Records.membership(community.id(), account,
                    PseudonymId.of(UUID.randomUUID().toString()), MemberState.ACTIVE, T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.memberships().insert(member);
                tx.memberships().update(member.withRole(Role.MODERATOR));
                tx.memberships().update(member.withRole(Role.OWNER));
                return null;
            });
            store().write(tx -> {
                tx.memberships().update(member.withState(MemberState.LEFT, T0.plusSeconds(1)));
                tx.memberships().update(member.withState(MemberState.BANNED, T0.plusSeconds(2)));
                return null;
            });
            MembershipRecord stored = store().read(tx -> tx.memberships().find(community.id(), account)).orElseThrow();
            assertThat(stored.state()).isEqualTo(MemberState.BANNED);
            assertThat(stored.role()).isEqualTo(Role.MEMBER);
        }

        @Test
        @DisplayName("keep vote counters equal to a recount while eight threads flip one account's vote")
        void voteFlips() throws Exception {
            PostRecord post = newPost();
            AccountId account = Records.account();
            store().write(tx -> {
                tx.votes().insert(Records.vote(post.id(), account, Direction.UP));
                tx.posts().addVotes(post.id(), 1, 0);
                return null;
            });

            List<Object> outcomes = Concurrently.run(thread -> {
                for (int i = 0; i < ROUNDS; i++) {
                    Direction wanted = (thread + i) % 2 == 0 ? Direction.UP : Direction.DOWN;
                    retrying(tx -> {
                        VoteRecord vote = tx.votes().find(post.id(), account).orElseThrow();
                        if (vote.direction() != wanted) {
                            tx.votes().update(new VoteRecord(post.id(), account, vote.voter(), wanted, true, T0));
                            int up = wanted == Direction.UP ? 1 : -1;
                            tx.posts().addVotes(post.id(), up, -up);
                        }
                        return null;
                    });
                }
                return "done";
            });

            assertThat(outcomes).containsOnly("done");
            PostCounters counters = store().read(tx -> tx.posts().byId(post.id())).orElseThrow().counters();
            VoteTally tally = store().read(tx -> tx.votes().tally(post.id()));
            assertThat(new VoteTally(counters.ups(), counters.downs())).isEqualTo(tally);
            assertThat(tally.ups() + tally.downs()).isEqualTo(1);
        }
    }
}
