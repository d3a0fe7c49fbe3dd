package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.StoreWork;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * Every vote locks its author's account, reads the ledger up to three times and writes an entry, a
 * total and two days of activity, so each of those calls is held to the fewest statements its database
 * allows.
 */
@DisplayName("The reputation and activity calls of every vote run as few statements as their database allows")
class VotePathStatementsTest extends OnEveryDatabase {
    private final CommunityId community = CommunityId.of(UUID.randomUUID().toString());
    private final PseudonymId author = PseudonymId.of(UUID.randomUUID().toString());
    private final AccountId authorAccount = Records.account();
    private final AccountId voter = Records.account();
    private final PostId post = PostId.of(UUID.randomUUID().toString());
    private @Nullable InstrumentedDataSource source;
    private @Nullable JdbcStore counted;

    @BeforeEach
    void countingStore() {
        source = new InstrumentedDataSource(database());
        counted = JdbcStore.builder(source.dataSource()).dialect(database().dialect()).build();
        // The first write unit of a store on PostgreSQL also asks for the connections' defaults.
        counted.write(tx -> null);
    }

    /** The statements {@code work} runs beyond those of an empty write unit (MariaDB starts one in two). */
    private int statementsOf(StoreWork<?> work) {
        if (source == null || counted == null) {
            throw new IllegalStateException("no counting store");
        }
        source.failAtStatement(0, false);
        counted.write(tx -> null);
        int empty = source.statements.get();
        source.failAtStatement(0, false);
        counted.write(work);
        return source.statements.get() - empty;
    }

    @Test
    @DisplayName("reading what a vote holds, the day's gains and the recent votes takes one query each")
    void reads() {
        assertThat(statementsOf(tx -> tx.reputation().voteNet(post, voter))).isEqualTo(1);
        assertThat(statementsOf(tx -> tx.reputation().upvoteGains(community, author, 1))).isEqualTo(1);
        assertThat(statementsOf(tx -> tx.reputation().votesSince(community, voter, authorAccount, T0))).isEqualTo(1);
    }

    @Test
    @DisplayName("appending an entry takes one statement")
    void append() {
        LedgerEntry entry = new LedgerEntry(community, author, authorAccount, LedgerKind.UPVOTE, 10, post, voter,
                PseudonymId.of(UUID.randomUUID().toString()), 1, T0);

        assertThat(statementsOf(tx -> {
            tx.reputation().append(entry);
            return null;
        })).isEqualTo(1);
    }

    @Test
    @DisplayName("adding to a total takes one statement, two on MariaDB to read it back, and on H2 three the first time")
    void addToTotal() {
        int creating = statementsOf(tx -> tx.reputation().addToTotal(community, author, 10));
        int adding = statementsOf(tx -> tx.reputation().addToTotal(community, author, 10));

        switch (database().dialect()) {
            case POSTGRESQL -> assertThat(new int[] {creating, adding}).containsExactly(1, 1);
            case MARIADB -> assertThat(new int[] {creating, adding}).containsExactly(2, 2);
            case H2 -> assertThat(new int[] {creating, adding}).containsExactly(3, 1);
        }
    }

    @Test
    @DisplayName("adding to a day's activity takes one statement, and on H2 three the first time")
    void addActivity() {
        ActivityRecord given = new ActivityRecord(community, voter, 1, false, 0, 0, 1, 0);
        StoreWork<?> add = tx -> {
            tx.trust().addActivity(given);
            return null;
        };

        int creating = statementsOf(add);
        int adding = statementsOf(add);

        assertThat(adding).isEqualTo(1);
        assertThat(creating).isEqualTo(database().dialect() == Dialect.H2 ? 3 : 1);
    }

    @Test
    @DisplayName("locking the author's account takes one statement, and on H2 two")
    void lockAccount() {
        StoreWork<?> lock = tx -> {
            tx.lockAccount(authorAccount);
            return null;
        };

        int creating = statementsOf(lock);
        int locking = statementsOf(lock);

        int expected = database().dialect() == Dialect.H2 ? 2 : 1;
        assertThat(new int[] {creating, locking}).containsExactly(expected, expected);
    }
}
