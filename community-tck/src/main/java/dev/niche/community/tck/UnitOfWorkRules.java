package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.AccountId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.vote.Direction;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link CommunityStore#read} and {@link CommunityStore#write} as units of work. */
abstract class UnitOfWorkRules extends RuleFamily {
    private final PseudonymRecord owner = Rows.pseudonym(Rows.account(), "owner");
    private final PseudonymRecord member = Rows.pseudonym(Rows.account(), "member");
    private final CommunityRecord community = Rows.community("units");
    private final PostRecord root = Rows.thread(community, owner, Rows.T0);
    private final InviteRecord invite = Rows.invite(community, owner, "unit-invite", 5);

    UnitOfWorkRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeSomeOfEverything() {
        given(tx -> {
            tx.pseudonyms().insert(owner);
            tx.pseudonyms().insert(member);
            tx.communities().insert(community);
            tx.communities().addToMemberCount(community.id(), 1);
            tx.memberships().insert(Rows.membership(community, owner, MemberState.ACTIVE, Rows.T0));
            tx.posts().insert(root);
            tx.votes().insert(Rows.vote(root, member, Direction.UP));
            tx.posts().addVotes(root.id(), 1, 0);
            tx.invites().insert(invite);
        });
    }

    /** Everything a rule can observe of the rows stored before it. */
    private List<Object> everything() {
        StoreTransaction now = committed();
        return List.of(
                now.pseudonyms().byAccount(owner.account()), now.pseudonyms().byAccount(member.account()),
                now.pseudonyms().byHandle("newcomer"), now.communities().byId(community.id()),
                now.communities().bySlug("second"), now.memberships().page(community.id(), MemberState.ACTIVE, null, 100),
                now.memberships().find(community.id(), member.account()), now.posts().byId(root.id()),
                Descendants.of(now.posts(), root.id()), now.posts().threads(community.id(), ThreadSort.NEW, null, null, 100),
                now.votes().find(root.id(), member.account()), now.votes().find(root.id(), owner.account()),
                now.votes().tally(root.id()), now.invites().byId(invite.id()), now.invites().byCode("second-code"));
    }

    /** Writes to every table, counters included, as a command that then fails would have. */
    private void writeEverywhere(StoreTransaction tx) {
        tx.pseudonyms().insert(Rows.pseudonym(Rows.account(), "newcomer"));
        tx.communities().insert(Rows.community("second"));
        tx.communities().update(new CommunityRecord(community.id(), community.slug(), "Changed", "Changed", List.of("x"),
                List.of(), community.visibility(), community.joinPolicy(), true, 0, community.createdAt(), Rows.at(9)));
        tx.communities().addToMemberCount(community.id(), 1);
        tx.memberships().insert(Rows.membership(community, member, MemberState.ACTIVE, Rows.at(1)));
        tx.memberships().update(Rows.membership(community, owner, MemberState.BANNED, Rows.at(1)).withRole(Role.OWNER));
        PostRecord reply = Rows.reply(root, member, Rows.at(1));
        tx.posts().insert(reply);
        tx.posts().addReply(root.id(), root.id());
        tx.posts().update(root.asTombstone());
        tx.votes().update(Rows.vote(root, member, Direction.DOWN));
        tx.posts().addVotes(root.id(), -1, 1);
        tx.posts().setRanks(root.id(), new Ranks(9.5, 0.25, 2));
        tx.votes().insert(Rows.vote(root, owner, Direction.UP));
        tx.votes().delete(root.id(), member.account());
        tx.invites().use(invite.id(), 5);
        tx.invites().revoke(invite.id());
        tx.invites().insert(Rows.invite(community, owner, "second-code", 1));
    }

    /** If this fails, check that write runs the whole work in one database transaction and rolls it back on any exception, counters included. */
    @Test
    @DisplayName("a unit of work that throws after writing to every table leaves nothing behind, counters included")
    void failedWorkLeavesNothing() {
        List<Object> before = everything();
        RuntimeException boom = new IllegalArgumentException("the command failed after its writes");

        Throwable thrown = catchThrowable(() -> given(tx -> {
            writeEverywhere(tx);
            throw boom;
        }));

        assertThat(thrown).as("the exception the work threw, passed on unchanged").isSameAs(boom);
        assertThat(everything()).isEqualTo(before);
    }

    /** If this fails, check that a unique violation inside a unit of work rolls back the writes made before it in that unit. */
    @Test
    @DisplayName("a unit of work refused midway by a duplicate key keeps none of its earlier writes")
    void duplicateKeyMidwayLeavesNothing() {
        List<Object> before = everything();

        assertThatThrownBy(() -> given(tx -> {
            tx.pseudonyms().insert(Rows.pseudonym(Rows.account(), "newcomer"));
            tx.posts().addVotes(root.id(), 5, 5);
            tx.communities().insert(Rows.community(community.slug()));
        })).isInstanceOfSatisfying(DuplicateKeyException.class,
                e -> assertThat(e.key()).isEqualTo(UniqueKey.COMMUNITY_SLUG));

        assertThat(everything()).isEqualTo(before);
    }

    /** If this fails, check that the tables of a unit of work all use its one connection or transaction, so that reads see its uncommitted writes. */
    @Test
    @DisplayName("reads inside a unit of work see its own writes")
    void readsSeeOwnWrites() {
        PseudonymRecord newcomer = Rows.pseudonym(Rows.account(), "Newcomer");
        PostRecord thread = Rows.thread(community, newcomer, Rows.at(5));

        List<Object> seen = write(tx -> {
            tx.pseudonyms().insert(newcomer);
            tx.memberships().insert(Rows.membership(community, newcomer, MemberState.ACTIVE, Rows.at(5)));
            tx.posts().insert(thread);
            tx.posts().addVotes(thread.id(), 2, 0);
            return List.of(tx.pseudonyms().byHandle("newcomer"),
                    tx.memberships().find(community.id(), newcomer.account()).map(MembershipRecord::pseudonym),
                    tx.posts().threads(community.id(), ThreadSort.NEW, null, null, 1).get(0).counters().ups());
        });

        assertThat(seen).containsExactly(Optional.of(newcomer), Optional.of(newcomer.id()), 2);
    }

    /** If this fails, check that read and write return exactly what the work returned. */
    @Test
    @DisplayName("read and write hand back what the work returned")
    void resultsHandedBack() {
        Object token = new Object();

        Object read = store().read(tx -> token);
        Object written = store().write(tx -> token);

        assertThat(read).isSameAs(token);
        assertThat(written).isSameAs(token);
    }

    /** If this fails, check that the store detects a unit of work already open on the calling thread (a ThreadLocal, for example) and throws IllegalStateException. */
    @Test
    @DisplayName("a unit of work opened inside another is refused with IllegalStateException")
    void nestingRefused() {
        CommunityStore store = store();
        List<Consumer<CommunityStore>> inner = List.of(s -> s.read(tx -> Boolean.TRUE), s -> s.write(tx -> Boolean.TRUE));

        for (Consumer<CommunityStore> nested : inner) {
            Throwable inRead = store.read(tx -> catchThrowable(() -> nested.accept(store)));
            Throwable inWrite = store.write(tx -> catchThrowable(() -> nested.accept(store)));
            assertThat(inRead).as("a unit of work opened inside a read").isInstanceOf(IllegalStateException.class);
            assertThat(inWrite).as("a unit of work opened inside a write").isInstanceOf(IllegalStateException.class);
        }
    }

    /** If this fails, check that write commits before it returns, and that other threads read committed data, not a cache of their own. */
    @Test
    @DisplayName("what one thread committed, every other thread reads at once")
    void commitsAreVisibleEverywhere() {
        PseudonymRecord elsewhere = Rows.pseudonym(Rows.account(), "elsewhere");
        Race.elsewhere(() -> {
            given(tx -> {
                tx.pseudonyms().insert(elsewhere);
                tx.posts().addVotes(root.id(), 0, 3);
            });
            return null;
        });
        assertThat(committed().pseudonyms().byId(elsewhere.id())).contains(elsewhere);
        assertThat(committed().posts().byId(root.id()).orElseThrow().counters().downs()).isEqualTo(3);

        given(tx -> tx.invites().revoke(invite.id()));
        assertThat(Race.elsewhere(() -> committed().invites().byId(invite.id()).orElseThrow().revoked())).isTrue();
    }

    /** If this fails, check that lockAccount takes a lock that other units of work locking the same account wait for, such as {@code SELECT ... FOR UPDATE} on an account row. */
    @Test
    @DisplayName("units of work that lock one account run one after another: 8 threads keep a limit of 3 pseudonyms")
    void lockAccountSerialises() {
        AccountId account = Rows.account();

        List<Race.Outcome<Boolean>> outcomes = Race.run(Race.THREADS, t -> writeRetrying(tx -> {
            tx.lockAccount(account);
            if (tx.pseudonyms().byAccount(account).size() >= 3) {
                return false;
            }
            tx.pseudonyms().insert(Rows.pseudonym(account, "limited-" + t));
            return true;
        }));

        Race.assertAllSucceeded(outcomes);
        assertThat(outcomes).filteredOn(Race.Outcome::value).hasSize(3);
        assertThat(committed().pseudonyms().byAccount(account)).hasSize(3);
    }

    /** If this fails, check that lockAccount accepts any account, one that owns no rows included, and may be called again in the same unit of work. */
    @Test
    @DisplayName("locking an account with no rows, twice in one unit of work, is fine")
    void lockAccountIsCallable() {
        AccountId stranger = Rows.account();

        given(tx -> {
            tx.lockAccount(stranger);
            tx.lockAccount(stranger);
            tx.lockAccount(owner.account());
            tx.pseudonyms().insert(Rows.pseudonym(stranger, "stranger"));
        });

        assertThat(committed().pseudonyms().byAccount(stranger)).hasSize(1);
    }
}
