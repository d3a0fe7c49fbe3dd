package dev.niche.community.spring;

import dev.niche.community.CommunityEngine;

/**
 * Wraps the engine that {@link NicheAutoConfiguration} builds, before it becomes the
 * {@code CommunityEngine} bean. Declare one as a bean to add cross-cutting behaviour such as
 * metrics or tracing; decorators apply in {@code @Order}, the first innermost. The starter's own,
 * {@link dev.niche.community.spring.metrics.NicheMeters}, times every call when Micrometer is there.
 *
 * <pre>{@code
 * @Bean
 * CommunityEngineDecorator auditing(AuditLog audit) {
 *     return engine -> new AuditingEngine(engine, audit);
 * }
 * }</pre>
 *
 * <p>A decorator wires; it must not change what a command decides, since every rule lives in the engine.
 */
@FunctionalInterface
public interface CommunityEngineDecorator {

    /** The engine to expose in place of {@code engine}, usually one that delegates to it. */
    CommunityEngine decorate(CommunityEngine engine);
}
