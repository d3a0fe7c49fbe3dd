package dev.niche.community.identity;

import dev.niche.community.Identifier;

/**
 * The opaque id of a pseudonym. Its text comes from {@link #toString()} and is read back with
 * {@link #of(String)}.
 */
public record PseudonymId(String value) implements Identifier, Comparable<PseudonymId> {

    /** @throws dev.niche.community.InvalidInputException if {@code value} is not an id's text */
    public PseudonymId {
        Identifier.requireWellFormed(value, "pseudonym id");
    }

    /** Reads an id from its text, such as one a host kept in a URL. */
    public static PseudonymId of(String value) {
        return new PseudonymId(value);
    }

    @Override
    public int compareTo(PseudonymId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
