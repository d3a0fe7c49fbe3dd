package dev.niche.community;

/** The thing asked for does not exist, or the caller may not learn that it exists (a PRIVATE community answers outsiders this way). */
public final class NotFoundException extends NicheException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, message, cause);
    }
}
