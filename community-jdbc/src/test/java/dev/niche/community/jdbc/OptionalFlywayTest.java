package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Flyway is optional: migrating without it says what to add")
class OptionalFlywayTest {
    /** Sees only the JDK's own classes, as a host's class path without Flyway would. */
    private static final ClassLoader WITHOUT_FLYWAY = new ClassLoader(null) {};

    @Nested
    @DisplayName("without Flyway on the class path")
    class Without {
        @Test
        @DisplayName("migrating refuses with the artifacts to add and the scripts' location")
        void namesTheArtifacts() {
            assertThatThrownBy(() -> Migrations.requireFlyway(Dialect.POSTGRESQL, WITHOUT_FLYWAY))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("org.flywaydb:flyway-core")
                    .hasMessageContaining("org.flywaydb:flyway-database-postgresql")
                    .hasMessageContaining(Dialect.POSTGRESQL.migrationLocation());
            assertThatThrownBy(() -> Migrations.requireFlyway(Dialect.MARIADB, WITHOUT_FLYWAY))
                    .hasMessageContaining("org.flywaydb:flyway-mysql");
            assertThatThrownBy(() -> Migrations.requireFlyway(Dialect.H2, WITHOUT_FLYWAY))
                    .hasMessageContaining("org.flywaydb:flyway-core")
                    .hasMessageNotContaining("flyway-mysql");
        }
    }

    @Nested
    @DisplayName("with Flyway on the class path")
    class With {
        @Test
        @DisplayName("migrating goes ahead")
        void passes() {
            assertThatCode(() -> Migrations.requireFlyway(Dialect.H2, Migrations.class.getClassLoader()))
                    .doesNotThrowAnyException();
        }
    }
}
