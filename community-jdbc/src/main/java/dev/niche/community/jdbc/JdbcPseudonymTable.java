package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.PseudonymTable;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Pseudonyms in {@code niche_pseudonyms}; {@code handle_key} makes handles unique case-insensitively. */
final class JdbcPseudonymTable implements PseudonymTable {
    private static final String SELECT = "SELECT id, account_id, handle, created_ns FROM niche_pseudonyms";

    private final Session session;

    JdbcPseudonymTable(Session session) {
        this.session = session;
    }

    @Override
    public void insert(PseudonymRecord pseudonym) {
        session.insert("insert a pseudonym",
                "INSERT INTO niche_pseudonyms (id, account_id, handle, handle_key, created_ns) VALUES (?, ?, ?, ?, ?)",
                p -> p.id(pseudonym.id())
                        .text(pseudonym.account().value())
                        .text(pseudonym.handle())
                        .text(handleKey(pseudonym.handle()))
                        .instant(pseudonym.createdAt()),
                UniqueKey.ID);
    }

    @Override
    public Optional<PseudonymRecord> byId(PseudonymId id) {
        return session.queryOne("read a pseudonym", SELECT + " WHERE id = ?", p -> p.id(id), JdbcPseudonymTable::map);
    }

    @Override
    public Optional<PseudonymRecord> byHandle(String handle) {
        return session.queryOne("read a pseudonym by handle", SELECT + " WHERE handle_key = ?",
                p -> p.text(handleKey(handle)), JdbcPseudonymTable::map);
    }

    @Override
    public Map<PseudonymId, PseudonymRecord> byIds(Collection<PseudonymId> ids) {
        Map<PseudonymId, PseudonymRecord> found = new HashMap<>();
        for (List<PseudonymId> chunk : InLists.chunks(ids)) {
            session.query("read pseudonyms by id", SELECT + " WHERE id IN (" + InLists.placeholders(chunk.size()) + ")",
                    p -> {
                        for (PseudonymId id : chunk) {
                            p.id(id);
                        }
                    },
                    JdbcPseudonymTable::map)
                    .forEach(pseudonym -> found.put(pseudonym.id(), pseudonym));
        }
        return found;
    }

    @Override
    public List<PseudonymRecord> byAccount(AccountId account) {
        return session.query("read an account's pseudonyms",
                SELECT + " WHERE account_id = ? ORDER BY created_ns, id",
                p -> p.text(account.value()), JdbcPseudonymTable::map);
    }

    /** The form in which handles are compared: lower case by {@link Locale#ROOT}, as the SPI says. */
    static String handleKey(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    private static PseudonymRecord map(Row row) throws SQLException {
        return new PseudonymRecord(PseudonymId.of(row.text()), AccountId.of(row.text()), row.text(), row.instant());
    }
}
