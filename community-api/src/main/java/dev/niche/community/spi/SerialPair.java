package dev.niche.community.spi;

import dev.niche.community.identity.PseudonymId;
import java.time.Instant;

/**
 * The {@link LedgerKind#SERIAL_VOTE} entries of one voter pseudonym on one author pseudonym; also the
 * keyset position of a page of them.
 *
 * @param voter  the {@code sourcePseudonym} of the entries
 * @param author the {@code pseudonym} of the entries
 * @param votes  how many entries
 * @param lastAt the latest entry's {@code at}
 */
public record SerialPair(PseudonymId voter, PseudonymId author, long votes, Instant lastAt) {}
