package dev.niche.community.jdbc;

import dev.niche.community.community.CommunityId;
import dev.niche.community.spi.CommunityRecord;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The communities one unit of work has read, by id, so that it reads each from the database once. A
 * command reads the community of the post at hand right after the post, and the post brings it
 * along where one query can fetch both ({@link JdbcPostTable#byId}): the community's own read is
 * then answered from here, as is any later one, until the unit changes the community itself.
 */
final class CommunitiesRead {
    private final Map<CommunityId, CommunityRecord> byId = new HashMap<>();

    @Nullable CommunityRecord get(CommunityId id) {
        return byId.get(id);
    }

    void put(CommunityRecord community) {
        byId.put(community.id(), community);
    }

    /** Forgets a community this unit is changing, so that its next read sees the change. */
    void forget(CommunityId id) {
        byId.remove(id);
    }
}
