package dev.niche.community.jdbc;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.InviteTable;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.util.Optional;

/** Invites in {@code niche_invites}; a use is counted by one guarded UPDATE. */
final class JdbcInviteTable implements InviteTable {
    private static final String SELECT = "SELECT id, community_id, code, created_by, created_ns, expires_ns, max_uses,"
            + " uses, revoked FROM niche_invites";

    private final Session session;

    JdbcInviteTable(Session session) {
        this.session = session;
    }

    @Override
    public void insert(InviteRecord invite) {
        session.insert("insert an invite",
                "INSERT INTO niche_invites (id, community_id, code, created_by, created_ns, expires_ns, max_uses, uses,"
                        + " revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> p.id(invite.id())
                        .id(invite.community())
                        .text(invite.code())
                        .id(invite.createdBy())
                        .instant(invite.createdAt())
                        .instant(invite.expiresAt())
                        .integer(invite.maxUses())
                        .integer(invite.uses())
                        .bool(invite.revoked()),
                UniqueKey.ID);
    }

    @Override
    public Optional<InviteRecord> byId(InviteId id) {
        return session.queryOne("read an invite", SELECT + " WHERE id = ?", p -> p.id(id), JdbcInviteTable::map);
    }

    @Override
    public Optional<InviteRecord> byCode(String code) {
        return session.queryOne("read an invite by code", SELECT + " WHERE code = ?", p -> p.text(code), JdbcInviteTable::map);
    }

    @Override
    public void revoke(InviteId id) {
        int changed = session.update("revoke an invite", "UPDATE niche_invites SET revoked = TRUE WHERE id = ?", p -> p.id(id));
        if (changed == 0) {
            throw new IllegalStateException("cannot revoke invite " + id + ": there is no such invite");
        }
    }

    @Override
    public boolean use(InviteId id, int maxUses) {
        return session.update("count an invite's use",
                "UPDATE niche_invites SET uses = uses + 1 WHERE id = ? AND uses < ?",
                p -> p.id(id).integer(maxUses)) > 0;
    }

    private static InviteRecord map(Row row) throws SQLException {
        return new InviteRecord(
                InviteId.of(row.text()),
                CommunityId.of(row.text()),
                row.text(),
                PseudonymId.of(row.text()),
                row.instant(),
                row.instant(),
                row.integer(),
                row.integer(),
                row.bool());
    }
}
