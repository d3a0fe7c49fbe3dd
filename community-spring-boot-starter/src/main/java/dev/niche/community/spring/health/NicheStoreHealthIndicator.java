package dev.niche.community.spring.health;

import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.spi.CommunityStore;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Niche store answers, as the {@code niche} component of Actuator's health
 * endpoint: UP with the store (such as {@code JdbcStore[H2]}) when a read-only unit of work that
 * looks up one community by slug succeeds, DOWN with the store's error otherwise. Store errors
 * never quote SQL or user data, so the detail is safe to show.
 */
public final class NicheStoreHealthIndicator extends AbstractHealthIndicator {
    /** The slug the probe looks up; no community needs to have it. */
    static final String PROBE_SLUG = "niche-health-probe";

    private final CommunityStore store;

    public NicheStoreHealthIndicator(CommunityStore store) {
        super("Niche store health check failed");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.read(tx -> tx.communities().bySlug(PROBE_SLUG));
        builder.up().withDetail("store", describe(store));
    }

    private static String describe(CommunityStore store) {
        return store instanceof JdbcStore ? store.toString() : store.getClass().getSimpleName();
    }
}
