package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import java.time.Instant;
import java.util.List;

/**
 * A stored community.
 *
 * @param id          its id
 * @param slug        its unique slug
 * @param title       its title
 * @param description its description
 * @param tags        its tags, in order
 * @param rules       its rules, in order
 * @param visibility  who may read it
 * @param joinPolicy  how one joins
 * @param archived    whether it is archived
 * @param memberCount how many ACTIVE memberships it has; changed only by
 *                    {@link CommunityTable#addToMemberCount}
 * @param createdAt   when it was created
 * @param updatedAt   when its settings last changed
 */
public record CommunityRecord(
        CommunityId id,
        String slug,
        String title,
        String description,
        List<String> tags,
        List<String> rules,
        Visibility visibility,
        JoinPolicy joinPolicy,
        boolean archived,
        int memberCount,
        Instant createdAt,
        Instant updatedAt) {
    public CommunityRecord {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
    }
}
