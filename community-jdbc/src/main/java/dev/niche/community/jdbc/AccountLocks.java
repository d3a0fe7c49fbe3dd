package dev.niche.community.jdbc;

import dev.niche.community.AccountId;

/**
 * {@link dev.niche.community.spi.StoreTransaction#lockAccount}: makes sure the account has a row in
 * {@code niche_accounts}, then locks that row FOR UPDATE until the unit of work ends. The row lock
 * lives in the database, so it serialises units of work on every node that shares it.
 */
final class AccountLocks {
    private final Session session;

    AccountLocks(Session session) {
        this.session = session;
    }

    void lock(AccountId account) {
        session.requireWritable("lock an account");
        String insertIfAbsent = switch (session.dialect()) {
            case POSTGRESQL -> "INSERT INTO niche_accounts (account_id) VALUES (?) ON CONFLICT (account_id) DO NOTHING";
            case MARIADB -> "INSERT INTO niche_accounts (account_id) VALUES (?) ON DUPLICATE KEY UPDATE account_id = account_id";
            case H2 -> "MERGE INTO niche_accounts (account_id) KEY (account_id) VALUES (?)";
        };
        session.update("register an account for locking", insertIfAbsent, p -> p.text(account.value()));
        session.query("lock an account", "SELECT account_id FROM niche_accounts WHERE account_id = ? FOR UPDATE",
                p -> p.text(account.value()), row -> Boolean.TRUE);
    }
}
