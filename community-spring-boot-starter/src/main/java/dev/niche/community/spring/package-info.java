/**
 * Spring Boot 4.0.x auto-configuration of a Niche {@link dev.niche.community.CommunityEngine}.
 *
 * <p>Add {@code dev.niche:community-spring-boot-starter} to a Spring Boot 4.0 application and inject
 * {@code CommunityEngine}. {@link dev.niche.community.spring.NicheAutoConfiguration} says which beans
 * it creates, and {@link dev.niche.community.spring.NicheProperties} lists the {@code niche.*}
 * properties. Spring Boot 3.x is not supported: Boot 4 moved the auto-configuration classes this
 * starter orders itself after into new packages and modules.
 */
@NullMarked
package dev.niche.community.spring;

import org.jspecify.annotations.NullMarked;
