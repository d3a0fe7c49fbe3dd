package dev.niche.community.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.UnavailableException;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spring.NicheAutoConfiguration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The store's health indicator")
class NicheStoreHealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NicheAutoConfiguration.class, NicheHealthAutoConfiguration.class));

    @Nested
    @DisplayName("reports UP")
    class Up {

        @Test
        @DisplayName("on the in-memory store")
        void inMemory() {
            runner.run(context -> {
                Health health = context.getBean("nicheHealthIndicator", NicheStoreHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("store", "InMemoryStore");
            });
        }

        @Test
        @DisplayName("on the JDBC store, naming the database")
        void jdbc() {
            runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                            "niche.jdbc.migrate=true")
                    .run(context -> {
                        Health health = context.getBean(NicheStoreHealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsEntry("store", "JdbcStore[H2]");
                    });
        }
    }

    @Test
    @DisplayName("reports DOWN with the store's error when the store fails")
    void down() {
        runner.withBean(CommunityStore.class, BrokenStore::new).run(context -> {
            Health health = context.getBean(NicheStoreHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).contains("database is down");
        });
    }

    @Test
    @DisplayName("is left out when management.health.niche.enabled=false")
    void disabled() {
        runner.withPropertyValues("management.health.niche.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(NicheStoreHealthIndicator.class));
    }

    static final class BrokenStore implements CommunityStore {
        @Override
        public <T> T read(StoreWork<T> work) {
            throw new UnavailableException("database is down");
        }

        @Override
        public <T> T write(StoreWork<T> work) {
            throw new UnavailableException("database is down");
        }
    }
}
