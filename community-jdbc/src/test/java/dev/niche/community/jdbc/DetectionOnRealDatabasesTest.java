package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Each real database is detected as itself")
class DetectionOnRealDatabasesTest extends OnEveryDatabase {
    @Test
    @DisplayName("from its JDBC metadata")
    void detected() {
        assertThat(JdbcStore.builder(database().dataSource()).build().dialect()).isEqualTo(database().dialect());
    }
}
