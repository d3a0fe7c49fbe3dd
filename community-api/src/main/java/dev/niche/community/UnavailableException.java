package dev.niche.community;

/** The store could not complete the command even after bounded retries. Nothing was written; the cause says why. */
public class UnavailableException extends NicheException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
