package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pseudonyms. */
public interface PseudonymTable {

    /**
     * Stores a new pseudonym.
     *
     * @throws DuplicateKeyException with {@link UniqueKey#PSEUDONYM_HANDLE} if another pseudonym has
     *         the same handle, compared case-insensitively ({@link java.util.Locale#ROOT} lower case)
     */
    void insert(PseudonymRecord pseudonym);

    Optional<PseudonymRecord> byId(PseudonymId id);

    /** The pseudonym whose handle equals {@code handle}, compared case-insensitively. */
    Optional<PseudonymRecord> byHandle(String handle);

    /** Those of {@code ids} that exist, by id; one query however many ids. */
    Map<PseudonymId, PseudonymRecord> byIds(Collection<PseudonymId> ids);

    /** Every pseudonym {@code account} holds, oldest first (ties by id). */
    List<PseudonymRecord> byAccount(AccountId account);
}
