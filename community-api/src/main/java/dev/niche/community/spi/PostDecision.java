package dev.niche.community.spi;

import org.jspecify.annotations.Nullable;

/**
 * What a command about one post decides on, read together by
 * {@link StoreTransaction#postDecision}: the post, its community, the acting account's membership
 * there and its vote on the post, and the community's own trust policy.
 *
 * @param post       the post
 * @param community  the post's community; {@code null} only if the store lost it
 * @param membership the account's membership in the post's community, in any state, or {@code null}
 * @param vote       the account's vote on the post, or {@code null}
 * @param policy     the community's own trust policy in the engine's text form, or {@code null} when
 *                   it follows the engine's default
 * @since 0.2
 */
public record PostDecision(
        PostRecord post,
        @Nullable CommunityRecord community,
        @Nullable MembershipRecord membership,
        @Nullable VoteRecord vote,
        @Nullable String policy) {}
