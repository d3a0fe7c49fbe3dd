package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.UnavailableException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The dialect is detected once, may be named instead, and an unsupported database is refused")
class DialectTest {

    /** A data source whose connections describe themselves as {@code product} at {@code version}. */
    private static DataSource describing(String product, String version) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(DialectTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getDatabaseProductVersion" -> version;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(DialectTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return dataSource(() -> connection);
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private static DataSource dataSource(ConnectionSource source) {
        return (DataSource) Proxy.newProxyInstance(DialectTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return source.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Nested
    @DisplayName("Detection")
    class Detection {
        @Test
        @DisplayName("recognises H2, PostgreSQL and MariaDB by their product names")
        void supported() {
            // durableCommits(false): the described database has metadata only, no settings to change.
            assertThat(JdbcStore.builder(describing("H2", "2.5.252")).durableCommits(false).build().dialect())
                    .isEqualTo(Dialect.H2);
            assertThat(JdbcStore.builder(describing("PostgreSQL", "15.2")).build().dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(JdbcStore.builder(describing("MariaDB", "10.11.6")).build().dialect()).isEqualTo(Dialect.MARIADB);
        }

        @Test
        @DisplayName("recognises a MariaDB server behind a MySQL driver by its version")
        void mariaDbAsMySql() {
            assertThat(JdbcStore.builder(describing("MySQL", "10.11.6-MariaDB-0+deb12u1")).build().dialect())
                    .isEqualTo(Dialect.MARIADB);
        }

        @Test
        @DisplayName("refuses MySQL and any other database with a message naming the supported ones")
        void unsupported() {
            for (String product : new String[] {"MySQL", "Oracle", "Microsoft SQL Server"}) {
                assertThatThrownBy(() -> JdbcStore.builder(describing(product, "8.0.36")).build())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("\"" + product + "\" is not supported")
                        .hasMessageContaining("H2, PostgreSQL and MariaDB");
            }
        }

        @Test
        @DisplayName("reports an unreachable database as unavailable, transiently when the driver says so")
        void unreachable() {
            DataSource down = dataSource(() -> {
                throw new SQLTransientConnectionException("pool timed out", "08001");
            });
            assertThatThrownBy(() -> JdbcStore.builder(down).build())
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("detect the database");
        }
    }

    @Nested
    @DisplayName("A named dialect")
    class Named {
        @Test
        @DisplayName("skips detection, so the data source is not asked for a connection")
        void override() {
            DataSource untouchable = dataSource(() -> {
                throw new AssertionError("the builder must not connect when the dialect is named");
            });
            assertThat(JdbcStore.builder(untouchable).dialect(Dialect.POSTGRESQL).build().dialect())
                    .isEqualTo(Dialect.POSTGRESQL);
        }

        @Test
        @DisplayName("points at its migrations on the classpath")
        void migrationLocation() {
            for (Dialect dialect : Dialect.values()) {
                String folder = "db/niche/" + dialect.name().toLowerCase(Locale.ROOT);
                assertThat(dialect.migrationLocation()).isEqualTo("classpath:" + folder);
                assertThat(JdbcStore.class.getClassLoader().getResource(folder + "/V1__niche_schema.sql")).isNotNull();
            }
        }
    }
}
