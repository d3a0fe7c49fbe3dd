package dev.niche.community.jdbc;

import dev.niche.community.AccountId;

/**
 * {@link dev.niche.community.spi.StoreTransaction#lockAccount}: locks the account's row in
 * {@code niche_accounts} until the unit of work ends, creating it first if it is absent. The row lock
 * lives in the database, so it serialises units of work on every node that shares it.
 *
 * <p>On PostgreSQL and MariaDB one upsert does both: {@code ON CONFLICT DO UPDATE} locks the conflicting
 * row as an UPDATE would, and InnoDB puts an exclusive lock on the duplicate row of an
 * {@code ON DUPLICATE KEY UPDATE}; a row the statement inserts is locked as its own write. H2 merges the
 * row, then locks it {@code FOR UPDATE}.
 */
final class AccountLocks {
    private final Session session;

    AccountLocks(Session session) {
        this.session = session;
    }

    void lock(AccountId account) {
        session.requireWritable("lock an account");
        Session.Binder key = p -> p.text(account.value());
        switch (session.dialect()) {
            // Held back with the unit's other writes: the next statement, which must see what the lock
            // holder committed, runs after it in the same round trip, with a snapshot of its own.
            case POSTGRESQL -> session.write("lock an account", "INSERT INTO niche_accounts (account_id) VALUES (?)"
                    + " ON CONFLICT (account_id) DO UPDATE SET account_id = EXCLUDED.account_id", key);
            case MARIADB -> session.update("lock an account", "INSERT INTO niche_accounts (account_id) VALUES (?)"
                    + " ON DUPLICATE KEY UPDATE account_id = account_id", key);
            case H2 -> {
                session.update("register an account for locking",
                        "MERGE INTO niche_accounts (account_id) KEY (account_id) VALUES (?)", key);
                session.query("lock an account", "SELECT account_id FROM niche_accounts WHERE account_id = ? FOR UPDATE",
                        key, row -> Boolean.TRUE);
            }
        }
    }
}
