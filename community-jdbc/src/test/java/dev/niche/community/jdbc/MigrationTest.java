package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.CommunityRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

@DisplayName("Migrations are Flyway's, with a history table of their own")
class MigrationTest extends OnEveryDatabase {
    private static final List<String> TABLES = TestDatabase.NICHE_TABLES;

    /** A database of its own for each test, since these tests are about an empty one. */
    private @Nullable TestDatabase fresh;

    @BeforeEach
    void freshDatabase() {
        fresh = TestDatabase.start(database().dialect());
    }

    @AfterEach
    void dropFreshDatabase() {
        if (fresh != null) {
            fresh.close();
        }
    }

    /** The scripts, in order; every dialect has the same versions, with SQL of its own. */
    private static List<String> scripts() {
        return List.of("V1__niche_schema.sql", "V2__reputation_and_trust.sql", "V3__unambiguous_indexes.sql", "V4__event_log.sql");
    }

    private static List<String> versions() {
        return scripts().stream().map(script -> script.substring(1, script.indexOf("__"))).toList();
    }

    private TestDatabase fresh() {
        if (fresh == null) {
            throw new IllegalStateException("no fresh database");
        }
        return fresh;
    }

    private List<MigrationInfo> nicheHistory() {
        return Arrays.asList(Flyway.configure()
                .dataSource(fresh().dataSource())
                .locations(fresh().dialect().migrationLocation())
                .table(JdbcStore.SCHEMA_HISTORY_TABLE)
                .load()
                .info()
                .applied());
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection connection = fresh().connect()) {
            for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
                try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, candidate, null)) {
                    while (tables.next()) {
                        String schema = tables.getString("TABLE_SCHEM");
                        if (schema == null || schema.equalsIgnoreCase(connection.getSchema())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    @Test
    @DisplayName("are not applied unless the builder is asked to")
    void notByDefault() throws SQLException {
        JdbcStore.builder(fresh().dataSource()).build();

        assertThat(tableExists(JdbcStore.SCHEMA_HISTORY_TABLE)).isFalse();
        assertThat(tableExists("niche_posts")).isFalse();
    }

    @Test
    @DisplayName("create every table and record every version in niche_schema_history, and applying them again changes nothing")
    void applyAndReapply() throws SQLException {
        JdbcStore.builder(fresh().dataSource()).migrate(true).build();
        List<MigrationInfo> first = nicheHistory();

        JdbcStore.builder(fresh().dataSource()).migrate(true).build();
        List<MigrationInfo> second = nicheHistory();

        assertThat(first).extracting(info -> info.getVersion().getVersion()).containsExactlyElementsOf(versions());
        assertThat(first).allSatisfy(info -> assertThat(info.getState().isApplied()).isTrue());
        assertThat(first).extracting(MigrationInfo::getScript).containsExactlyElementsOf(scripts());
        assertThat(second).extracting(MigrationInfo::getInstalledRank)
                .containsExactlyElementsOf(first.stream().map(MigrationInfo::getInstalledRank).toList());
        for (String table : TABLES) {
            assertThat(tableExists(table)).as(table).isTrue();
        }
        assertThat(tableExists("flyway_schema_history")).as("Flyway's default history table").isFalse();
    }

    @Test
    @DisplayName("bring a database at version 1 to the latest version, keeping its rows")
    void upgradeFromVersion1() throws SQLException {
        Flyway.configure()
                .dataSource(fresh().dataSource())
                .locations(fresh().dialect().migrationLocation())
                .table(JdbcStore.SCHEMA_HISTORY_TABLE)
                .target("1")
                .load()
                .migrate();
        assertThat(nicheHistory()).extracting(info -> info.getVersion().getVersion()).containsExactly("1");
        assertThat(tableExists("niche_reputation_totals")).isFalse();
        CommunityRecord community = Records.community();
        JdbcStore.builder(fresh().dataSource()).dialect(fresh().dialect()).build().write(tx -> {
            tx.communities().insert(community);
            return null;
        });

        JdbcStore store = JdbcStore.builder(fresh().dataSource()).migrate(true).build();

        assertThat(nicheHistory()).extracting(info -> info.getVersion().getVersion()).containsExactlyElementsOf(versions());
        for (String table : TABLES) {
            assertThat(tableExists(table)).as(table).isTrue();
        }
        var kept = store.read(tx -> tx.communities().byId(community.id()));
        assertThat(kept).contains(community);
        PseudonymId member = PseudonymId.of(UUID.randomUUID().toString());
        long total = store.write(tx -> tx.reputation().addToTotal(community.id(), member, 10));
        assertThat(total).isEqualTo(10);
    }

    @Test
    @DisplayName("go into a host's schema beside its own tables and its own Flyway history, leaving both as they were")
    void besideTheHost() throws SQLException {
        Flyway host = Flyway.configure().dataSource(fresh().dataSource()).locations("classpath:db/host").load();
        host.migrate();

        JdbcStore store = JdbcStore.builder(fresh().dataSource()).migrate(true).build();

        assertThat(host.info().applied()).extracting(info -> info.getVersion().getVersion()).containsExactly("1");
        host.validate();
        assertThat(nicheHistory()).extracting(info -> info.getVersion().getVersion()).contains("1");
        assertThat(tableExists("niche_posts")).isTrue();
        try (Connection connection = fresh().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT item FROM host_orders WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("sourdough starter");
        }
        var nothing = store.read(tx -> tx.communities().bySlug("anything"));
        assertThat(nothing).isEmpty();
    }
}
