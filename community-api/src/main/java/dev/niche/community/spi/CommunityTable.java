package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Those of {@code ids} that exist, by id. The default asks {@link #byId} once per id; a store that
     * can answer in one query should, since every home feed asks for all of an account's communities.
     *
     * @since 0.2
     */
    default Map<CommunityId, CommunityRecord> byIds(Collection<CommunityId> ids) {
        Map<CommunityId, CommunityRecord> found = new HashMap<>();
        for (CommunityId id : ids) {
            byId(id).ifPresent(community -> found.put(id, community));
        }
        return found;
    }

    /**
     * Adds {@code delta} to the member count atomically: concurrent additions never lose one.
     *
     * @throws IllegalStateException if there is no such community
     */
    void addToMemberCount(CommunityId id, int delta);

    /** The communities that match, as {@link CommunitySearch} defines. */
    List<CommunityRecord> search(CommunitySearch search);
}
