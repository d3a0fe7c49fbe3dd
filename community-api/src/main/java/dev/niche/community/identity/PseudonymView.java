package dev.niche.community.identity;

import java.time.Instant;

/**
 * A pseudonym as anyone may see it. It never reveals the account behind it.
 *
 * @param id        the pseudonym's id
 * @param handle    the handle, in the case it was registered with
 * @param createdAt when it was registered
 */
public record PseudonymView(PseudonymId id, String handle, Instant createdAt) {}
