package dev.niche.community;

/**
 * The root of every failure that Niche reports. It is unchecked, carries a stable {@link ErrorCode},
 * and its message names the field or value at fault without revealing private data such as an
 * {@link AccountId}.
 *
 * <pre>{@code
 * try {
 *     engine.identities().register(account, new RegisterPseudonym("Bob!"));
 * } catch (NicheException e) {
 *     switch (e.code()) {
 *         case INVALID_INPUT -> showForm(((InvalidInputException) e).violations());
 *         case CONFLICT -> askForAnotherHandle();
 *         default -> throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>A command that throws has written nothing.
 */
public abstract class NicheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    protected NicheException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    protected NicheException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable code of this failure. */
    public final ErrorCode code() {
        return code;
    }
}
