package dev.niche.community.spring.metrics;

import dev.niche.community.spring.NicheAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Declares {@link NicheMeters} when Micrometer is on the class path and the application has a
 * {@link MeterRegistry} bean (Boot's own, from {@code spring-boot-micrometer-metrics} or Actuator,
 * or one it declares). The engine of {@link NicheAutoConfiguration} then picks the meters up, as a
 * decorator for its timer and as a listener for its counters.
 */
@AutoConfiguration(
        before = NicheAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class NicheMetricsAutoConfiguration {

    /** The engine's meters on the application's registry. */
    @Bean
    @ConditionalOnMissingBean(NicheMeters.class)
    public NicheMeters nicheMeters(MeterRegistry registry) {
        return new NicheMeters(registry);
    }
}
