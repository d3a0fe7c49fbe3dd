package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import java.util.List;
import java.util.Optional;

/** Communities. */
public interface CommunityTable {

    /**
     * Stores a new community.
     *
     * @throws DuplicateKeyException with {@link UniqueKey#COMMUNITY_SLUG} if the slug is taken
     */
    void insert(CommunityRecord community);

    /**
     * Replaces every field of a stored community except {@code id}, {@code slug}, {@code createdAt}
     * and {@code memberCount}.
     *
     * @throws IllegalStateException if there is no such community
     */
    void update(CommunityRecord community);

    Optional<CommunityRecord> byId(CommunityId id);

    Optional<CommunityRecord> bySlug(String slug);

    /**
     * Adds {@code delta} to the member count atomically: concurrent additions never lose one.
     *
     * @throws IllegalStateException if there is no such community
     */
    void addToMemberCount(CommunityId id, int delta);

    /** The communities that match, as {@link CommunitySearch} defines. */
    List<CommunityRecord> search(CommunitySearch search);
}
