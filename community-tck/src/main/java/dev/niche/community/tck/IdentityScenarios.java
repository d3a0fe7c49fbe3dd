package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.community.CommunityView;
import dev.niche.community.core.Niche;
import dev.niche.community.event.CommunityEvent.AccountRevealed;
import dev.niche.community.event.CommunityEvent.PseudonymRegistered;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registering pseudonyms, handles, limits, look-ups and the host's audited reveal. */
abstract class IdentityScenarios extends EngineFixture {
    private static final AccountId ACCOUNT = AccountId.of("acct-identity");

    IdentityScenarios(EngineScenarios suite) {
        super(suite);
    }

    private PseudonymView register(String handle) {
        return engine.identities().register(ACCOUNT, new RegisterPseudonym(handle));
    }

    @Test
    @DisplayName("a registered pseudonym keeps its handle's case and the clock's time, and can be read back")
    void registersAndReadsBack() {
        PseudonymView alice = register("Alice_B-42");

        assertThat(alice.handle()).isEqualTo("Alice_B-42");
        assertThat(alice.createdAt()).isEqualTo(START);
        assertThat(engine.identities().get(alice.id())).isEqualTo(alice);
        assertThat(engine.identities().findByHandle("alice_b-42")).contains(alice);
        assertThat(engine.identities().findByHandle("ALICE_B-42")).contains(alice);
        assertThat(engine.identities().findByHandle("nobody-here")).isEmpty();
        assertThat(lastEvent(PseudonymRegistered.class))
                .isEqualTo(new PseudonymRegistered(alice.id(), "Alice_B-42", START));
    }

    @Test
    @DisplayName("an account's pseudonyms are listed oldest first, and only its own")
    void ownedByListsOldestFirst() {
        PseudonymView first = register("first");
        tick();
        PseudonymView second = register("second");
        person("someone-else");

        assertThat(engine.identities().ownedBy(ACCOUNT)).containsExactly(first, second);
        assertThat(engine.identities().ownedBy(AccountId.of("acct-without-pseudonyms"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a-b", "x_y", "ABC", "0123456789abcdefghijklmnopqrstuv"})
    @DisplayName("handles of 3 to 32 letters, digits, '_' and '-' are accepted")
    void acceptsWellFormedHandles(String handle) {
        assertThat(register(handle).handle()).isEqualTo(handle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "0123456789abcdefghijklmnopqrstuvw", "Bob!", "bo b", "caf\u00e9", ""})
    @DisplayName("malformed handles are refused on field handle, naming the value")
    void refusesMalformedHandles(String handle) {
        FieldViolation violation = assertInvalid("handle", () -> register(handle));

        assertThat(violation.message()).contains("handle").contains("\"" + handle + "\"");
        assertThat(engine.identities().ownedBy(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("a handle taken in any case is a conflict")
    void refusesTakenHandleInAnyCase() {
        person("Gardener");

        assertRejected(ErrorCode.CONFLICT, () -> register("gARDENER"));
        assertThat(engine.identities().ownedBy(ACCOUNT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Administrator", "MODERATOR", "mod", "system", "root", "Support", "staff",
        "niche", "official", "owner", "anonymous", "Deleted"})
    @DisplayName("reserved handles are refused in any case, saying they are reserved")
    void refusesReservedHandles(String handle) {
        FieldViolation violation = assertInvalid("handle", () -> register(handle));

        assertThat(violation.message()).contains("reserved");
    }

    @Test
    @DisplayName("a host's reserved list replaces the default one")
    void reservedListIsConfigurable() {
        CommunityEngine custom = Niche.builder().store(store).clock(clock).reservedHandles(Set.of("bakers")).build();

        assertThat(custom.identities().register(ACCOUNT, new RegisterPseudonym("admin")).handle()).isEqualTo("admin");
        assertInvalid("handle", () -> custom.identities().register(ACCOUNT, new RegisterPseudonym("BAKERS")));
    }

    @Test
    @DisplayName("an account holds at most five pseudonyms by default; other accounts are unaffected")
    void limitsPseudonymsPerAccount() {
        for (int i = 1; i <= 5; i++) {
            register("alias-" + i);
        }

        assertRejected(ErrorCode.CONFLICT, () -> register("alias-6"));
        assertThat(engine.identities().ownedBy(ACCOUNT)).hasSize(5);
        assertThat(engine.identities().findByHandle("alias-6")).isEmpty();
        assertThat(person("alias-6").pseudonym()).isNotNull();
    }

    @Test
    @DisplayName("the most pseudonyms per account is configurable")
    void pseudonymLimitIsConfigurable() {
        CommunityEngine strict = newEngine(2, 64);
        strict.identities().register(ACCOUNT, new RegisterPseudonym("one"));
        strict.identities().register(ACCOUNT, new RegisterPseudonym("two"));

        assertRejected(ErrorCode.CONFLICT,
                () -> strict.identities().register(ACCOUNT, new RegisterPseudonym("three")));
    }

    @Test
    @DisplayName("an unknown pseudonym id is not found")
    void unknownPseudonymIsNotFound() {
        assertRejected(ErrorCode.NOT_FOUND,
                () -> engine.identities().get(PseudonymId.of("00000000-0000-7000-8000-000000000000")));
    }

    @Test
    @DisplayName("revealing an account returns it and publishes an audit event with the reason")
    void revealsAccountWithAudit() {
        PseudonymView troll = register("troll");
        clock.advance(Duration.ofHours(1));

        AccountId revealed = engine.identities().revealAccount(troll.id(), "abuse report 17");

        assertThat(revealed).isEqualTo(ACCOUNT);
        assertThat(lastEvent(AccountRevealed.class))
                .isEqualTo(new AccountRevealed(troll.id(), "abuse report 17", START.plusSeconds(3600)));
    }

    @Test
    @DisplayName("revealing an unknown pseudonym is not found, and an empty or overlong reason is invalid")
    void revealRefusals() {
        PseudonymView troll = register("troll");

        assertRejected(ErrorCode.NOT_FOUND, () -> engine.identities()
                .revealAccount(PseudonymId.of("00000000-0000-7000-8000-000000000000"), "abuse report"));
        assertInvalid("reason", () -> engine.identities().revealAccount(troll.id(), ""));
        assertInvalid("reason", () -> engine.identities().revealAccount(troll.id(), "r".repeat(501)));
    }

    @Test
    @DisplayName("acting under another account's pseudonym or an unknown one is forbidden, with one message for both")
    void actorMustOwnPseudonym() {
        Actor owner = person("owner-ok");
        Actor alice = person("alice");
        Actor mallory = person("mallory");
        Actor impostor = Actor.of(mallory.account(), alice.pseudonym());
        Actor ghost = Actor.of(mallory.account(), PseudonymId.of("00000000-0000-7000-8000-000000000001"));
        CommunityView community = openCommunity(owner, "bakers");

        String stolen = assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().join(impostor, JoinCommunity.of(community.id())))
                .getMessage();
        String unknown = assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().join(ghost, JoinCommunity.of(community.id())))
                .getMessage();

        assertThat(Objects.requireNonNull(stolen).replace(alice.pseudonym().value(), "<id>"))
                .isEqualTo(Objects.requireNonNull(unknown).replace(ghost.pseudonym().value(), "<id>"));
        assertThat(reread(community).memberCount()).isEqualTo(1);
    }
}
