package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import java.time.Instant;

/**
 * A stored pseudonym.
 *
 * @param id        its id
 * @param account   the account that holds it
 * @param handle    its handle, in the case registered; unique compared case-insensitively
 * @param createdAt when it was registered
 */
public record PseudonymRecord(PseudonymId id, AccountId account, String handle, Instant createdAt) {}
