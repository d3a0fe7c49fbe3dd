/**
 * An Actuator health indicator for the Niche store: see
 * {@link dev.niche.community.spring.health.NicheStoreHealthIndicator}.
 */
@NullMarked
package dev.niche.community.spring.health;

import org.jspecify.annotations.NullMarked;
