package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityDecision;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostDecision;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.VoteRecord;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The decision reads ({@link dev.niche.community.spi.StoreTransaction#postDecision},
 * {@link dev.niche.community.spi.StoreTransaction#communityDecision}): a command's whole decision in
 * one query of outer joins, where the separate reads would take five round trips.
 *
 * <p>In a write unit the post is locked first, as {@link JdbcPostTable#byId} locks it, by a statement
 * of its own, and the rest is read by a second one, which at READ COMMITTED takes its snapshot once the
 * lock is held and so sees what the lock's previous holder committed. (A join {@code FOR UPDATE} would
 * either lock every row it reads, the community's included, serialising every vote of a community, or,
 * on PostgreSQL with {@code FOR UPDATE OF p}, recheck only the post after waiting for it, reading the
 * vote and the membership as they were before the wait.) On PostgreSQL both statements travel in one
 * round trip.
 */
final class Decisions {
    private static final int MEMBERSHIP_COLUMNS = columns(JdbcMembershipTable.COLUMNS);
    private static final int VOTE_COLUMNS = columns(JdbcVoteTable.COLUMNS);
    private static final String MEMBERSHIP = prefixed("m", JdbcMembershipTable.COLUMNS);
    private static final String VOTE = prefixed("v", JdbcVoteTable.COLUMNS);
    private static final String POST_JOINS = " FROM niche_posts p"
            + " LEFT JOIN niche_communities c ON c.id = p.community_id"
            + " LEFT JOIN niche_memberships m ON m.community_id = p.community_id AND m.account_id = ?"
            + " LEFT JOIN niche_votes v ON v.post_id = p.id AND v.account_id = ?"
            + " LEFT JOIN niche_trust_policies tp ON tp.community_id = p.community_id"
            + " WHERE p.id = ?";
    private static final String POST_DECISION = "SELECT " + prefixed("p", JdbcPostTable.COLUMNS) + ", "
            + JdbcCommunityTable.COLUMNS + ", " + MEMBERSHIP + ", " + VOTE + ", tp.policy_text" + POST_JOINS;
    private static final String AROUND_POST = "SELECT " + JdbcCommunityTable.COLUMNS + ", " + MEMBERSHIP + ", " + VOTE
            + ", tp.policy_text FROM niche_communities c"
            + " LEFT JOIN niche_memberships m ON m.community_id = c.id AND m.account_id = ?"
            + " LEFT JOIN niche_votes v ON v.post_id = ? AND v.account_id = ?"
            + " LEFT JOIN niche_trust_policies tp ON tp.community_id = c.id"
            + " WHERE c.id = ?";
    private static final String COMMUNITY_DECISION = "SELECT " + JdbcCommunityTable.COLUMNS + ", " + MEMBERSHIP
            + ", tp.policy_text FROM niche_communities c"
            + " LEFT JOIN niche_memberships m ON m.community_id = c.id AND m.account_id = ?"
            + " LEFT JOIN niche_trust_policies tp ON tp.community_id = c.id"
            + " WHERE c.id = ?";

    /** What a decision read finds beside the post or the community. */
    private record Around(@Nullable MembershipRecord membership, @Nullable VoteRecord vote, @Nullable String policy) {}

    private final Session session;
    private final RowVersions versions;
    private final CommunitiesRead communities;
    private final JdbcPostTable posts;
    private final JdbcMembershipTable memberships;
    private final JdbcVoteTable votes;

    Decisions(Session session, RowVersions versions, CommunitiesRead communities, JdbcPostTable posts,
            JdbcMembershipTable memberships, JdbcVoteTable votes) {
        this.session = session;
        this.versions = versions;
        this.communities = communities;
        this.posts = posts;
        this.memberships = memberships;
        this.votes = votes;
    }

    Optional<PostDecision> post(PostId id, AccountId account) {
        if (!session.readOnly() && session.dialect() != Dialect.POSTGRESQL) {
            return posts.byId(id).map(post -> around(post, account));
        }
        if (!session.readOnly()) {
            // Locked by a statement of its own, so that the join after it reads with a snapshot taken
            // once the lock is held: a join FOR UPDATE OF p would wait for the post's lock and then
            // still read the vote and the membership as they were before the wait. The two travel in
            // one round trip (Session#write).
            session.write("lock a post", "SELECT id FROM niche_posts WHERE id = ? FOR UPDATE", p -> p.id(id));
        }
        return session.queryOne("read what a command on a post decides on", POST_DECISION,
                p -> p.text(account.value()).text(account.value()).id(id),
                row -> {
                    PostRecord post = posts.lockedRow(row);
                    CommunityRecord community = community(row);
                    Around around = around(row, true);
                    return new PostDecision(post, community, around.membership(), around.vote(), around.policy());
                });
    }

    Optional<CommunityDecision> community(CommunityId id, AccountId account) {
        return session.queryOne("read what a command in a community decides on", COMMUNITY_DECISION,
                p -> p.text(account.value()).id(id),
                row -> {
                    CommunityRecord community = JdbcCommunityTable.map(row, versions);
                    communities.put(community);
                    Around around = around(row, false);
                    return new CommunityDecision(community, around.membership(), around.policy());
                });
    }

    /** The second query of a post's decision on H2 and MariaDB, after the post was locked. */
    private PostDecision around(PostRecord post, AccountId account) {
        return session.queryOne("read what a command on a post decides on", AROUND_POST,
                        p -> p.text(account.value()).id(post.id()).text(account.value()).id(post.community()),
                        row -> {
                            CommunityRecord community = community(row);
                            Around around = around(row, true);
                            return new PostDecision(post, community, around.membership(), around.vote(),
                                    around.policy());
                        })
                .orElseGet(() -> new PostDecision(post, null, null, null, null));
    }

    private @Nullable CommunityRecord community(Row row) throws SQLException {
        if (row.nextIsNull()) {
            row.skip(columns(JdbcCommunityTable.COLUMNS));
            return null;
        }
        CommunityRecord community = JdbcCommunityTable.map(row, versions);
        communities.put(community);
        return community;
    }

    private Around around(Row row, boolean withVote) throws SQLException {
        MembershipRecord membership = null;
        if (row.nextIsNull()) {
            row.skip(MEMBERSHIP_COLUMNS);
        } else {
            membership = memberships.map(row);
        }
        VoteRecord vote = null;
        if (withVote) {
            if (row.nextIsNull()) {
                row.skip(VOTE_COLUMNS);
            } else {
                vote = votes.map(row);
            }
        }
        return new Around(membership, vote, row.textOrNull());
    }

    private static String prefixed(String alias, String columns) {
        return Pattern.compile("(^|, )(?:\\w+\\.)?").matcher(columns).replaceAll("$1" + alias + ".");
    }

    private static int columns(String columns) {
        return columns.split(",").length;
    }
}
