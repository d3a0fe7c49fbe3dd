package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event as the engine hands it to {@link EventLog#append}: its envelope and its payload, a JSON
 * object in the documented form of its type and version (docs/events.md). A store keeps every field
 * exactly and never reads the payload.
 *
 * @param id        the event's unique id, the text of a UUID
 * @param type      the event's type, such as {@code "VoteCast"}
 * @param version   the version of the type's JSON form, 1 or more
 * @param community the community the event happened in; null for an event about a pseudonym alone
 * @param at        when the command that caused it ran, to the microsecond
 * @param payload   the JSON object of the type's fields
 * @since 0.2
 */
public record EventRecord(String id, String type, int version, @Nullable CommunityId community, Instant at, String payload) {
    /** Checks that every field is given and the version is positive. */
    public EventRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("event version " + version + " must be 1 or more");
        }
    }
}
