package dev.niche.community.trust;

import dev.niche.community.community.CommunityId;

/**
 * A member's own view of its progress: its level and the activity the rules count.
 *
 * @param community the community
 * @param level     its trust level
 * @param allTime   everything recorded, which levels 1 and 2 count
 * @param recent    what was recorded within the level 3 window
 * @param policy    the rules in force, to show what the next level requires
 */
public record TrustProgress(CommunityId community, TrustLevel level, Activity allTime, Activity recent, TrustPolicy policy) {}
