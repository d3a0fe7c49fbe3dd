package dev.niche.community.identity;

import dev.niche.community.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * Pseudonymous identities. An account may hold several pseudonyms (at most five by default), for
 * example one per community, and nobody but the host can tell that two pseudonyms share an account.
 *
 * <pre>{@code
 * PseudonymView alice = engine.identities().register(AccountId.of("user-42"), new RegisterPseudonym("alice"));
 * Actor actor = Actor.of(AccountId.of("user-42"), alice.id());
 * }</pre>
 */
public interface Identities {

    /**
     * Registers a pseudonym for {@code account}.
     *
     * @throws dev.niche.community.InvalidInputException if the handle is malformed or reserved
     * @throws dev.niche.community.ConflictException if the handle is taken, in any case, or the
     *         account already holds the most pseudonyms allowed
     */
    PseudonymView register(AccountId account, RegisterPseudonym command);

    /**
     * A pseudonym by id.
     *
     * @throws dev.niche.community.NotFoundException if there is none
     */
    PseudonymView get(PseudonymId id);

    /** A pseudonym by handle, compared case-insensitively. */
    Optional<PseudonymView> findByHandle(String handle);

    /**
     * The pseudonyms that {@code account} holds, oldest first. Only the host may call this for the
     * account itself; never show the list to anyone else, since it links the pseudonyms.
     */
    List<PseudonymView> ownedBy(AccountId account);

    /**
     * Reveals which account holds a pseudonym, for abuse handling by the host's staff. Every call is
     * audited: it is logged (without the account) and published as an
     * {@link dev.niche.community.event.CommunityEvent.AccountRevealed} event with the reason.
     *
     * @param reason why the account is needed, 1 to 500 characters, kept in the audit trail
     * @throws dev.niche.community.NotFoundException if the pseudonym does not exist
     */
    AccountId revealAccount(PseudonymId pseudonym, String reason);
}
