package dev.niche.community;

import java.util.Objects;

/**
 * The host's own key for one of its users, passed in by the host with every command.
 *
 * <p>Niche never shows it: no view, event, error message, cursor or log line at INFO or above
 * carries it, and {@link #toString()} hides it so that it does not leak into logs by accident.
 *
 * @param value the host's key: 1 to 128 characters, no control characters
 */
public record AccountId(String value) {
    /** The longest key accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    /** @throws InvalidInputException if {@code value} is blank, too long or holds control characters */
    public AccountId {
        Objects.requireNonNull(value, "account");
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            // The value is the host's private key: the message describes it without echoing it.
            throw InvalidInputException.of("account",
                    "account must be 1 to " + MAX_LENGTH + " characters, not blank, with no control characters");
        }
    }

    /** Wraps a host's key. */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return "AccountId[hidden]";
    }
}
