/**
 * The Niche engine and every business rule. Build an engine with {@link dev.niche.community.core.Niche#builder()}.
 *
 * <p>Everything here but {@link dev.niche.community.core.Niche} and
 * {@link dev.niche.community.core.IdGenerator} is internal.
 */
@NullMarked
package dev.niche.community.core;

import org.jspecify.annotations.NullMarked;
