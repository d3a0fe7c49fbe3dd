package dev.niche.community.inmemory;

import static dev.niche.community.inmemory.SampleRows.T0;
import static dev.niche.community.inmemory.SampleRows.account;
import static dev.niche.community.inmemory.SampleRows.at;
import static dev.niche.community.inmemory.SampleRows.community;
import static dev.niche.community.inmemory.SampleRows.communityId;
import static dev.niche.community.inmemory.SampleRows.invite;
import static dev.niche.community.inmemory.SampleRows.inviteId;
import static dev.niche.community.inmemory.SampleRows.membership;
import static dev.niche.community.inmemory.SampleRows.postId;
import static dev.niche.community.inmemory.SampleRows.pseudonym;
import static dev.niche.community.inmemory.SampleRows.pseudonymId;
import static dev.niche.community.inmemory.SampleRows.renamed;
import static dev.niche.community.inmemory.SampleRows.reply;
import static dev.niche.community.inmemory.SampleRows.root;
import static dev.niche.community.inmemory.SampleRows.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory store")
class InMemoryStoreTest {
    private static final AccountId A1 = account(1);
    private static final AccountId A2 = account(2);
    private static final PseudonymId P1 = pseudonymId(1);
    private static final PseudonymId P2 = pseudonymId(2);
    private static final CommunityId C1 = communityId(10);
    private static final CommunityId C2 = communityId(11);
    private static final PostId R1 = postId(100);
    private static final PostId Q1 = postId(101);
    private static final PostId R2 = postId(102);
    private static final PostId Q2 = postId(103);
    private static final List<PostId> POSTS = List.of(R1, Q1, R2, Q2);

    private final InMemoryStore store = new InMemoryStore();

    /** Ada (account 1) in "alpha", with an invite, a thread R1 with reply Q1, and her votes on both. */
    @BeforeEach
    void seed() {
        store.write(tx -> {
            tx.pseudonyms().insert(pseudonym(1, A1, "Ada"));
            tx.communities().insert(community(10, "alpha"));
            tx.communities().addToMemberCount(C1, 1);
            tx.memberships().insert(membership(C1, A1, P1, MemberState.ACTIVE, T0));
            tx.invites().insert(invite(20, C1, "code-1"));
            PostRecord thread = root(100, C1, at(1));
            tx.posts().insert(thread);
            tx.posts().insert(reply(101, thread, at(2)));
            tx.posts().addReply(R1, R1);
            tx.votes().insert(vote(R1, A1, Direction.UP));
            tx.votes().insert(vote(Q1, A1, Direction.UP));
            tx.posts().addVotes(R1, 1, 0);
            tx.posts().addVotes(Q1, 1, 0);
            return null;
        });
    }

    @Nested
    @DisplayName("makes each write all or nothing")
    class AllOrNothing {

        @Test
        @DisplayName("a write that returns changes what every table and index answers")
        void commitChangesEveryIndex() {
            Map<String, Object> before = snapshot();

            store.write(tx -> {
                changeEverything(tx);
                return null;
            });

            Map<String, Object> after = snapshot();
            // Proves that the rollback test below covers every index: each one sees the changes.
            before.forEach((index, answer) -> assertThat(after.get(index)).as(index).isNotEqualTo(answer));
        }

        @Test
        @DisplayName("a write that throws leaves every table and index as it was, and its exception propagates")
        void rollbackRestoresEveryIndex() {
            Map<String, Object> before = snapshot();
            IllegalArgumentException failure = new IllegalArgumentException("the work failed");

            assertThatThrownBy(() -> store.write(tx -> {
                changeEverything(tx);
                throw failure;
            })).isSameAs(failure);

            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        @DisplayName("a write that fails with an Error is undone too")
        void errorIsUndone() {
            AssertionError failure = new AssertionError("the work broke");

            assertThatThrownBy(() -> store.write(tx -> {
                tx.posts().addVotes(R1, 5, 0);
                throw failure;
            })).isSameAs(failure);

            assertThat(counters(R1).ups()).isEqualTo(1);
        }

        private void changeEverything(StoreTransaction tx) {
            tx.pseudonyms().insert(pseudonym(2, A2, "Bea"));
            tx.communities().insert(community(11, "beta"));
            tx.communities().update(renamed(community(10, "alpha"), "Alpha, renamed"));
            tx.communities().addToMemberCount(C1, 1);
            tx.memberships().update(membership(C1, A1, P1, MemberState.BANNED, at(5)));
            tx.memberships().insert(membership(C1, A2, P2, MemberState.PENDING, at(5)));
            tx.memberships().insert(membership(C2, A1, P1, MemberState.ACTIVE, at(5)));
            tx.invites().insert(invite(21, C1, "code-2"));
            tx.invites().use(inviteId(20), 100);
            tx.invites().revoke(inviteId(20));
            PostRecord thread = root(102, C1, at(6));
            tx.posts().insert(thread);
            tx.posts().insert(reply(103, tx.posts().byId(R1).orElseThrow(), at(6)));
            tx.posts().update(tx.posts().byId(R1).orElseThrow().asTombstone());
            tx.posts().addReply(Q1, R1);
            tx.posts().addVotes(R1, -1, 1);
            tx.posts().addVotes(Q1, -1, 0);
            tx.posts().addVotes(R2, 1, 0);
            tx.posts().setRanks(R2, new Ranks(9, 0.75, 3));
            tx.posts().setRanks(Q1, new Ranks(-9, 0.25, 1));
            tx.votes().update(vote(R1, A1, Direction.DOWN));
            tx.votes().delete(Q1, A1);
            tx.votes().insert(vote(R2, A1, Direction.UP));
            tx.votes().insert(vote(R2, A2, Direction.DOWN));
        }

        /** What every table and index answers, by index. */
        private Map<String, Object> snapshot() {
            return store.read(tx -> {
                Map<String, Object> answers = new LinkedHashMap<>();
                answers.put("pseudonyms by id", tx.pseudonyms().byIds(List.of(P1, P2)));
                answers.put("pseudonyms by handle",
                        List.of(tx.pseudonyms().byHandle("ADA"), tx.pseudonyms().byHandle("bea")));
                answers.put("pseudonyms by account",
                        List.of(tx.pseudonyms().byAccount(A1), tx.pseudonyms().byAccount(A2)));
                answers.put("communities by id", List.of(tx.communities().byId(C1), tx.communities().byId(C2)));
                answers.put("communities by slug",
                        List.of(tx.communities().bySlug("alpha"), tx.communities().bySlug("beta")));
                answers.put("community search",
                        tx.communities().search(new CommunitySearch(null, List.of(), Set.of(), null, 10)));
                answers.put("memberships by account", List.of(tx.memberships().find(C1, A1),
                        tx.memberships().find(C1, A2), tx.memberships().find(C2, A1)));
                answers.put("memberships by pseudonym", List.of(tx.memberships().findByPseudonym(C1, P1),
                        tx.memberships().findByPseudonym(C1, P2), tx.memberships().findByPseudonym(C2, P1)));
                List<Object> pages = new ArrayList<>();
                List<Object> communitiesOf = new ArrayList<>();
                for (MemberState state : MemberState.values()) {
                    pages.add(tx.memberships().page(C1, state, null, 10));
                    pages.add(tx.memberships().page(C2, state, null, 10));
                    communitiesOf.add(tx.memberships().communitiesOf(A1, state));
                    communitiesOf.add(tx.memberships().communitiesOf(A2, state));
                }
                answers.put("member pages", pages);
                answers.put("communities of an account", communitiesOf);
                answers.put("invites by id", List.of(tx.invites().byId(inviteId(20)), tx.invites().byId(inviteId(21))));
                answers.put("invites by code", List.of(tx.invites().byCode("code-1"), tx.invites().byCode("code-2")));
                answers.put("posts by id", tx.posts().byIds(POSTS));
                for (ThreadSort sort : ThreadSort.values()) {
                    answers.put("threads by " + sort, tx.posts().threads(C1, sort, null, null, 10));
                }
                for (ReplySort sort : ReplySort.values()) {
                    answers.put("replies by " + sort, tx.posts().children(R1, sort, null, 10));
                }
                answers.put("votes by account",
                        List.of(tx.votes().ofAccount(A1, POSTS), tx.votes().ofAccount(A2, POSTS)));
                answers.put("vote tallies", List.of(tx.votes().tally(R1), tx.votes().tally(Q1), tx.votes().tally(R2)));
                return answers;
            });
        }
    }

    @Nested
    @DisplayName("runs one unit of work at a time per thread")
    class Nesting {

        @Test
        @DisplayName("refuses read or write inside a write, and undoes the outer write")
        void insideWrite() {
            List<Consumer<InMemoryStore>> nested = List.of(s -> s.read(tx -> null), s -> s.write(tx -> null));
            for (Consumer<InMemoryStore> inner : nested) {
                assertThatThrownBy(() -> store.write(tx -> {
                    tx.pseudonyms().insert(pseudonym(2, A2, "Bea"));
                    inner.accept(store);
                    return null;
                })).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("nested units of work are not supported");

                Optional<PseudonymRecord> bea = store.read(tx -> tx.pseudonyms().byId(P2));
                assertThat(bea).isEmpty();
            }
        }

        @Test
        @DisplayName("refuses read or write inside a read")
        void insideRead() {
            List<Consumer<InMemoryStore>> nested = List.of(s -> s.read(tx -> null), s -> s.write(tx -> null));
            for (Consumer<InMemoryStore> inner : nested) {
                assertThatThrownBy(() -> store.read(tx -> {
                    inner.accept(store);
                    return null;
                })).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("nested units of work are not supported");
            }
        }

        @Test
        @DisplayName("releases its lock after a refusal, so the thread can run the next unit of work")
        void usableAfterRefusal() {
            assertThatThrownBy(() -> store.write(tx -> store.read(inner -> null)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.read(tx -> store.write(inner -> null)))
                    .isInstanceOf(IllegalStateException.class);

            store.write(tx -> {
                tx.pseudonyms().insert(pseudonym(2, A2, "Bea"));
                return null;
            });

            Optional<PseudonymRecord> bea = store.read(tx -> tx.pseudonyms().byId(P2));
            assertThat(bea).isPresent();
        }
    }

    @Nested
    @DisplayName("confines a transaction to its unit of work")
    class Confinement {

        @Test
        @DisplayName("refuses a transaction, or a table it handed out, once its unit has ended")
        void afterEnd() {
            AtomicReference<StoreTransaction> leakedTx = new AtomicReference<>();
            PostTable leakedRead = store.read(tx -> {
                leakedTx.set(tx);
                return tx.posts();
            });
            PostTable leakedWrite = store.write(StoreTransaction::posts);

            assertThatThrownBy(() -> leakedTx.get().posts()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unit of work that has ended");
            assertThatThrownBy(() -> leakedRead.byId(R1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> leakedWrite.byId(R1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> leakedWrite.addVotes(R1, 1, 0)).isInstanceOf(IllegalStateException.class);
            assertThat(counters(R1).ups()).isEqualTo(1);
        }

        @Test
        @DisplayName("refuses writes inside a read")
        void readOnly() {
            assertThatThrownBy(() -> store.read(tx -> {
                tx.posts().addVotes(R1, 1, 0);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");

            assertThat(counters(R1).ups()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("enforces uniqueness as a database would, writing nothing for the refused insert")
    class Uniqueness {

        @Test
        @DisplayName("a community slug")
        void slug() {
            refused(UniqueKey.COMMUNITY_SLUG, tx -> tx.communities().insert(community(11, "alpha")));

            store.read(tx -> {
                assertThat(tx.communities().byId(C2)).isEmpty();
                assertThat(tx.communities().bySlug("alpha")).map(c -> c.id()).contains(C1);
                return null;
            });
        }

        @Test
        @DisplayName("a pseudonym handle, compared case-insensitively")
        void handle() {
            refused(UniqueKey.PSEUDONYM_HANDLE, tx -> tx.pseudonyms().insert(pseudonym(2, A2, "aDA")));

            store.read(tx -> {
                assertThat(tx.pseudonyms().byId(P2)).isEmpty();
                assertThat(tx.pseudonyms().byAccount(A2)).isEmpty();
                assertThat(tx.pseudonyms().byHandle("ada")).map(p -> p.id()).contains(P1);
                return null;
            });
        }

        @Test
        @DisplayName("a membership per (community, account), and per (community, pseudonym)")
        void membershipPerAccount() {
            refused(UniqueKey.MEMBERSHIP,
                    tx -> tx.memberships().insert(membership(C1, A1, P2, MemberState.PENDING, at(9))));
            refused(UniqueKey.MEMBERSHIP,
                    tx -> tx.memberships().insert(membership(C1, A2, P1, MemberState.PENDING, at(9))));

            store.read(tx -> {
                assertThat(tx.memberships().find(C1, A1)).map(m -> m.state()).contains(MemberState.ACTIVE);
                assertThat(tx.memberships().find(C1, A2)).isEmpty();
                assertThat(tx.memberships().findByPseudonym(C1, P2)).isEmpty();
                assertThat(tx.memberships().page(C1, MemberState.PENDING, null, 10)).isEmpty();
                assertThat(tx.memberships().communitiesOf(A2, MemberState.PENDING)).isEmpty();
                return null;
            });
        }

        @Test
        @DisplayName("a vote per (post, account)")
        void votePerAccount() {
            refused(UniqueKey.VOTE, tx -> tx.votes().insert(vote(R1, A1, Direction.DOWN)));

            store.read(tx -> {
                assertThat(tx.votes().find(R1, A1)).map(VoteRecord::direction).contains(Direction.UP);
                assertThat(tx.votes().tally(R1)).isEqualTo(new VoteTally(1, 0));
                return null;
            });
        }

        @Test
        @DisplayName("an invite code")
        void inviteCode() {
            refused(UniqueKey.INVITE_CODE, tx -> tx.invites().insert(invite(21, C1, "code-1")));

            Optional<InviteRecord> refused = store.read(tx -> tx.invites().byId(inviteId(21)));
            assertThat(refused).isEmpty();
        }

        @Test
        @DisplayName("an id, in every table that has one")
        void ids() {
            refused(UniqueKey.ID, tx -> tx.pseudonyms().insert(pseudonym(1, A2, "other")));
            refused(UniqueKey.ID, tx -> tx.communities().insert(community(10, "other")));
            refused(UniqueKey.ID, tx -> tx.invites().insert(invite(20, C1, "other")));
            refused(UniqueKey.ID, tx -> tx.posts().insert(root(100, C2, at(30))));

            store.read(tx -> {
                assertThat(tx.pseudonyms().byHandle("other")).isEmpty();
                assertThat(tx.pseudonyms().byAccount(A2)).isEmpty();
                assertThat(tx.communities().bySlug("other")).isEmpty();
                assertThat(tx.invites().byCode("other")).isEmpty();
                assertThat(tx.posts().byId(R1)).map(PostRecord::community).contains(C1);
                assertThat(tx.posts().threads(C2, ThreadSort.NEW, null, null, 10)).isEmpty();
                return null;
            });
        }

        /** Runs the insert in a write that catches the refusal and then commits. */
        private void refused(UniqueKey key, Consumer<StoreTransaction> insert) {
            DuplicateKeyException refusal = store.write(
                    tx -> catchThrowableOfType(DuplicateKeyException.class, () -> insert.accept(tx)));
            assertThat(refusal).as("refusal for %s", key).isNotNull();
            assertThat(refusal.key()).isEqualTo(key);
        }
    }

    @Nested
    @DisplayName("changes counters atomically")
    class Counters {

        @Test
        @DisplayName("8 threads adding votes and members at once lose none, and each sees its own addition")
        void concurrentVotes() throws Exception {
            int perThread = 500;
            List<List<Integer>> seen = concurrently(8, () -> {
                List<Integer> ups = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ups.add(store.write(tx -> {
                        tx.communities().addToMemberCount(C1, 1);
                        return tx.posts().addVotes(R1, 1, 2);
                    }).ups());
                }
                return ups;
            });

            PostCounters counters = counters(R1);
            assertThat(counters.ups()).isEqualTo(1 + 8 * perThread);
            assertThat(counters.downs()).isEqualTo(2 * 8 * perThread);
            assertThat(counters.replyCount()).isEqualTo(1);
            int members = store.read(tx -> tx.communities().byId(C1).orElseThrow().memberCount());
            assertThat(members).isEqualTo(1 + 8 * perThread);
            Set<Integer> distinct = seen.stream().flatMap(List::stream).collect(Collectors.toSet());
            assertThat(distinct).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(2, 1 + 8 * perThread).boxed().toList());
        }

        @Test
        @DisplayName("8 threads using one invite at once get exactly its uses")
        void concurrentInviteUses() throws Exception {
            List<Integer> counted = concurrently(8, () -> {
                int mine = 0;
                for (int i = 0; i < 50; i++) {
                    if (store.write(tx -> tx.invites().use(inviteId(20), 100))) {
                        mine++;
                    }
                }
                return mine;
            });

            assertThat(counted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
            int uses = store.read(tx -> tx.invites().byId(inviteId(20)).orElseThrow().uses());
            assertThat(uses).isEqualTo(100);
        }

        @Test
        @DisplayName("a reply counts on its parent and on its thread root")
        void replies() {
            store.write(tx -> {
                tx.posts().addReply(Q1, R1);
                return null;
            });

            assertThat(counters(R1)).isEqualTo(new PostCounters(1, 0, 1, 2));
            assertThat(counters(Q1)).isEqualTo(new PostCounters(1, 0, 1, 0));
        }

        @Test
        @DisplayName("a change to a missing row is refused, naming its id")
        void missingRows() {
            PostId missing = postId(999);
            CommunityId missingCommunity = communityId(999);
            assertMissing(tx -> tx.posts().addVotes(missing, 1, 0), missing.value());
            assertMissing(tx -> tx.posts().addReply(missing, R1), missing.value());
            assertMissing(tx -> tx.posts().addReply(Q1, missing), missing.value());
            assertMissing(tx -> tx.posts().update(root(999, C1, T0)), missing.value());
            assertMissing(tx -> tx.communities().addToMemberCount(missingCommunity, 1), missingCommunity.value());
            assertMissing(tx -> tx.communities().update(community(999, "gone")), missingCommunity.value());
            assertMissing(tx -> tx.invites().revoke(inviteId(999)), inviteId(999).value());
            assertMissing(tx -> tx.memberships().update(membership(C1, A2, P2, MemberState.LEFT, T0)), C1.value());
            assertMissing(tx -> tx.votes().update(vote(R1, A2, Direction.UP)), R1.value());

            assertThat(counters(Q1)).isEqualTo(new PostCounters(1, 0, 0, 0));
        }

        private void assertMissing(Consumer<StoreTransaction> change, String id) {
            assertThatThrownBy(() -> store.write(tx -> {
                change.accept(tx);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining(id);
        }
    }

    @Nested
    @DisplayName("pages posts by index")
    class PostPages {

        @Test
        @DisplayName("threads come newest first, equal times by id descending, each page after its key")
        void threadsNewestFirst() {
            store.write(tx -> {
                tx.posts().insert(root(203, C1, at(10)));
                tx.posts().insert(root(201, C1, at(10)));
                tx.posts().insert(root(205, C1, at(20)));
                tx.posts().insert(root(202, C1, at(10)));
                tx.posts().insert(root(204, C1, at(5)));
                tx.posts().insert(reply(206, tx.posts().byId(postId(205)).orElseThrow(), at(30)));
                tx.posts().insert(root(207, C2, at(40)));
                return null;
            });

            assertThat(threadIds(null, 10)).containsExactly(205, 203, 202, 201, 204, 100);
            assertThat(threadIds(newKey(at(10), postId(203)), 2)).containsExactly(202, 201);
            assertThat(threadIds(newKey(at(10), postId(201)), 10)).containsExactly(204, 100);
            assertThat(threadIds(newKey(at(1), postId(100)), 10)).isEmpty();
            assertThat(threadIds(null, 0)).isEmpty();
        }

        @Test
        @DisplayName("a post's replies come oldest first by OLD and newest first by NEW, equal times by id, whatever the insert order")
        void repliesByTime() {
            store.write(tx -> {
                PostRecord thread = tx.posts().byId(R1).orElseThrow();
                tx.posts().insert(reply(304, thread, at(9)));
                tx.posts().insert(reply(302, thread, at(9)));
                tx.posts().insert(reply(303, tx.posts().byId(postId(302)).orElseThrow(), at(1)));
                return null;
            });

            assertThat(replyIds(ReplySort.OLD)).containsExactly(Q1, postId(302), postId(304));
            assertThat(replyIds(ReplySort.NEW)).containsExactly(postId(304), postId(302), Q1);
        }

        private List<PostId> replyIds(ReplySort sort) {
            return store.read(tx -> tx.posts().children(R1, sort, null, 10)).stream().map(PostRecord::id).toList();
        }

        private static SortKey newKey(Instant createdAt, PostId id) {
            return new SortKey(SortKey.micros(createdAt), id);
        }

        private List<Integer> threadIds(SortKey after, int limit) {
            return store.read(tx -> tx.posts().threads(C1, ThreadSort.NEW, null, after, limit)).stream()
                    .map(post -> Integer.parseInt(post.id().value().substring(24)))
                    .toList();
        }
    }

    @Nested
    @DisplayName("pages members by state")
    class MemberPages {

        @BeforeEach
        void members() {
            store.write(tx -> {
                tx.memberships().insert(membership(C1, account(3), pseudonymId(3), MemberState.ACTIVE, at(2)));
                tx.memberships().insert(membership(C1, account(4), pseudonymId(4), MemberState.ACTIVE, at(1)));
                tx.memberships().insert(membership(C1, account(5), pseudonymId(5), MemberState.ACTIVE, at(1)));
                return null;
            });
        }

        @Test
        @DisplayName("in order of since, then pseudonym id, each page after its key")
        void order() {
            assertThat(page(MemberState.ACTIVE, null, 10)).containsExactly(1, 4, 5, 3);
            assertThat(page(MemberState.ACTIVE, new MemberKey(at(1), pseudonymId(4)), 2)).containsExactly(5, 3);
            assertThat(page(MemberState.ACTIVE, new MemberKey(at(2), pseudonymId(3)), 10)).isEmpty();
        }

        @Test
        @DisplayName("an update moves a membership to the page of its new state, or to its new place")
        void updateMoves() {
            store.write(tx -> {
                tx.memberships().update(membership(C1, account(4), pseudonymId(4), MemberState.BANNED, at(3)));
                tx.memberships().update(membership(C1, account(5), pseudonymId(5), MemberState.ACTIVE, at(4)));
                return null;
            });

            assertThat(page(MemberState.ACTIVE, null, 10)).containsExactly(1, 3, 5);
            assertThat(page(MemberState.BANNED, null, 10)).containsExactly(4);
            store.read(tx -> {
                assertThat(tx.memberships().communitiesOf(account(4), MemberState.BANNED)).containsExactly(C1);
                assertThat(tx.memberships().communitiesOf(account(4), MemberState.ACTIVE)).isEmpty();
                return null;
            });
        }

        @Test
        @DisplayName("an update that changes the pseudonym re-keys the lookup by pseudonym")
        void updateRekeys() {
            store.write(tx -> {
                tx.memberships().update(membership(C1, account(3), pseudonymId(6), MemberState.ACTIVE, at(2)));
                return null;
            });

            store.read(tx -> {
                assertThat(tx.memberships().findByPseudonym(C1, pseudonymId(3))).isEmpty();
                assertThat(tx.memberships().findByPseudonym(C1, pseudonymId(6))).map(MembershipRecord::account)
                        .contains(account(3));
                return null;
            });
            assertThat(page(MemberState.ACTIVE, null, 10)).containsExactly(1, 4, 5, 6);
        }

        private List<Integer> page(MemberState state, MemberKey after, int limit) {
            return store.read(tx -> tx.memberships().page(C1, state, after, limit)).stream()
                    .map(m -> Integer.parseInt(m.pseudonym().value().substring(24)))
                    .toList();
        }
    }

    @Nested
    @DisplayName("searches communities")
    class Search {

        @Test
        @DisplayName("in slug order after a slug, honouring visibility, tag and words, and stopping at the limit")
        void search() {
            store.write(tx -> {
                tx.communities().insert(community(12, "knitting", Visibility.PUBLIC, List.of("craft")));
                tx.communities().insert(community(13, "crochet", Visibility.RESTRICTED, List.of("craft")));
                tx.communities().insert(community(14, "secret-craft", Visibility.PRIVATE, List.of("craft")));
                tx.communities().insert(community(15, "hidden-craft", Visibility.PRIVATE, List.of("craft")));
                tx.communities().insert(community(16, "woodwork", Visibility.PUBLIC, List.of("wood")));
                return null;
            });

            assertThat(slugs(new CommunitySearch("craft", List.of(), Set.of(communityId(14)), null, 10)))
                    .containsExactly("crochet", "knitting", "secret-craft");
            assertThat(slugs(new CommunitySearch("craft", List.of(), Set.of(communityId(14)), "crochet", 10)))
                    .containsExactly("knitting", "secret-craft");
            assertThat(slugs(new CommunitySearch(null, List.of(), Set.of(), null, 2)))
                    .containsExactly("alpha", "crochet");
            assertThat(slugs(new CommunitySearch(null, List.of("title of", "wood"), Set.of(), null, 10)))
                    .containsExactly("woodwork");
            assertThat(slugs(new CommunitySearch(null, List.of("about kn", "itt"), Set.of(), null, 10)))
                    .containsExactly("knitting");
        }

        private List<String> slugs(CommunitySearch search) {
            return store.read(tx -> tx.communities().search(search)).stream().map(c -> c.slug()).toList();
        }
    }

    private PostCounters counters(PostId post) {
        return store.read(tx -> tx.posts().byId(post).orElseThrow().counters());
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
