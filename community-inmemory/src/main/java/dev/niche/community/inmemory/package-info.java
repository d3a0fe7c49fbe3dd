/**
 * A thread-safe, all-or-nothing in-memory implementation of the Niche storage SPI. Start from
 * {@link dev.niche.community.inmemory.InMemoryStore}; everything else here is package-private.
 */
@NullMarked
package dev.niche.community.inmemory;

import org.jspecify.annotations.NullMarked;
