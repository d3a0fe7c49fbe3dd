package dev.niche.community.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes of a row that may or may not exist yet, atomic on every node: PostgreSQL's
 * {@code INSERT ... ON CONFLICT ... DO UPDATE}, MariaDB's {@code INSERT ... ON DUPLICATE KEY UPDATE},
 * and on H2, which has neither, {@code MERGE INTO ... KEY}. H2's standard {@code MERGE ... USING} is
 * not an option: two units that create one row at once make the second fail on the primary key.
 */
final class Upserts {
    private Upserts() {}

    /**
     * Inserts a row, or replaces every one of {@code values} in the row with the same key. Parameters:
     * the key columns, then the value columns, in order.
     */
    static String replace(Dialect dialect, String table, List<String> keys, List<String> values) {
        String columns = String.join(", ", keys) + ", " + String.join(", ", values);
        String placeholders = InLists.placeholders(keys.size() + values.size());
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")"
                    + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                    + values.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            case MARIADB -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")"
                    + " ON DUPLICATE KEY UPDATE "
                    + values.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
            case H2 -> "MERGE INTO " + table + " (" + columns + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                    + placeholders + ")";
        };
    }

    /**
     * On H2, for a counter row that an {@code UPDATE} found missing: creates it from the column
     * defaults, or leaves it as it is if another unit created it meanwhile (H2 runs the MERGE
     * atomically against that unit), so that the caller's {@code UPDATE} can run again and add to it.
     * Parameters: the key columns, in order.
     */
    static void createOnH2(Session session, String operation, String table, List<String> keys, Session.Binder key) {
        String columns = String.join(", ", keys);
        session.update(operation, "MERGE INTO " + table + " (" + columns + ") KEY (" + columns + ") VALUES ("
                + InLists.placeholders(keys.size()) + ")", key);
    }
}
