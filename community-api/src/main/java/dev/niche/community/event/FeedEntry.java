package dev.niche.community.event;

import dev.niche.community.community.CommunityId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of the {@link EventFeed}, at its position.
 *
 * @param position  its place in the feed: dense, 1 for the first event ever, in commit order
 * @param id        its unique id, the same on every read and every node (a relay's de-duplication key)
 * @param type      its type's stable name, such as {@code "VoteCast"} (docs/events.md)
 * @param version   the version of its type's stored JSON form
 * @param community the community it happened in; null for an event about a pseudonym alone
 * @param at        when the command that caused it ran
 * @param event     the event itself
 * @since 0.2
 */
public record FeedEntry(long position, String id, String type, int version, @Nullable CommunityId community, Instant at,
        CommunityEvent event) {
    /** Checks that every field but the community is given. */
    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
    }
}
