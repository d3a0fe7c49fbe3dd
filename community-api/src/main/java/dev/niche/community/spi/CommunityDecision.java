package dev.niche.community.spi;

import org.jspecify.annotations.Nullable;

/**
 * What a command in one community decides on, read together by
 * {@link StoreTransaction#communityDecision}: the community, the acting account's membership there,
 * and the community's own trust policy.
 *
 * @param community  the community
 * @param membership the account's membership, in any state, or {@code null}
 * @param policy     the community's own trust policy in the engine's text form, or {@code null} when
 *                   it follows the engine's default
 * @since 0.2
 */
public record CommunityDecision(
        CommunityRecord community, @Nullable MembershipRecord membership, @Nullable String policy) {}
