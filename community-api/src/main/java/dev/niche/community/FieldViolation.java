package dev.niche.community;

import java.util.Objects;

/**
 * One reason why an input was rejected.
 *
 * @param field   the path of the field at fault, such as {@code handle} or {@code tags[2]}
 * @param message a sentence that names the field and, where it is not private, the value, such as
 *                {@code handle "Bob!" may contain only a-z, A-Z, 0-9, '_' and '-'}
 */
public record FieldViolation(String field, String message) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
