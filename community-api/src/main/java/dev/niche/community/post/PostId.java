package dev.niche.community.post;

import dev.niche.community.Identifier;

/**
 * The opaque id of a post: a thread root or a reply. Its text comes from {@link #toString()} and is read back with
 * {@link #of(String)}.
 */
public record PostId(String value) implements Identifier, Comparable<PostId> {

    /** @throws dev.niche.community.InvalidInputException if {@code value} is not an id's text */
    public PostId {
        Identifier.requireWellFormed(value, "post id");
    }

    /** Reads an id from its text, such as one a host kept in a URL. */
    public static PostId of(String value) {
        return new PostId(value);
    }

    @Override
    public int compareTo(PostId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
