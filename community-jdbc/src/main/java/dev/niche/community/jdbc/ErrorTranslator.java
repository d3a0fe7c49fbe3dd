package dev.niche.community.jdbc;

import dev.niche.community.NicheException;
import dev.niche.community.UnavailableException;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.TransientStoreException;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a driver's {@link SQLException} into the failure the SPI names:
 * <ul>
 *   <li>a unique violation becomes a {@link DuplicateKeyException} with the {@link UniqueKey} of the
 *       constraint, found by the constraint's name (every constraint in the schema is named);</li>
 *   <li>a deadlock, serialization failure, lock timeout or lost connection becomes a
 *       {@link TransientStoreException}, which the engine retries;</li>
 *   <li>a foreign-key violation becomes an {@link IllegalStateException}: the engine referred to a
 *       row that does not exist; so does a statement that PostgreSQL refuses because an earlier one in
 *       the same unit failed (after a {@link DuplicateKeyException}, the unit of work is over);</li>
 *   <li>anything else becomes an {@link UnavailableException} that names the operation.</li>
 * </ul>
 * No message carries SQL or a value from the statement, and the driver's exception is attached as a
 * {@link RedactedSqlException}.
 */
final class ErrorTranslator {
    private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);

    private static final Map<String, UniqueKey> UNIQUE_CONSTRAINTS = Map.ofEntries(
            Map.entry("niche_pseudonyms_pk", UniqueKey.ID),
            Map.entry("niche_pseudonyms_handle_uq", UniqueKey.PSEUDONYM_HANDLE),
            Map.entry("niche_communities_pk", UniqueKey.ID),
            Map.entry("niche_communities_slug_uq", UniqueKey.COMMUNITY_SLUG),
            Map.entry("niche_memberships_pk", UniqueKey.MEMBERSHIP),
            Map.entry("niche_invites_pk", UniqueKey.ID),
            Map.entry("niche_invites_code_uq", UniqueKey.INVITE_CODE),
            Map.entry("niche_posts_pk", UniqueKey.ID),
            Map.entry("niche_votes_pk", UniqueKey.VOTE));

    /** PostgreSQL: {@code duplicate key value violates unique constraint "name"}; values follow. */
    private static final Pattern POSTGRESQL_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    /** H2: {@code Unique index or primary key violation: "SCHEMA.NAME INDEX ...}; values follow. */
    private static final Pattern H2_CONSTRAINT = Pattern.compile("violation: \"(?:[^\".\\s]+\\.)?([^\".\\s]+)");
    /** MariaDB: {@code Duplicate entry 'values' for key 'name'}: the values come first, so take the last match. */
    private static final Pattern MARIADB_CONSTRAINT = Pattern.compile("for key '(?:[^'.]*\\.)?([^'.]+)'");

    private final Dialect dialect;

    ErrorTranslator(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The failure to throw for {@code e}, raised while the store tried to {@code operation}.
     *
     * @param operation  what failed, as a verb phrase without user data, such as "insert a vote"
     * @param primaryKey what a violation of the table's primary key means, when the statement
     *                   inserts; MariaDB names every primary key {@code PRIMARY}
     */
    RuntimeException translate(String operation, SQLException e, @Nullable UniqueKey primaryKey) {
        log.debug("could not {}", operation, e);
        RedactedSqlException cause = RedactedSqlException.of(e);
        if (isUniqueViolation(e)) {
            Optional<UniqueKey> key = constraintName(e).map(UNIQUE_CONSTRAINTS::get);
            if (key.isPresent()) {
                return new DuplicateKeyException(key.get(), cause);
            }
            if (primaryKey != null) {
                return new DuplicateKeyException(primaryKey, cause);
            }
        }
        if (dialect == Dialect.POSTGRESQL && "25P02".equals(e.getSQLState())) {
            return new IllegalStateException("cannot " + operation + ": an earlier statement of this unit of work failed,"
                    + " and PostgreSQL refuses every statement after that until the unit of work ends", cause);
        }
        if (isForeignKeyViolation(e)) {
            return new IllegalStateException("could not " + operation + ": it refers to a row that does not exist", cause);
        }
        if (isTransient(e)) {
            return new TransientStoreException("could not " + operation + ": the database reported a transient failure"
                    + " (SQLState " + e.getSQLState() + "); running it again may succeed", cause);
        }
        return new UnavailableException("could not " + operation + " (SQLState " + e.getSQLState()
                + ", vendor code " + e.getErrorCode() + ")", cause);
    }

    /** {@link #translate} for statements that insert nothing. */
    RuntimeException translate(String operation, SQLException e) {
        return translate(operation, e, null);
    }

    /**
     * The failure of a commit. A lost connection is not transient here: the commit may have reached
     * the database, so running the work again could apply it twice.
     */
    NicheException translateCommit(SQLException e) {
        log.debug("could not commit", e);
        if (isConnectionFailure(e)) {
            return new UnavailableException("lost the connection while committing (SQLState " + e.getSQLState()
                    + "); the unit of work may or may not have been committed", RedactedSqlException.of(e));
        }
        RuntimeException translated = translate("commit", e);
        return translated instanceof NicheException niche
                ? niche
                : new UnavailableException("could not commit (SQLState " + e.getSQLState() + ")", translated);
    }

    boolean isUniqueViolation(SQLException e) {
        return switch (dialect) {
            case H2, POSTGRESQL -> "23505".equals(e.getSQLState());
            case MARIADB -> e.getErrorCode() == 1062;
        };
    }

    private boolean isForeignKeyViolation(SQLException e) {
        return switch (dialect) {
            case H2 -> "23506".equals(e.getSQLState()) || "23503".equals(e.getSQLState());
            case POSTGRESQL -> "23503".equals(e.getSQLState());
            case MARIADB -> e.getErrorCode() == 1452 || e.getErrorCode() == 1451 || e.getErrorCode() == 1216
                    || e.getErrorCode() == 1217;
        };
    }

    private boolean isTransient(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("40001") || isConnectionFailure(e) || e instanceof SQLTransientException) {
            return true;
        }
        return switch (dialect) {
            // 40P01 deadlock detected, 55P03 lock not available
            case POSTGRESQL -> state.equals("40P01") || state.equals("55P03");
            // HYT00 lock timeout, 90131 concurrent update in another transaction
            case H2 -> state.equals("HYT00") || state.equals("90131");
            // 1213 deadlock, 1205 lock wait timeout, 1020 record changed since last read
            case MARIADB -> e.getErrorCode() == 1213 || e.getErrorCode() == 1205 || e.getErrorCode() == 1020;
        };
    }

    private static boolean isConnectionFailure(SQLException e) {
        return (e.getSQLState() != null && e.getSQLState().startsWith("08")) || e instanceof SQLRecoverableException;
    }

    private Optional<String> constraintName(SQLException e) {
        String message = e.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = switch (dialect) {
            case POSTGRESQL -> POSTGRESQL_CONSTRAINT.matcher(message);
            case H2 -> H2_CONSTRAINT.matcher(message);
            case MARIADB -> MARIADB_CONSTRAINT.matcher(message);
        };
        String name = null;
        while (matcher.find()) {
            name = matcher.group(1);
            if (dialect != Dialect.MARIADB) {
                break;
            }
        }
        return Optional.ofNullable(name).map(n -> n.toLowerCase(Locale.ROOT));
    }
}
