/**
 * A custom store: {@link dev.niche.examples.store.MeteredStore} decorates any
 * {@link dev.niche.community.spi.CommunityStore} with metrics, and its tests prove it with the
 * storage compatibility kit.
 */
@NullMarked
package dev.niche.examples.store;

import org.jspecify.annotations.NullMarked;
