package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTable;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.Direction;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Votes in {@code niche_votes}, keyed by (post, account). */
final class JdbcVoteTable implements VoteTable {
    static final String COLUMNS = "post_id, account_id, voter_id, direction, counted, cast_ns, row_version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM niche_votes";

    private final Session session;
    private final RowVersions versions;

    JdbcVoteTable(Session session, RowVersions versions) {
        this.session = session;
        this.versions = versions;
    }

    @Override
    public Optional<VoteRecord> find(PostId post, AccountId account) {
        return session.queryOne("read a vote", SELECT + " WHERE post_id = ? AND account_id = ?",
                p -> p.id(post).text(account.value()), this::map);
    }

    @Override
    public void insert(VoteRecord vote) {
        session.insert("insert a vote",
                "INSERT INTO niche_votes (post_id, account_id, voter_id, direction, counted, cast_ns, row_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)",
                p -> p.id(vote.post())
                        .text(vote.account().value())
                        .id(vote.voter())
                        .name(vote.direction())
                        .bool(vote.counted())
                        .instant(vote.castAt()),
                UniqueKey.VOTE);
        versions.saw(row(vote.post(), vote.account()), 0);
    }

    @Override
    public void update(VoteRecord vote) {
        RowVersions.Outcome outcome = versions.update(session, "update a vote", row(vote.post(), vote.account()),
                "UPDATE niche_votes SET voter_id = ?, direction = ?, counted = ?, cast_ns = ?,"
                        + " row_version = row_version + 1 WHERE post_id = ? AND account_id = ?",
                p -> p.id(vote.voter())
                        .name(vote.direction())
                        .bool(vote.counted())
                        .instant(vote.castAt())
                        .id(vote.post())
                        .text(vote.account().value()));
        // The account stays out of messages: it is the host's private key.
        switch (outcome) {
            case MISSING -> throw new IllegalStateException("cannot update a vote on post " + vote.post()
                    + ": the account has no vote there");
            case CHANGED -> throw RowVersions.changed("a vote on post " + vote.post());
            case WRITTEN -> { }
        }
    }

    @Override
    public boolean delete(PostId post, AccountId account) {
        RowVersions.Outcome outcome = versions.delete(session, "delete a vote", row(post, account),
                "DELETE FROM niche_votes WHERE post_id = ? AND account_id = ?",
                p -> p.id(post).text(account.value()));
        return switch (outcome) {
            case WRITTEN -> true;
            case MISSING -> false;
            case CHANGED -> throw RowVersions.changed("a vote on post " + post);
        };
    }

    @Override
    public Map<PostId, VoteRecord> ofAccount(AccountId account, Collection<PostId> posts) {
        Map<PostId, VoteRecord> found = new HashMap<>();
        for (List<PostId> chunk : InLists.chunks(posts)) {
            session.query("read an account's votes",
                    SELECT + " WHERE account_id = ? AND post_id IN (" + InLists.placeholders(chunk.size()) + ")",
                    p -> {
                        p.text(account.value());
                        for (PostId post : chunk) {
                            p.id(post);
                        }
                    },
                    this::map)
                    .forEach(vote -> found.put(vote.post(), vote));
        }
        return found;
    }

    @Override
    public VoteTally tally(PostId post) {
        return session.queryOne("count a post's votes",
                        "SELECT COALESCE(SUM(CASE WHEN direction = 'UP' THEN 1 ELSE 0 END), 0) AS ups,"
                                + " COALESCE(SUM(CASE WHEN direction = 'DOWN' THEN 1 ELSE 0 END), 0) AS downs"
                                + " FROM niche_votes WHERE post_id = ? AND counted = TRUE",
                        p -> p.id(post),
                        row -> new VoteTally(row.integer(), row.integer()))
                .orElse(new VoteTally(0, 0));
    }

    /** Reads a vote from {@link #COLUMNS}, and remembers its version. */
    VoteRecord map(Row row) throws SQLException {
        VoteRecord vote = new VoteRecord(
                PostId.of(row.text()),
                AccountId.of(row.text()),
                PseudonymId.of(row.text()),
                row.name(Direction.class),
                row.bool(),
                row.instant());
        versions.saw(row(vote.post(), vote.account()), row.bigint());
        return vote;
    }

    private static String row(PostId post, AccountId account) {
        return "vote " + post + " " + account.value();
    }
}
