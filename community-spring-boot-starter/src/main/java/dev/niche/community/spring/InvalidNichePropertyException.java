package dev.niche.community.spring;

/**
 * A {@code niche.*} property holds a value the engine refuses. It stops the application at start-up;
 * the message names the property, the value and the allowed range, for example
 * {@code niche.max-reply-depth=0 is invalid: maxReplyDepth 0 must be between 1 and 1000}.
 */
public final class InvalidNichePropertyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * @param property the full property name, such as {@code niche.max-reply-depth}
     * @param value    the value as configured
     * @param reason   why it was refused
     */
    public InvalidNichePropertyException(String property, Object value, String reason) {
        super(property + "=" + value + " is invalid: " + reason);
        this.property = property;
    }

    /** The full name of the property at fault, such as {@code niche.max-reply-depth}. */
    public String property() {
        return property;
    }
}
