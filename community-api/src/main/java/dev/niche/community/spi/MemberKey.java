package dev.niche.community.spi;

import dev.niche.community.identity.PseudonymId;
import java.time.Instant;

/**
 * A position in a community's member list, which is ordered by {@code since} and then by pseudonym
 * id, ascending.
 */
public record MemberKey(Instant since, PseudonymId pseudonym) {}
