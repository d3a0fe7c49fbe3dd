/**
 * The storage SPI: what a store must do so that the engine can persist through it.
 *
 * <p>A store persists and queries; it never decides. Every business rule lives in the engine.
 * Start from {@link dev.niche.community.spi.CommunityStore}. The invariants a store must enforce
 * itself, as a database does with constraints, are listed on that interface.
 */
@NullMarked
package dev.niche.community.spi;

import org.jspecify.annotations.NullMarked;
