package dev.niche.community.trust;

import dev.niche.community.community.CommunityId;
import java.time.Instant;

/**
 * What one recomputation of a community's trust scores did.
 *
 * @param community    the community
 * @param members      the accounts scored: the community's active members
 * @param seeds        how many of them seeded the score
 * @param endorsements the endorsement edges between members that were followed
 * @param iterations   the power iterations run: ⌈log2(members)⌉
 * @param computedAt   when, by the engine's clock
 */
public record TrustRun(CommunityId community, int members, int seeds, int endorsements, int iterations, Instant computedAt) {}
