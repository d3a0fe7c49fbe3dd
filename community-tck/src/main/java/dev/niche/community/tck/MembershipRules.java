package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.UniqueKey;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.MembershipTable}, except its pages. */
abstract class MembershipRules extends RuleFamily {
    private final AccountId account = Rows.account();
    private final PseudonymRecord alice = Rows.pseudonym(account, "alice");
    private final PseudonymRecord aliceElsewhere = Rows.pseudonym(account, "alice-too");
    private final PseudonymRecord bob = Rows.pseudonym(Rows.account(), "bob");
    private final CommunityRecord bakers = Rows.community("bakers");
    private final CommunityRecord flyers = Rows.community("flyers");

    MembershipRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storePeopleAndPlaces() {
        given(tx -> {
            List.of(alice, aliceElsewhere, bob).forEach(tx.pseudonyms()::insert);
            List.of(bakers, flyers).forEach(tx.communities()::insert);
        });
    }

    /** If this fails, check that every column of a membership is stored and that find and findByPseudonym read it back. */
    @Test
    @DisplayName("a stored membership reads back by account and by pseudonym, exactly as stored")
    void readsBack() {
        MembershipRecord m = new MembershipRecord(bakers.id(), account, alice.id(), Role.MODERATOR, MemberState.PENDING,
                Rows.at(30));
        given(tx -> tx.memberships().insert(m));

        assertThat(committed().memberships().find(bakers.id(), account)).contains(m);
        assertThat(committed().memberships().findByPseudonym(bakers.id(), alice.id())).contains(m);
    }

    /** If this fails, check that lookups filter on both the community and the account or pseudonym. */
    @Test
    @DisplayName("absent memberships are empty answers, not errors, also in another community")
    void absentLookups() {
        given(tx -> tx.memberships().insert(Rows.membership(bakers, alice, MemberState.ACTIVE, Rows.T0)));

        assertThat(committed().memberships().find(flyers.id(), account)).isEmpty();
        assertThat(committed().memberships().find(bakers.id(), bob.account())).isEmpty();
        assertThat(committed().memberships().findByPseudonym(flyers.id(), alice.id())).isEmpty();
        assertThat(committed().memberships().findByPseudonym(bakers.id(), aliceElsewhere.id())).isEmpty();
        assertThat(committed().memberships().communitiesOf(bob.account(), MemberState.ACTIVE)).isEmpty();
    }

    /** If this fails, check that update writes the pseudonym, role, state and since of the row keyed by (community, account). */
    @Test
    @DisplayName("an update replaces the pseudonym, role, state and since")
    void updateReplaces() {
        given(tx -> tx.memberships().insert(Rows.membership(bakers, alice, MemberState.PENDING, Rows.T0)));
        MembershipRecord changed = new MembershipRecord(bakers.id(), account, aliceElsewhere.id(), Role.OWNER,
                MemberState.BANNED, Rows.at(99));

        given(tx -> tx.memberships().update(changed));

        assertThat(committed().memberships().find(bakers.id(), account)).contains(changed);
        assertThat(committed().memberships().findByPseudonym(bakers.id(), aliceElsewhere.id())).contains(changed);
        assertThat(committed().memberships().findByPseudonym(bakers.id(), alice.id())).isEmpty();
    }

    /** If this fails, check that update throws IllegalStateException when no row was affected. */
    @Test
    @DisplayName("updating a missing membership is an IllegalStateException")
    void missingMembershipRefused() {
        given(tx -> tx.memberships().insert(Rows.membership(flyers, alice, MemberState.ACTIVE, Rows.T0)));

        assertThatThrownBy(() -> given(tx -> tx.memberships().update(
                Rows.membership(bakers, alice, MemberState.LEFT, Rows.at(1)))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(committed().memberships().find(bakers.id(), account)).isEmpty();
    }

    /** If this fails, check that communitiesOf filters on the account and the state. */
    @Test
    @DisplayName("an account's communities are those where it has a membership in the state asked for")
    void communitiesOfFiltersState() {
        CommunityRecord potters = Rows.community("potters");
        given(tx -> {
            tx.communities().insert(potters);
            tx.memberships().insert(Rows.membership(bakers, alice, MemberState.ACTIVE, Rows.T0));
            tx.memberships().insert(Rows.membership(flyers, aliceElsewhere, MemberState.ACTIVE, Rows.T0));
            tx.memberships().insert(Rows.membership(potters, alice, MemberState.BANNED, Rows.T0));
            tx.memberships().insert(Rows.membership(potters, bob, MemberState.ACTIVE, Rows.T0));
        });

        assertThat(committed().memberships().communitiesOf(account, MemberState.ACTIVE))
                .containsExactlyInAnyOrder(bakers.id(), flyers.id());
        assertThat(committed().memberships().communitiesOf(account, MemberState.BANNED)).containsExactly(potters.id());
        assertThat(committed().memberships().communitiesOf(account, MemberState.LEFT)).isEmpty();
    }

    /** If this fails, check the unique index on (community, account): it must hold in every state and whichever pseudonym holds the membership. */
    @Test
    @DisplayName("a second membership of one account in one community is refused with MEMBERSHIP, even through another pseudonym or after leaving")
    void secondMembershipRefused() {
        given(tx -> tx.memberships().insert(Rows.membership(bakers, alice, MemberState.LEFT, Rows.T0)));

        assertThatThrownBy(() -> given(tx -> tx.memberships().insert(
                Rows.membership(bakers, aliceElsewhere, MemberState.ACTIVE, Rows.at(1)))))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo(UniqueKey.MEMBERSHIP));
        assertThat(committed().memberships().find(bakers.id(), account).map(MembershipRecord::state))
                .contains(MemberState.LEFT);
        given(tx -> tx.memberships().insert(Rows.membership(flyers, aliceElsewhere, MemberState.ACTIVE, Rows.T0)));
        given(tx -> tx.memberships().insert(Rows.membership(bakers, bob, MemberState.ACTIVE, Rows.T0)));
    }

    /** If this fails, check that one membership per (community, account) is enforced by the store itself (a unique index), not by a check-then-insert. */
    @Test
    @DisplayName("of 8 threads joining one account to one community at once, through different pseudonyms, exactly one wins")
    void concurrentJoins() {
        List<PseudonymRecord> handles = Race.range().mapToObj(i -> Rows.pseudonym(account, "racer-" + i)).toList();
        given(tx -> handles.forEach(tx.pseudonyms()::insert));

        List<Race.Outcome<Boolean>> outcomes = Race.run(Race.THREADS, i -> writeRetrying(tx -> {
            tx.memberships().insert(Rows.membership(flyers, handles.get(i), MemberState.ACTIVE, Rows.at(i)));
            return Boolean.TRUE;
        }));

        int winner = Race.assertOneWinner(outcomes, UniqueKey.MEMBERSHIP);
        assertThat(committed().memberships().find(flyers.id(), account).map(MembershipRecord::pseudonym))
                .contains(handles.get(winner).id());
        assertThat(committed().memberships().page(flyers.id(), MemberState.ACTIVE, null, 100)).hasSize(1);
    }
}
