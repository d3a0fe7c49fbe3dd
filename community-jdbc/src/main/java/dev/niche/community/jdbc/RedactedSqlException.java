package dev.niche.community.jdbc;

import java.sql.SQLException;

/**
 * A driver's {@link SQLException} without its message, which may quote the statement's values: a
 * handle, a post's text or an account id. It keeps what a host needs to diagnose the failure (the
 * SQLState, the vendor code, the driver's exception class and stack trace); the full original is
 * logged at DEBUG by {@link ErrorTranslator}.
 */
final class RedactedSqlException extends SQLException {
    private static final long serialVersionUID = 1L;

    private RedactedSqlException(String message, String sqlState, int vendorCode) {
        super(message, sqlState, vendorCode);
    }

    static RedactedSqlException of(SQLException original) {
        if (original instanceof RedactedSqlException redacted) {
            return redacted;
        }
        RedactedSqlException redacted = new RedactedSqlException(
                original.getClass().getName() + " with SQLState " + original.getSQLState() + " and vendor code "
                        + original.getErrorCode() + " (message withheld: it may quote user data)",
                original.getSQLState(),
                original.getErrorCode());
        redacted.setStackTrace(original.getStackTrace());
        return redacted;
    }
}
