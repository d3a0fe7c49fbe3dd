package dev.niche.community;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque, unguessable id, such as a {@link dev.niche.community.post.PostId}. Its text is a
 * lowercase UUID (time-ordered, with at least 74 random bits) and means nothing beyond identity.
 * Ids of one kind order by their text, which every store can index and compare alike.
 */
public interface Identifier {

    /** The id's text, as {@link Object#toString()} also gives it. */
    String value();

    /**
     * Checks that {@code value} is an id's text, for the compact constructors of id records.
     *
     * @param value the text to check
     * @param kind  what the id names, for the message, such as {@code "post id"}
     * @return {@code value}, unchanged
     * @throws InvalidInputException if {@code value} is not the text of an id
     */
    static String requireWellFormed(String value, String kind) {
        Objects.requireNonNull(value, kind);
        if (!Form.CANONICAL.matcher(value).matches()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            throw InvalidInputException.of(kind.replace(' ', '_'),
                    kind + " \"" + shown + "\" is not a valid id");
        }
        return value;
    }

    /** Holds the compiled form, which an interface cannot keep privately. */
    final class Form {
        static final Pattern CANONICAL =
                Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        private Form() {}
    }
}
