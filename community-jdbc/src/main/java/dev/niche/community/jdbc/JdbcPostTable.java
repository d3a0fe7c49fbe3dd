package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.UniqueKey;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Posts in {@code niche_posts}. Counters change only by {@code UPDATE ... SET c = c + ?}, so that
 * concurrent votes and replies never lose one; {@code score} moves in the same statement as
 * {@code ups} and {@code downs}. Every listing is a keyset walk of the index of its sort
 * ({@link SortColumn}).
 */
final class JdbcPostTable implements PostTable {
    static final String COLUMNS = "id, community_id, thread_id, parent_id, depth, author_id, author_account,"
            + " title, body, link, created_ns, edited_ns, deleted, locked, ups, downs, reply_count, thread_reply_count,"
            + " hot, best, controversy, row_version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM niche_posts";
    private static final String WITH_COMMUNITY = "SELECT p." + COLUMNS.replace(", ", ", p.") + ", "
            + JdbcCommunityTable.COLUMNS + " FROM niche_posts p LEFT JOIN niche_communities c ON c.id = p.community_id"
            + " WHERE p.id = ?";
    private static final String COUNTERS = "ups, downs, reply_count, thread_reply_count";

    /** How many communities one query of {@link #threadsOf} lists, within every database's parameter limit. */
    static final int COMMUNITIES_PER_QUERY = 50;

    /** How many parents one query of {@link #childrenOf} reads the first replies of. */
    static final int PARENTS_PER_QUERY = 50;

    private final Session session;
    private final RowVersions versions;
    private final CommunitiesRead communities;
    /** The counters of the posts this write unit holds locked, as they are now: {@link #moveVotes}'s shortcut. */
    private final Map<PostId, PostCounters> lockedCounters = new HashMap<>();

    JdbcPostTable(Session session, RowVersions versions, CommunitiesRead communities) {
        this.session = session;
        this.versions = versions;
        this.communities = communities;
    }

    @Override
    public void insert(PostRecord post) {
        PostCounters counters = post.counters();
        session.insert("insert a post",
                "INSERT INTO niche_posts (id, community_id, thread_id, parent_id, depth, author_id, author_account, title,"
                        + " body, link, created_ns, edited_ns, deleted, locked, ups, downs, reply_count,"
                        + " thread_reply_count, score, hot, best, controversy, row_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                p -> p.id(post.id())
                        .id(post.community())
                        .id(post.thread())
                        .idOrNull(post.parent())
                        .integer(post.depth())
                        .id(post.author())
                        .text(post.authorAccount().value())
                        .text(post.title())
                        .text(post.body())
                        .textOrNull(post.link())
                        .instant(post.createdAt())
                        .instantOrNull(post.editedAt())
                        .bool(post.deleted())
                        .bool(post.locked())
                        .integer(counters.ups())
                        .integer(counters.downs())
                        .integer(counters.replyCount())
                        .integer(counters.threadReplyCount())
                        .integer(counters.score())
                        .real(post.ranks().hot())
                        .real(post.ranks().best())
                        .real(post.ranks().controversy()),
                UniqueKey.ID);
        versions.saw(row(post.id()), 0);
    }

    /**
     * In a write unit the post is read FOR UPDATE. A command reads a post only to change it, its
     * counters or its votes, so the lock it would take later is taken now: commands on one post run
     * one after another from their first read, each seeing what the one before left. Without it, two
     * casts of one account's vote could both find no vote, and the loser of the insert would run
     * again, and again under steady contention, until the engine gave up.
     *
     * <p>The post comes with its community, which every command reads next, wherever one query can
     * fetch both without locking the community as well: in read units, and in write units on
     * PostgreSQL ({@code FOR UPDATE OF p}). H2 and MariaDB would lock every row of the join.
     */
    @Override
    public Optional<PostRecord> byId(PostId id) {
        if (!session.readOnly() && session.dialect() != Dialect.POSTGRESQL) {
            return session.queryOne("read a post", SELECT + " WHERE id = ? FOR UPDATE", p -> p.id(id), this::lockedRow);
        }
        String sql = WITH_COMMUNITY + (session.readOnly() ? "" : " FOR UPDATE OF p");
        return session.queryOne("read a post", sql, p -> p.id(id), row -> {
            PostRecord post = lockedRow(row);
            if (!row.nextIsNull()) {
                communities.put(JdbcCommunityTable.map(row, versions));
            }
            return post;
        });
    }

    @Override
    public Map<PostId, PostRecord> byIds(Collection<PostId> ids) {
        Map<PostId, PostRecord> found = new HashMap<>();
        for (List<PostId> chunk : InLists.chunks(ids)) {
            session.query("read posts by id", SELECT + " WHERE id IN (" + InLists.placeholders(chunk.size()) + ")",
                    p -> {
                        for (PostId id : chunk) {
                            p.id(id);
                        }
                    },
                    this::map)
                    .forEach(post -> found.put(post.id(), post));
        }
        return found;
    }

    @Override
    public void update(PostRecord post) {
        RowVersions.Outcome outcome = versions.update(session, "update a post", row(post.id()),
                "UPDATE niche_posts SET title = ?, body = ?, link = ?, edited_ns = ?, deleted = ?, locked = ?,"
                        + " row_version = row_version + 1 WHERE id = ?",
                p -> p.text(post.title())
                        .text(post.body())
                        .textOrNull(post.link())
                        .instantOrNull(post.editedAt())
                        .bool(post.deleted())
                        .bool(post.locked())
                        .id(post.id()));
        switch (outcome) {
            case MISSING -> throw missing("update", post.id());
            case CHANGED -> throw RowVersions.changed("post " + post.id());
            case WRITTEN -> { }
        }
    }

    @Override
    public PostCounters addVotes(PostId post, int ups, int downs) {
        lockedCounters.remove(post);
        // Each SET reads the row as it was before the statement on PostgreSQL and H2, and as the SETs
        // before it left it on MariaDB, so score moves by the difference rather than from ups and downs.
        String counting = "UPDATE niche_posts SET ups = ups + ?, downs = downs + ?, score = score + ? WHERE id = ?";
        Session.Binder binder = p -> p.integer(ups).integer(downs).integer(ups - downs).id(post);
        // Where the database can return the row it updated, one round trip does; a vote is the
        // engine's most frequent command.
        List<PostCounters> after = switch (session.dialect()) {
            case POSTGRESQL -> session.updateReturning("count votes on a post", counting + " RETURNING " + COUNTERS,
                    binder, JdbcPostTable::counters);
            case H2 -> session.updateReturning("count votes on a post",
                    "SELECT " + COUNTERS + " FROM FINAL TABLE (" + counting + ")", binder, JdbcPostTable::counters);
            case MARIADB -> {
                if (session.update("count votes on a post", counting, binder) == 0) {
                    yield List.of();
                }
                // The row stays locked by the update until the unit ends, so this reads exactly its result.
                yield session.query("read a post's counters", "SELECT " + COUNTERS + " FROM niche_posts WHERE id = ?",
                        p -> p.id(post), JdbcPostTable::counters);
            }
        };
        if (after.isEmpty()) {
            throw missing("count votes on", post);
        }
        return after.get(0);
    }

    @Override
    public void addReply(PostId parent, PostId thread) {
        lockedCounters.remove(parent);
        lockedCounters.remove(thread);
        if (parent.equals(thread)) {
            session.write("count a reply",
                    "UPDATE niche_posts SET reply_count = reply_count + 1, thread_reply_count = thread_reply_count + 1"
                            + " WHERE id = ?",
                    p -> p.id(parent), changed -> requireOne(changed, "count a reply to", parent));
            return;
        }
        session.write("count a reply", "UPDATE niche_posts SET reply_count = reply_count + 1 WHERE id = ?",
                p -> p.id(parent), changed -> requireOne(changed, "count a reply to", parent));
        session.write("count a reply in a thread",
                "UPDATE niche_posts SET thread_reply_count = thread_reply_count + 1 WHERE id = ?",
                p -> p.id(thread), changed -> requireOne(changed, "count a reply in thread", thread));
    }

    private static void requireOne(int changed, String action, PostId post) {
        if (changed == 0) {
            throw missing(action, post);
        }
    }

    /**
     * Where this unit read the post FOR UPDATE and its counters have not changed since, the counters
     * after the move are known without asking: one absolute write of the counters and rank keys, held
     * back with the unit's other writes ({@link Session#write}). Otherwise, the default's atomic
     * addition and read back.
     */
    @Override
    public PostCounters moveVotes(PostRecord read, int ups, int downs, Function<PostCounters, Ranks> ranks) {
        PostCounters held = lockedCounters.get(read.id());
        if (held == null || !held.equals(read.counters())) {
            return PostTable.super.moveVotes(read, ups, downs, ranks);
        }
        PostCounters after = new PostCounters(held.ups() + ups, held.downs() + downs, held.replyCount(),
                held.threadReplyCount());
        Ranks keys = ranks.apply(after);
        session.write("count votes on a post", "UPDATE niche_posts SET ups = ?, downs = ?, score = ?, hot = ?, best = ?,"
                        + " controversy = ? WHERE id = ?",
                p -> p.integer(after.ups()).integer(after.downs()).integer(after.score()).real(keys.hot())
                        .real(keys.best()).real(keys.controversy()).id(read.id()),
                changed -> requireOne(changed, "count votes on", read.id()));
        lockedCounters.put(read.id(), after);
        return after;
    }

    @Override
    public void setRanks(PostId post, Ranks ranks) {
        int changed = session.update("rank a post", "UPDATE niche_posts SET hot = ?, best = ?, controversy = ? WHERE id = ?",
                p -> p.real(ranks.hot()).real(ranks.best()).real(ranks.controversy()).id(post));
        if (changed == 0) {
            throw missing("rank", post);
        }
    }

    @Override
    public List<PostRecord> threads(CommunityId community, ThreadSort sort, @Nullable Instant createdSince,
            @Nullable SortKey after, int limit) {
        requirePositive(limit);
        SortColumn column = SortColumn.of(sort);
        return session.query("read a thread list", threadsSql(session.dialect(), sort, createdSince != null, after != null),
                p -> {
                    p.id(community);
                    if (createdSince != null) {
                        p.instant(createdSince);
                    }
                    if (after != null) {
                        column.bindBounds(p, after.value(), true);
                        p.id(after.id());
                    }
                    p.integer(limit);
                },
                this::map);
    }

    /**
     * One query per {@value #COMMUNITIES_PER_QUERY} communities: each community's keyset walk of its
     * index, as {@link #threads} runs it, as one branch of a {@code UNION ALL}.
     */
    @Override
    public Map<CommunityId, List<PostRecord>> threadsOf(Collection<CommunityId> communities, ThreadSort sort,
            @Nullable Instant createdSince, @Nullable SortKey after, int limit) {
        requirePositive(limit);
        SortColumn column = SortColumn.of(sort);
        String branch = "(" + threadsSql(session.dialect(), sort, createdSince != null, after != null) + ")";
        Map<CommunityId, List<PostRecord>> found = new HashMap<>();
        List<CommunityId> distinct = List.copyOf(new java.util.LinkedHashSet<>(communities));
        for (int from = 0; from < distinct.size(); from += COMMUNITIES_PER_QUERY) {
            List<CommunityId> chunk = distinct.subList(from, Math.min(distinct.size(), from + COMMUNITIES_PER_QUERY));
            String sql = String.join(" UNION ALL ", java.util.Collections.nCopies(chunk.size(), branch));
            for (PostRecord post : session.query("read the thread lists of several communities", sql,
                    p -> {
                        for (CommunityId community : chunk) {
                            p.id(community);
                            if (createdSince != null) {
                                p.instant(createdSince);
                            }
                            if (after != null) {
                                column.bindBounds(p, after.value(), true);
                                p.id(after.id());
                            }
                            p.integer(limit);
                        }
                    },
                    this::map)) {
                found.computeIfAbsent(post.community(), key -> new ArrayList<>()).add(post);
            }
        }
        return found;
    }

    @Override
    public List<PostRecord> children(PostId parent, ReplySort sort, @Nullable SortKey after, int limit) {
        requirePositive(limit);
        SortColumn column = SortColumn.of(sort);
        boolean descending = sort != ReplySort.OLD;
        return session.query("read a post's replies", childrenSql(sort, after != null),
                p -> {
                    p.id(parent);
                    if (after != null) {
                        column.bindBounds(p, after.value(), descending);
                        p.id(after.id());
                    }
                    p.integer(limit);
                },
                this::map);
    }

    /** One query per {@value #PARENTS_PER_QUERY} parents: a {@code UNION ALL} of each parent's first replies, each walking the index. */
    @Override
    public Map<PostId, List<PostRecord>> childrenOf(Collection<PostId> parents, ReplySort sort, int limit) {
        requirePositive(limit);
        String branch = "(" + childrenSql(sort, false) + ")";
        Map<PostId, List<PostRecord>> found = new HashMap<>();
        List<PostId> distinct = List.copyOf(new java.util.LinkedHashSet<>(parents));
        for (int from = 0; from < distinct.size(); from += PARENTS_PER_QUERY) {
            List<PostId> chunk = distinct.subList(from, Math.min(distinct.size(), from + PARENTS_PER_QUERY));
            String sql = String.join(" UNION ALL ", java.util.Collections.nCopies(chunk.size(), branch));
            for (PostRecord post : session.query("read the first replies of several posts", sql,
                    p -> {
                        for (PostId parent : chunk) {
                            p.id(parent).integer(limit);
                        }
                    },
                    this::map)) {
                found.computeIfAbsent(Objects.requireNonNull(post.parent(), "a reply has a parent"),
                        key -> new ArrayList<>()).add(post);
            }
        }
        return found;
    }

    /**
     * A community's roots by {@code sort}: parameters community, then {@code created_ns} lower
     * bound when {@code since}, then the keyset bounds and id when {@code after}, then the limit.
     */
    static String threadsSql(Dialect dialect, ThreadSort sort, boolean since, boolean after) {
        SortColumn column = SortColumn.of(sort);
        // The order names the index's leading columns, fixed by the WHERE clause, because H2 reads an
        // index in order only when ORDER BY names all of its columns; otherwise it sorts every match.
        // PostgreSQL's thread indexes are partial (roots only) and have no parent_id column to name.
        String leading = dialect == Dialect.POSTGRESQL ? "community_id, " : "community_id, parent_id, ";
        return SELECT + " WHERE community_id = ? AND parent_id IS NULL"
                + (since ? " AND created_ns >= ?" : "")
                + (after ? " AND " + column.after(true) : "")
                + column.orderBy(leading, true) + " LIMIT ?";
    }

    /** A post's direct replies by {@code sort}: parameters parent, then the keyset bounds and id when {@code after}, then the limit. */
    static String childrenSql(ReplySort sort, boolean after) {
        SortColumn column = SortColumn.of(sort);
        boolean descending = sort != ReplySort.OLD;
        return SELECT + " WHERE parent_id = ?"
                + (after ? " AND " + column.after(descending) : "")
                + column.orderBy(descending ? "parent_id, " : "parent_id DESC, ", descending) + " LIMIT ?";
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page limit " + limit + " must be at least 1");
        }
    }

    /**
     * Reads a post from {@link #COLUMNS} that a write unit has just read FOR UPDATE (in a read unit,
     * simply reads it), and remembers its counters for {@link #moveVotes}.
     */
    PostRecord lockedRow(Row row) throws SQLException {
        PostRecord post = map(row);
        if (!session.readOnly()) {
            lockedCounters.put(post.id(), post.counters());
        }
        return post;
    }

    /** Reads a post from {@link #COLUMNS}, and remembers its version. */
    PostRecord map(Row row) throws SQLException {
        PostId id = PostId.of(row.text());
        CommunityId community = CommunityId.of(row.text());
        PostId thread = PostId.of(row.text());
        String parent = row.textOrNull();
        PostRecord post = new PostRecord(id, community, thread, parent == null ? null : PostId.of(parent),
                row.integer(),
                PseudonymId.of(row.text()),
                AccountId.of(row.text()),
                row.text(),
                row.text(),
                row.textOrNull(),
                row.instant(),
                row.instantOrNull(),
                row.bool(),
                row.bool(),
                counters(row),
                new Ranks(row.real(), row.real(), row.real()));
        versions.saw(row(post.id()), row.bigint());
        return post;
    }

    private static PostCounters counters(Row row) throws SQLException {
        return new PostCounters(row.integer(), row.integer(), row.integer(), row.integer());
    }

    private static IllegalStateException missing(String action, PostId post) {
        return new IllegalStateException("cannot " + action + " post " + post + ": there is no such post");
    }

    private static String row(PostId id) {
        return "post " + id;
    }
}
