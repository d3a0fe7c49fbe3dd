package dev.niche.community.community;

import dev.niche.community.Identifier;

/**
 * The opaque id of a community. Its text comes from {@link #toString()} and is read back with
 * {@link #of(String)}.
 */
public record CommunityId(String value) implements Identifier, Comparable<CommunityId> {

    /** @throws dev.niche.community.InvalidInputException if {@code value} is not an id's text */
    public CommunityId {
        Identifier.requireWellFormed(value, "community id");
    }

    /** Reads an id from its text, such as one a host kept in a URL. */
    public static CommunityId of(String value) {
        return new CommunityId(value);
    }

    @Override
    public int compareTo(CommunityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
