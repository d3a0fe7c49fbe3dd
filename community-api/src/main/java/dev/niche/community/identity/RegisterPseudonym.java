package dev.niche.community.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers a new public identity for an account.
 *
 * <p>A handle is 3 to 32 characters of {@code a-z}, {@code A-Z}, {@code 0-9}, {@code '_'} and
 * {@code '-'}. Handles are unique compared case-insensitively, and reserved words such as
 * {@code admin}, {@code moderator} and {@code system} cannot be taken. The case given is kept for
 * display.
 *
 * @param handle the public name
 */
public record RegisterPseudonym(
        @NotNull
        @Size(min = 3, max = 32, message = "must be 3 to 32 characters long")
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain only a-z, A-Z, 0-9, '_' and '-'")
        String handle) {}
