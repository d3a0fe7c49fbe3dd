package dev.niche.community.spring.health;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spring.NicheAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Declares {@link NicheStoreHealthIndicator} as the {@code niche} health component when Spring Boot's
 * health support ({@code spring-boot-health}, which Actuator brings) is there and
 * {@code management.health.niche.enabled} is not {@code false}.
 */
@AutoConfiguration(after = NicheAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(CommunityStore.class)
@ConditionalOnEnabledHealthIndicator("niche")
public class NicheHealthAutoConfiguration {

    /** The store's health, under the name {@code niche}. */
    @Bean(name = "nicheHealthIndicator")
    @ConditionalOnMissingBean(name = "nicheHealthIndicator")
    public NicheStoreHealthIndicator nicheHealthIndicator(CommunityStore store) {
        return new NicheStoreHealthIndicator(store);
    }
}
