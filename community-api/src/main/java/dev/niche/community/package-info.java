/**
 * The public face of Niche, an embeddable community engine.
 *
 * <p>Start from {@link dev.niche.community.CommunityEngine}: it groups the engine's commands and
 * queries by feature. Every failure is a {@link dev.niche.community.NicheException} with a stable
 * {@link dev.niche.community.ErrorCode}.
 */
@NullMarked
package dev.niche.community;

import org.jspecify.annotations.NullMarked;
