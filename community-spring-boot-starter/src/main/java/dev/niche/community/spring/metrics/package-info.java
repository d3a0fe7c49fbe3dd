/**
 * Micrometer metrics of the engine, switched on when the application has a {@code MeterRegistry}
 * bean: see {@link dev.niche.community.spring.metrics.NicheMeters}.
 */
@NullMarked
package dev.niche.community.spring.metrics;

import org.jspecify.annotations.NullMarked;
