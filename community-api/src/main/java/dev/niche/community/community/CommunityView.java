package dev.niche.community.community;

import java.time.Instant;
import java.util.List;

/**
 * A community as a reader sees it.
 *
 * @param id          the community's id
 * @param slug        its unique URL name
 * @param title       its title
 * @param description what it is about
 * @param tags        its topic tags, for discovery
 * @param rules       its rules, in order
 * @param visibility  who may read it
 * @param joinPolicy  how one becomes a member
 * @param archived    whether it is archived: readable, but closed to new posts, votes and members
 * @param memberCount how many active members it has
 * @param createdAt   when it was created
 * @param updatedAt   when its settings last changed
 */
public record CommunityView(
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
    public CommunityView {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
    }
}
