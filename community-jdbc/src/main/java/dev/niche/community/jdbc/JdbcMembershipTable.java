package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.MembershipTable;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Memberships in {@code niche_memberships}, keyed by (community, account). The member list is a
 * keyset scan over the index (community_id, state, since_ns, pseudonym_id).
 */
final class JdbcMembershipTable implements MembershipTable {
    static final String COLUMNS = "community_id, account_id, pseudonym_id, role, state, since_ns, row_version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM niche_memberships";
    static final String PAGE_FIRST = SELECT + " WHERE community_id = ? AND state = ?"
            + " ORDER BY since_ns, pseudonym_id LIMIT ?";
    static final String PAGE_AFTER = SELECT + " WHERE community_id = ? AND state = ?"
            + " AND since_ns >= ? AND (since_ns > ? OR (since_ns = ? AND pseudonym_id > ?))"
            + " ORDER BY since_ns, pseudonym_id LIMIT ?";

    private final Session session;
    private final RowVersions versions;

    JdbcMembershipTable(Session session, RowVersions versions) {
        this.session = session;
        this.versions = versions;
    }

    @Override
    public void insert(MembershipRecord membership) {
        session.insert("insert a membership",
                "INSERT INTO niche_memberships (community_id, account_id, pseudonym_id, role, state, since_ns, row_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)",
                p -> p.id(membership.community())
                        .text(membership.account().value())
                        .id(membership.pseudonym())
                        .name(membership.role())
                        .name(membership.state())
                        .instant(membership.since()),
                UniqueKey.MEMBERSHIP);
        versions.saw(row(membership.community(), membership.account()), 0);
    }

    @Override
    public void update(MembershipRecord membership) {
        RowVersions.Outcome outcome = versions.update(session, "update a membership",
                row(membership.community(), membership.account()),
                "UPDATE niche_memberships SET pseudonym_id = ?, role = ?, state = ?, since_ns = ?,"
                        + " row_version = row_version + 1 WHERE community_id = ? AND account_id = ?",
                p -> p.id(membership.pseudonym())
                        .name(membership.role())
                        .name(membership.state())
                        .instant(membership.since())
                        .id(membership.community())
                        .text(membership.account().value()));
        // The account stays out of messages: it is the host's private key.
        switch (outcome) {
            case MISSING -> throw new IllegalStateException("cannot update a membership in community "
                    + membership.community() + ": the account has no membership there");
            case CHANGED -> throw RowVersions.changed("a membership in community " + membership.community());
            case WRITTEN -> { }
        }
    }

    @Override
    public Optional<MembershipRecord> find(CommunityId community, AccountId account) {
        return session.queryOne("read a membership", SELECT + " WHERE community_id = ? AND account_id = ?",
                p -> p.id(community).text(account.value()), this::map);
    }

    @Override
    public Optional<MembershipRecord> findByPseudonym(CommunityId community, PseudonymId pseudonym) {
        return session.queryOne("read a membership by pseudonym", SELECT + " WHERE community_id = ? AND pseudonym_id = ?",
                p -> p.id(community).id(pseudonym), this::map);
    }

    @Override
    public List<MembershipRecord> page(CommunityId community, MemberState state, @Nullable MemberKey after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("page limit " + limit + " must not be negative");
        }
        if (after == null) {
            return session.query("read a member list", PAGE_FIRST,
                    p -> p.id(community).name(state).integer(limit), this::map);
        }
        return session.query("read a member list", PAGE_AFTER,
                p -> p.id(community).name(state)
                        .instant(after.since()).instant(after.since()).instant(after.since()).id(after.pseudonym())
                        .integer(limit),
                this::map);
    }

    @Override
    public Set<CommunityId> communitiesOf(AccountId account, MemberState state) {
        return session.query("read an account's communities",
                        "SELECT community_id FROM niche_memberships WHERE account_id = ? AND state = ?",
                        p -> p.text(account.value()).name(state),
                        row -> CommunityId.of(row.text()))
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Reads a membership from {@link #COLUMNS}, and remembers its version. */
    MembershipRecord map(Row row) throws SQLException {
        MembershipRecord membership = new MembershipRecord(
                CommunityId.of(row.text()),
                AccountId.of(row.text()),
                PseudonymId.of(row.text()),
                row.name(Role.class),
                row.name(MemberState.class),
                row.instant());
        versions.saw(row(membership.community(), membership.account()), row.bigint());
        return membership;
    }

    private static String row(CommunityId community, AccountId account) {
        return "membership " + community + " " + account.value();
    }
}
