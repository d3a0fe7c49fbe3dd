package dev.niche.community.trust;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import java.time.Instant;

/**
 * A cluster of serial votes: votes that one pseudonym cast on one author's posts past the
 * serial-voting guard, which were kept but did not count.
 *
 * @param community the community
 * @param voter     the pseudonym that cast them
 * @param author    the author they were cast on
 * @param votes     how many votes the guard held
 * @param lastAt    when the latest of them was cast
 */
public record SerialVoting(CommunityId community, PseudonymView voter, PseudonymView author, long votes, Instant lastAt) {}
