package dev.niche.community;

/** The actor may not do this. Nothing was written. */
public final class ForbiddenException extends NicheException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(ErrorCode.FORBIDDEN, message, cause);
    }
}
