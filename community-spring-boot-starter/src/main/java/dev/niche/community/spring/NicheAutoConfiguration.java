package dev.niche.community.spring;

import dev.niche.community.CommunityEngine;
import dev.niche.community.core.IdGenerator;
import dev.niche.community.core.Niche;
import dev.niche.community.event.EventListener;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.jdbc.Dialect;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.TrustPolicy;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates a {@link CommunityEngine} and the {@link CommunityStore} under it, for Spring Boot 4.0.x.
 *
 * <ul>
 *   <li>The store: with {@code niche.store=auto} (the default), the {@link JdbcStore} on the
 *       application's {@link DataSource} when there is one, otherwise an {@link InMemoryStore}, with
 *       a WARN that its data will not survive a restart. {@code niche.jdbc.migrate=true} applies the
 *       schema with Flyway at start-up.</li>
 *   <li>The engine: on that store, with the application's {@link Clock}, {@link TrustPolicy} and
 *       {@link IdGenerator} beans if it declares them, every {@link EventListener} bean in
 *       {@code @Order}, and the limits of {@link NicheProperties}, wrapped by every {@link CommunityEngineDecorator} bean in
 *       {@code @Order} (when Micrometer's {@code MeterRegistry} exists, one of them times every
 *       call: see {@code NicheMetricsAutoConfiguration}).</li>
 * </ul>
 *
 * <p>Each bean backs off when the application declares its own of the same type: declare a
 * {@code CommunityStore} to keep Niche on another database, or a {@code CommunityEngine} to build it
 * yourself. It runs after Boot's {@code DataSourceAutoConfiguration}, which since Boot 4 lives in
 * {@code org.springframework.boot.jdbc.autoconfigure} (module {@code spring-boot-jdbc}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(NicheProperties.class)
public class NicheAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(NicheAutoConfiguration.class);

    /** The store chosen by {@code niche.store}; see the class comment. */
    @Bean
    @ConditionalOnMissingBean(CommunityStore.class)
    public CommunityStore nicheStore(NicheProperties properties, ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = properties.getStore() == NicheProperties.StoreType.IN_MEMORY
                ? null
                : dataSources.getIfAvailable();
        switch (properties.getStore()) {
            case IN_MEMORY:
                log.info("Niche keeps its data in memory (niche.store=in-memory): it will not survive a restart");
                return new InMemoryStore();
            case JDBC:
                if (dataSource == null) {
                    throw new InvalidNichePropertyException("niche.store", "jdbc",
                            "the application has no DataSource bean; set spring.datasource.url (with "
                                    + "spring-boot-starter-jdbc) or declare a DataSource, or use niche.store=auto");
                }
                return jdbcStore(dataSource, properties.getJdbc());
            case AUTO:
            default:
                if (dataSource == null) {
                    log.warn("Niche found no DataSource and keeps its data in memory: it will not survive a "
                            + "restart. Set spring.datasource.url to keep it, or niche.store=in-memory to "
                            + "choose memory on purpose");
                    return new InMemoryStore();
                }
                return jdbcStore(dataSource, properties.getJdbc());
        }
    }

    private static JdbcStore jdbcStore(DataSource dataSource, NicheProperties.Jdbc jdbc) {
        JdbcStore.Builder builder = JdbcStore.builder(dataSource)
                .migrate(jdbc.isMigrate())
                .durableCommits(jdbc.isDurableCommits());
        Dialect dialect = jdbc.getDialect();
        if (dialect != null) {
            builder.dialect(dialect);
        }
        JdbcStore store = builder.build();
        log.info("Niche keeps its data in {} (migrations {})", store.dialect(),
                jdbc.isMigrate() ? "applied at start-up" : "left to the application");
        return store;
    }

    /** The engine on the store, with the application's clock, trust policy, id generator and listeners. */
    @Bean
    @ConditionalOnMissingBean(CommunityEngine.class)
    public CommunityEngine nicheEngine(
            CommunityStore store,
            NicheProperties properties,
            ObjectProvider<Clock> clock,
            ObjectProvider<TrustPolicy> trustPolicy,
            ObjectProvider<IdGenerator> idGenerator,
            ObjectProvider<EventListener> listeners,
            ObjectProvider<CommunityEngineDecorator> decorators) {
        Niche.Builder builder = Niche.builder().store(store);
        clock.ifUnique(builder::clock);
        trustPolicy.ifUnique(builder::trustPolicy);
        idGenerator.ifUnique(builder::idGenerator);
        listeners.orderedStream().forEach(builder::listener);
        limit("niche.max-pseudonyms-per-account", properties.getMaxPseudonymsPerAccount(),
                () -> builder.maxPseudonymsPerAccount(properties.getMaxPseudonymsPerAccount()));
        limit("niche.max-reply-depth", properties.getMaxReplyDepth(),
                () -> builder.maxReplyDepth(properties.getMaxReplyDepth()));
        limit("niche.max-attempts", properties.getMaxAttempts(),
                () -> builder.maxAttempts(properties.getMaxAttempts()));
        Double bestConfidence = properties.getBestConfidence();
        if (bestConfidence != null) {
            limit("niche.best-confidence", bestConfidence, () -> builder.bestConfidence(bestConfidence));
        }
        List<String> reservedHandles = properties.getReservedHandles();
        if (reservedHandles != null) {
            limit("niche.reserved-handles", reservedHandles, () -> builder.reservedHandles(reservedHandles));
        }
        CommunityEngine engine = builder.build();
        for (CommunityEngineDecorator decorator : decorators.orderedStream().toList()) {
            engine = decorator.decorate(engine);
        }
        return engine;
    }

    private static void limit(String property, Object value, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidNichePropertyException(property, value, messageOf(e));
        }
    }

    private static String messageOf(IllegalArgumentException e) {
        @Nullable String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
