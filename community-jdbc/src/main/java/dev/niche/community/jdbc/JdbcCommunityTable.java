package dev.niche.community.jdbc;

import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.CommunityTable;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Communities in {@code niche_communities}. Tags and rules travel in the row as JSON arrays, so that
 * reading a community, which nearly every command does, takes one query; the tags are also kept one
 * per row in {@code niche_community_tags}, so that discovery finds a tag with an indexed EXISTS.
 * Discovery matches words against copies of the slug, title and description lower-cased in Java
 * with {@link Locale#ROOT}, exactly as {@link CommunitySearch} defines, rather than with each
 * database's own LOWER(), whose case mappings differ (PostgreSQL's "C" collation lowers ASCII only).
 *
 * <p>A unit of work reads a community by id from the database once ({@link CommunitiesRead}).
 */
final class JdbcCommunityTable implements CommunityTable {
    /** The columns {@link #map(Row, RowVersions)} reads, in its order, of {@code niche_communities} as {@code c}. */
    static final String COLUMNS = "c.id, c.slug, c.title, c.description, c.tags, c.rules, c.visibility,"
            + " c.join_policy, c.archived, c.member_count, c.created_ns, c.updated_ns, c.row_version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM niche_communities c";
    private static final String INSERT_TAG = "INSERT INTO niche_community_tags (community_id, ordinal, tag) VALUES (?, ?, ?)";

    private final Session session;
    private final RowVersions versions;
    private final CommunitiesRead read;

    JdbcCommunityTable(Session session, RowVersions versions, CommunitiesRead read) {
        this.session = session;
        this.versions = versions;
        this.read = read;
    }

    @Override
    public void insert(CommunityRecord community) {
        session.insert("insert a community",
                "INSERT INTO niche_communities (id, slug, title, description, tags, rules, slug_lc, title_lc,"
                        + " description_lc, visibility, join_policy, archived, member_count, created_ns, updated_ns,"
                        + " row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                p -> p.id(community.id())
                        .text(community.slug())
                        .text(community.title())
                        .text(community.description())
                        .text(JsonStrings.encode(community.tags()))
                        .text(JsonStrings.encode(community.rules()))
                        .text(lower(community.slug()))
                        .text(lower(community.title()))
                        .text(lower(community.description()))
                        .name(community.visibility())
                        .name(community.joinPolicy())
                        .bool(community.archived())
                        .integer(community.memberCount())
                        .instant(community.createdAt())
                        .instant(community.updatedAt()),
                UniqueKey.ID);
        insertTags(community);
        versions.saw(row(community.id()), 0);
    }

    @Override
    public void update(CommunityRecord community) {
        read.forget(community.id());
        RowVersions.Outcome outcome = versions.update(session, "update a community", row(community.id()),
                "UPDATE niche_communities SET title = ?, description = ?, tags = ?, rules = ?, title_lc = ?,"
                        + " description_lc = ?, visibility = ?, join_policy = ?, archived = ?, updated_ns = ?,"
                        + " row_version = row_version + 1 WHERE id = ?",
                p -> p.text(community.title())
                        .text(community.description())
                        .text(JsonStrings.encode(community.tags()))
                        .text(JsonStrings.encode(community.rules()))
                        .text(lower(community.title()))
                        .text(lower(community.description()))
                        .name(community.visibility())
                        .name(community.joinPolicy())
                        .bool(community.archived())
                        .instant(community.updatedAt())
                        .id(community.id()));
        switch (outcome) {
            case MISSING -> throw new IllegalStateException("cannot update community " + community.id() + ": there is no such community");
            case CHANGED -> throw RowVersions.changed("community " + community.id());
            case WRITTEN -> {
                session.update("replace a community's tags", "DELETE FROM niche_community_tags WHERE community_id = ?",
                        p -> p.id(community.id()));
                insertTags(community);
            }
        }
    }

    @Override
    public Optional<CommunityRecord> byId(CommunityId id) {
        CommunityRecord known = read.get(id);
        if (known != null) {
            session.requireOpen("read a community");
            return Optional.of(known);
        }
        Optional<CommunityRecord> found =
                session.queryOne("read a community", SELECT + " WHERE c.id = ?", p -> p.id(id), this::map);
        found.ifPresent(read::put);
        return found;
    }

    /** One query per {@link InLists#CHUNK} ids; communities this unit read already are not read again. */
    @Override
    public Map<CommunityId, CommunityRecord> byIds(Collection<CommunityId> ids) {
        Map<CommunityId, CommunityRecord> found = new HashMap<>();
        List<CommunityId> unread = new ArrayList<>();
        for (CommunityId id : ids) {
            CommunityRecord known = read.get(id);
            if (known != null) {
                found.put(id, known);
            } else {
                unread.add(id);
            }
        }
        session.requireOpen("read communities by id");
        for (List<CommunityId> chunk : InLists.chunks(unread)) {
            for (CommunityRecord community : session.query("read communities by id",
                    SELECT + " WHERE c.id IN (" + InLists.placeholders(chunk.size()) + ")",
                    p -> {
                        for (CommunityId id : chunk) {
                            p.id(id);
                        }
                    },
                    this::map)) {
                read.put(community);
                found.put(community.id(), community);
            }
        }
        return found;
    }

    @Override
    public Optional<CommunityRecord> bySlug(String slug) {
        return session.queryOne("read a community by slug", SELECT + " WHERE c.slug = ?", p -> p.text(slug), this::map);
    }

    @Override
    public void addToMemberCount(CommunityId id, int delta) {
        read.forget(id);
        // Held back on PostgreSQL like the unit's other writes, so that it travels with them (and with
        // the event log's append before the commit); a missing community still fails the unit.
        session.write("count a community's members", "UPDATE niche_communities SET member_count = member_count + ? WHERE id = ?",
                p -> p.integer(delta).id(id), changed -> {
                    if (changed == 0) {
                        throw new IllegalStateException("cannot count members of community " + id
                                + ": there is no such community");
                    }
                });
    }

    @Override
    public List<CommunityRecord> search(CommunitySearch search) {
        if (search.limit() < 0) {
            throw new IllegalArgumentException("search limit " + search.limit() + " must not be negative");
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE (c.visibility <> 'PRIVATE'");
        List<Session.Binder> binders = new ArrayList<>();
        for (List<CommunityId> chunk : InLists.chunks(search.privateVisible())) {
            sql.append(" OR c.id IN (").append(InLists.placeholders(chunk.size())).append(')');
            binders.add(p -> {
                for (CommunityId id : chunk) {
                    p.id(id);
                }
            });
        }
        sql.append(')');
        String tag = search.tag();
        if (tag != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM niche_community_tags t WHERE t.community_id = c.id AND t.tag = ?)");
            binders.add(p -> p.text(tag));
        }
        for (String word : search.words()) {
            String pattern = LikePattern.containing(word);
            sql.append(" AND (c.slug_lc LIKE ? ESCAPE '!' OR c.title_lc LIKE ? ESCAPE '!'"
                    + " OR c.description_lc LIKE ? ESCAPE '!')");
            binders.add(p -> p.text(pattern).text(pattern).text(pattern));
        }
        String afterSlug = search.afterSlug();
        if (afterSlug != null) {
            sql.append(" AND c.slug > ?");
            binders.add(p -> p.text(afterSlug));
        }
        sql.append(" ORDER BY c.slug LIMIT ?");
        binders.add(p -> p.integer(search.limit()));
        return session.query("search communities", sql.toString(), p -> {
            for (Session.Binder binder : binders) {
                binder.bind(p);
            }
        }, this::map);
    }

    private void insertTags(CommunityRecord community) {
        List<Session.Binder> rows = new ArrayList<>();
        for (int i = 0; i < community.tags().size(); i++) {
            int ordinal = i;
            rows.add(p -> p.id(community.id()).integer(ordinal).text(community.tags().get(ordinal)));
        }
        session.batch("insert a community's tags", INSERT_TAG, rows);
    }

    private CommunityRecord map(Row row) throws SQLException {
        return map(row, versions);
    }

    /** Reads a community from {@link #COLUMNS}, and remembers its version in {@code versions}. */
    static CommunityRecord map(Row row, RowVersions versions) throws SQLException {
        CommunityRecord community = new CommunityRecord(
                CommunityId.of(row.text()),
                row.text(),
                row.text(),
                row.text(),
                JsonStrings.decode(row.text()),
                JsonStrings.decode(row.text()),
                row.name(Visibility.class),
                row.name(JoinPolicy.class),
                row.bool(),
                row.integer(),
                row.instant(),
                row.instant());
        versions.saw(row(community.id()), row.bigint());
        return community;
    }

    private static String row(CommunityId id) {
        return "community " + id;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
