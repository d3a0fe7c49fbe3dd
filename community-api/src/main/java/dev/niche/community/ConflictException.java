package dev.niche.community;

/** The request clashes with the current state, such as a taken handle, a second membership or a locked thread. Nothing was written. */
public class ConflictException extends NicheException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    public ConflictException(String message, Throwable cause) {
        super(ErrorCode.CONFLICT, message, cause);
    }
}
