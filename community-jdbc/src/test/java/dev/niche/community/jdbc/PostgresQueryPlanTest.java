package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plans PostgreSQL picks for the keyset scans, on enough rows that a sequential scan and a sort
 * would be a real choice. The plans are written to {@code target/postgresql-plans.txt}; the README
 * keeps a copy as evidence.
 */
@DisplayName("On PostgreSQL, thread, reply, member, leaderboard and serial-vote pages, the ledger reads of a vote and a recompute's posts are index scans")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresQueryPlanTest {
    /** One big community, where a sort would cost, among small ones. */
    private static final int BIG = 3_000;
    private static final int SMALL = 50;
    private static final int SMALL_COMMUNITIES = 20;
    private static final long DAY = 20_574;

    private @Nullable TestDatabase database;
    private final CommunityRecord big = Records.community();
    private final List<PostRecord> bigRoots = new ArrayList<>();
    private final List<PostRecord> bigReplies = new ArrayList<>();
    private final List<MembershipRecord> bigMembers = new ArrayList<>();
    private final List<LedgerEntry> bigLedger = new ArrayList<>();
    private final List<CommunityId> smallCommunities = new ArrayList<>();
    private final StringBuilder evidence = new StringBuilder();

    @BeforeAll
    void fill() throws SQLException {
        database = TestDatabase.start(Dialect.POSTGRESQL);
        JdbcStore store = database.store();
        store.write(tx -> {
            tx.communities().insert(big);
            for (int i = 0; i < BIG; i++) {
                // Hot keys as the engine's grow with time, scrambled a little as votes would.
                PostRecord root = Records.root(big.id(), T0.plusSeconds(i))
                        .withRanks(new Ranks(i / 45_000d + (i * 7 % 13) / 10d, 0, i % 17));
                bigRoots.add(root);
                tx.posts().insert(root);
                tx.posts().insert(Records.reply(root, T0.plusSeconds(i + 1)));
                // One thread with as many direct replies as the community has threads.
                PostRecord reply = Records.reply(bigRoots.get(0), T0.plusSeconds(i + 1))
                        .withRanks(new Ranks(0, (i * 31 % 1000) / 1000d, i % 5));
                bigReplies.add(reply);
                tx.posts().insert(reply);
                MembershipRecord member = Records.membership(big.id(), Records.account(),
                        PseudonymId.of(UUID.randomUUID().toString()),
                        i % 4 == 0 ? MemberState.PENDING : MemberState.ACTIVE, T0.plusSeconds(i));
                bigMembers.add(member);
                tx.memberships().insert(member);
                // Each member's thread gets a vote from the member before, every tenth held as serial.
                MembershipRecord voter = bigMembers.get(Math.max(0, i - 1));
                LedgerEntry entry = new LedgerEntry(big.id(), member.pseudonym(), member.account(),
                        i % 10 == 0 ? LedgerKind.SERIAL_VOTE : LedgerKind.UPVOTE, i % 10 == 0 ? 0 : 10, root.id(),
                        voter.account(), voter.pseudonym(), DAY + i % 30, T0.plusSeconds(i));
                bigLedger.add(entry);
                tx.reputation().append(entry);
                tx.reputation().addToTotal(big.id(), member.pseudonym(), i * 37L % 500);
            }
            for (int c = 0; c < SMALL_COMMUNITIES; c++) {
                CommunityRecord small = Records.community();
                smallCommunities.add(small.id());
                tx.communities().insert(small);
                for (int i = 0; i < SMALL; i++) {
                    PostRecord root = Records.root(small.id(), T0.plusSeconds(i));
                    tx.posts().insert(root);
                    PseudonymId pseudonym = PseudonymId.of(UUID.randomUUID().toString());
                    AccountId account = Records.account();
                    tx.memberships().insert(Records.membership(small.id(), account, pseudonym, MemberState.ACTIVE,
                            T0.plusSeconds(i)));
                    tx.reputation().append(new LedgerEntry(small.id(), pseudonym, account, LedgerKind.SERIAL_VOTE, 0,
                            root.id(), Records.account(), PseudonymId.of(UUID.randomUUID().toString()), DAY,
                            T0.plusSeconds(i)));
                    tx.reputation().addToTotal(small.id(), pseudonym, i);
                }
            }
            return null;
        });
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    @AfterAll
    void keepEvidence() throws IOException {
        if (database != null) {
            database.close();
        }
        if (!evidence.isEmpty()) {
            Files.writeString(Path.of("target", "postgresql-plans.txt"), evidence, StandardCharsets.UTF_8);
        }
    }

    /** The plan of {@code sql} with its parameters bound, as the store runs it. */
    private String plan(String title, String sql, Session.Binder binder) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database().connect();
                PreparedStatement statement = connection.prepareStatement("EXPLAIN (COSTS OFF) " + sql)) {
            binder.bind(new Params(statement));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        evidence.append("-- ").append(title).append('\n').append(sql).append('\n').append(plan).append('\n');
        return plan.toString();
    }

    private TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("no database");
        }
        return database;
    }

    @Test
    @DisplayName("a community's HOT and NEW thread pages scan the partial indexes of roots")
    void threadPage() throws SQLException {
        PostRecord middle = bigRoots.get(BIG / 2);
        List<String> plans = new ArrayList<>();
        for (ThreadSort sort : List.of(ThreadSort.HOT, ThreadSort.NEW)) {
            SortKey after = SortKey.of(middle, sort);
            String first = plan("first thread page, " + sort, JdbcPostTable.threadsSql(Dialect.POSTGRESQL, sort, false, false),
                    p -> p.id(big.id()).integer(25));
            String next = plan("next thread page, " + sort, JdbcPostTable.threadsSql(Dialect.POSTGRESQL, sort, false, true), p -> {
                p.id(big.id());
                SortColumn.of(sort).bindBounds(p, after.value(), true);
                p.id(after.id()).integer(25);
            });
            String index = "Index Scan using niche_posts_threads_" + sort.name().toLowerCase(Locale.ROOT) + "_ix";
            assertThat(first).contains(index);
            assertThat(next).contains(index);
            plans.add(first);
            plans.add(next);
        }

        assertThat(plans).allSatisfy(plan -> assertThat(plan).doesNotContain("Seq Scan", "Sort"));
    }

    @Test
    @DisplayName("a post's BEST and OLD reply pages scan the indexes of replies")
    void replyPage() throws SQLException {
        PostRecord parent = bigRoots.get(0);
        PostRecord middle = bigReplies.get(BIG / 2);
        List<String> plans = new ArrayList<>();
        for (ReplySort sort : List.of(ReplySort.BEST, ReplySort.OLD)) {
            boolean descending = sort != ReplySort.OLD;
            SortKey after = SortKey.of(middle, sort);
            String first = plan("first reply page, " + sort, JdbcPostTable.childrenSql(sort, false),
                    p -> p.id(parent.id()).integer(200));
            String next = plan("next reply page, " + sort, JdbcPostTable.childrenSql(sort, true), p -> {
                p.id(parent.id());
                SortColumn.of(sort).bindBounds(p, after.value(), descending);
                p.id(after.id()).integer(200);
            });
            String index = sort == ReplySort.BEST ? "niche_posts_replies_best_ix" : "niche_posts_replies_new_ix";
            assertThat(first).contains("Index Scan", index);
            assertThat(next).contains("Index Scan", index);
            plans.add(first);
            plans.add(next);
        }

        assertThat(plans).allSatisfy(plan -> assertThat(plan).doesNotContain("Seq Scan", "Sort"));
    }

    @Test
    @DisplayName("a community's member page scans the member index")
    void memberPage() throws SQLException {
        MembershipRecord middle = bigMembers.get(BIG / 2 + 1);

        String first = plan("first member page", JdbcMembershipTable.PAGE_FIRST,
                p -> p.id(middle.community()).name(MemberState.ACTIVE).integer(25));
        String next = plan("next member page", JdbcMembershipTable.PAGE_AFTER, p -> p.id(middle.community())
                .name(MemberState.ACTIVE).instant(middle.since()).instant(middle.since()).instant(middle.since())
                .id(middle.pseudonym()).integer(25));

        for (String plan : List.of(first, next)) {
            assertThat(plan).contains("Index Scan using niche_memberships_page_ix").doesNotContain("Seq Scan", "Sort");
        }
    }
    @Test
    @DisplayName("a leaderboard page scans the index of totals by points")
    void leaderboard() throws SQLException {
        String first = plan("first leaderboard page", JdbcReputationTable.LEADERBOARD_FIRST,
                p -> p.id(big.id()).integer(25));
        String next = plan("next leaderboard page", JdbcReputationTable.LEADERBOARD_AFTER,
                p -> p.id(big.id()).bigint(250).bigint(250).bigint(250).id(bigMembers.get(BIG / 2).pseudonym()).integer(25));

        for (String plan : List.of(first, next)) {
            assertThat(plan).containsPattern("Index (Only )?Scan using niche_reputation_totals_board_ix")
                    .doesNotContain("Seq Scan", "Sort");
        }
    }

    @Test
    @DisplayName("each ledger query of a vote reads an index of the ledger")
    void votePath() throws SQLException {
        LedgerEntry entry = bigLedger.get(BIG / 2 + 1);

        String held = plan("what a vote holds", JdbcReputationTable.VOTE_NET,
                p -> p.id(entry.post()).text(entry.sourceAccount().value()));
        String gains = plan("a day's up-vote gains", JdbcReputationTable.UPVOTE_GAINS,
                p -> p.id(entry.pseudonym()).id(entry.community()).bigint(entry.day()));
        String recent = plan("recent votes of one account on another", JdbcReputationTable.VOTES_SINCE,
                p -> p.id(entry.community()).text(entry.sourceAccount().value()).text(entry.account().value())
                        .instant(entry.at()));

        assertThat(held).contains("niche_reputation_ledger_vote_ix").doesNotContain("Seq Scan");
        assertThat(gains).contains("niche_reputation_ledger_gains_ix").doesNotContain("Seq Scan");
        assertThat(recent).contains("niche_reputation_ledger_since_ix").doesNotContain("Seq Scan");
    }

    @Test
    @DisplayName("a page of serial votes reads the partial index of serial votes in the order of its groups")
    void serialPairs() throws SQLException {
        // Pages after the lowest voter, so that the rest of the held votes follow it: pseudonyms are random, and
        // after a high one the few rows left are rightly sorted rather than read in index order.
        LedgerEntry serial = bigLedger.stream().filter(e -> e.kind() == LedgerKind.SERIAL_VOTE)
                .min(Comparator.comparing(e -> e.sourcePseudonym().value()))
                .orElseThrow();

        String first = plan("first page of serial votes", JdbcReputationTable.SERIAL_PAIRS_FIRST,
                p -> p.id(big.id()).integer(25));
        String next = plan("next page of serial votes", JdbcReputationTable.SERIAL_PAIRS_AFTER,
                p -> p.id(big.id()).id(serial.sourcePseudonym()).id(serial.sourcePseudonym())
                        .id(serial.sourcePseudonym()).id(serial.pseudonym()).integer(25));

        for (String plan : List.of(first, next)) {
            assertThat(plan).contains("niche_reputation_ledger_serial_ix").doesNotContain("Seq Scan", "Sort");
        }
    }

    @Test
    @DisplayName("a trust recompute reads one community's posts by index, not every community's")
    void interactionsOfOneCommunity() throws SQLException {
        CommunityId small = smallCommunities.get(0);

        String plan = plan("interactions of a small community", JdbcTrustTable.INTERACTIONS,
                p -> p.id(small).id(small));

        assertThat(plan).contains("niche_posts_community_ix").doesNotContain("Seq Scan on niche_posts");
    }
}
