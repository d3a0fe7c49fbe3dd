package dev.niche.community.membership;

import dev.niche.community.Identifier;

/**
 * The opaque id of an invite (not its secret code). Its text comes from {@link #toString()} and is read back with
 * {@link #of(String)}.
 */
public record InviteId(String value) implements Identifier, Comparable<InviteId> {

    /** @throws dev.niche.community.InvalidInputException if {@code value} is not an id's text */
    public InviteId {
        Identifier.requireWellFormed(value, "invite id");
    }

    /** Reads an id from its text, such as one a host kept in a URL. */
    public static InviteId of(String value) {
        return new InviteId(value);
    }

    @Override
    public int compareTo(InviteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
