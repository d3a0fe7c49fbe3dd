/**
 * The storage compatibility kit: the rules every {@link dev.niche.community.spi.CommunityStore}
 * must pass before it meets production data, and the engine's behaviour suite that runs over it.
 *
 * <p>Start from {@link dev.niche.community.tck.StoreCompatibilityKit}: extend it in your store's
 * tests and supply a fresh, empty store.
 */
@NullMarked
package dev.niche.community.tck;

import org.jspecify.annotations.NullMarked;
