package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.UniqueKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.PseudonymTable}. */
abstract class PseudonymRules extends RuleFamily {

    PseudonymRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    /** If this fails, check that every column of a pseudonym is stored and read back unchanged. */
    @Test
    @DisplayName("a stored pseudonym reads back by id and by handle, exactly as stored")
    void readsBack() {
        PseudonymRecord alice = Rows.pseudonym(Rows.account(), "Alice_B-1");
        given(tx -> tx.pseudonyms().insert(alice));

        assertThat(committed().pseudonyms().byId(alice.id())).contains(alice);
        assertThat(committed().pseudonyms().byHandle("Alice_B-1")).contains(alice);
    }

    /** If this fails, check that handle lookups compare lower-cased handles, not the handles as typed. */
    @Test
    @DisplayName("a handle is found whatever the case it is asked in, and keeps the case it was registered in")
    void handleLookupIgnoresCase() {
        PseudonymRecord alice = Rows.pseudonym(Rows.account(), "AliceInWonder");
        given(tx -> tx.pseudonyms().insert(alice));

        assertThat(committed().pseudonyms().byHandle("aliceinwonder")).contains(alice);
        assertThat(committed().pseudonyms().byHandle("ALICEINWONDER").map(PseudonymRecord::handle))
                .contains("AliceInWonder");
    }

    /** If this fails, check that lookups of missing rows return empty results rather than throwing. */
    @Test
    @DisplayName("absent pseudonyms are empty answers, not errors")
    void absentLookups() {
        given(tx -> tx.pseudonyms().insert(Rows.pseudonym(Rows.account(), "someone")));

        assertThat(committed().pseudonyms().byId(PseudonymId.of(Rows.newId()))).isEmpty();
        assertThat(committed().pseudonyms().byHandle("nobody")).isEmpty();
        assertThat(committed().pseudonyms().byHandle("someon")).isEmpty();
        assertThat(committed().pseudonyms().byAccount(Rows.account())).isEmpty();
        assertThat(committed().pseudonyms().byIds(List.of())).isEmpty();
    }

    /** If this fails, check that byIds looks up every id given in one go and leaves out the missing ones. */
    @Test
    @DisplayName("a batch lookup returns those of the ids that exist, keyed by id")
    void batchLookup() {
        PseudonymRecord a = Rows.pseudonym(Rows.account(), "batch-a");
        PseudonymRecord b = Rows.pseudonym(Rows.account(), "batch-b");
        PseudonymRecord c = Rows.pseudonym(Rows.account(), "batch-c");
        given(tx -> {
            tx.pseudonyms().insert(a);
            tx.pseudonyms().insert(b);
            tx.pseudonyms().insert(c);
        });
        PseudonymId missing = PseudonymId.of(Rows.newId());

        assertThat(committed().pseudonyms().byIds(List.of(a.id(), c.id(), missing)))
                .containsOnlyKeys(a.id(), c.id())
                .containsEntry(a.id(), a)
                .containsEntry(c.id(), c);
    }

    /** If this fails, check the order of byAccount: createdAt ascending, then id ascending. */
    @Test
    @DisplayName("an account's pseudonyms come oldest first, ties broken by id, and only that account's")
    void byAccountOrder() {
        AccountId owner = Rows.account();
        PseudonymRecord newest = new PseudonymRecord(PseudonymId.of(Rows.newId()), owner, "newest", Rows.at(60));
        PseudonymRecord tiedA = new PseudonymRecord(PseudonymId.of(Rows.newId()), owner, "tied-a", Rows.at(0));
        PseudonymRecord tiedB = new PseudonymRecord(PseudonymId.of(Rows.newId()), owner, "tied-b", Rows.at(0));
        PseudonymRecord stranger = Rows.pseudonym(Rows.account(), "stranger");
        given(tx -> List.of(newest, tiedB, stranger, tiedA).forEach(tx.pseudonyms()::insert));

        List<PseudonymRecord> tied = tiedA.id().compareTo(tiedB.id()) < 0 ? List.of(tiedA, tiedB) : List.of(tiedB, tiedA);
        assertThat(committed().pseudonyms().byAccount(owner))
                .containsExactly(tied.get(0), tied.get(1), newest);
    }

    /** If this fails, check the unique index on the lower-cased handle and that its violation becomes a DuplicateKeyException(PSEUDONYM_HANDLE). */
    @Test
    @DisplayName("a handle taken in another case is refused with PSEUDONYM_HANDLE and the first one stays")
    void duplicateHandleRefused() {
        PseudonymRecord first = Rows.pseudonym(Rows.account(), "Carol");
        given(tx -> tx.pseudonyms().insert(first));

        for (String clash : List.of("Carol", "carol", "CAROL", "cArOl")) {
            assertThatThrownBy(() -> given(tx -> tx.pseudonyms().insert(Rows.pseudonym(Rows.account(), clash))))
                    .as("registering %s after Carol", clash)
                    .isInstanceOfSatisfying(DuplicateKeyException.class,
                            e -> assertThat(e.key()).isEqualTo(UniqueKey.PSEUDONYM_HANDLE));
        }
        assertThat(committed().pseudonyms().byHandle("carol")).contains(first);
    }

    /** If this fails, check that the handle's uniqueness is enforced by the store itself (a unique index), not by a check-then-insert. */
    @Test
    @DisplayName("of 8 threads taking one handle in different cases at once, exactly one wins")
    void concurrentHandleClaims() {
        List<PseudonymRecord> claims = List.of("dave", "Dave", "DAVE", "dAve", "daVe", "davE", "DAve", "daVE").stream()
                .map(handle -> Rows.pseudonym(Rows.account(), handle))
                .toList();
        List<Race.Outcome<Boolean>> outcomes = Race.run(Race.THREADS, i -> writeRetrying(tx -> {
            tx.pseudonyms().insert(claims.get(i));
            return Boolean.TRUE;
        }));

        int winner = Race.assertOneWinner(outcomes, UniqueKey.PSEUDONYM_HANDLE);
        assertThat(committed().pseudonyms().byHandle("DAVE")).contains(claims.get(winner));
        assertThat(committed().pseudonyms().byIds(claims.stream().map(PseudonymRecord::id).toList()))
                .containsOnlyKeys(claims.get(winner).id());
    }
}
