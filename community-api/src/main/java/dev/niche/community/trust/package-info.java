/**
 * Reputation and trust: a reputation ledger per pseudonym per community, trust levels per membership
 * that gate privileges, a sybil-resistant trust score computed from endorsements, and a guard against
 * serial voting. The entry point is {@link dev.niche.community.trust.Trust}, reached through
 * {@code engine.trust()}.
 */
@NullMarked
package dev.niche.community.trust;

import org.jspecify.annotations.NullMarked;
