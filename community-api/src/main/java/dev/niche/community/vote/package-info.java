/**
 * Votes on posts: casting, changing and retracting.
 */
@NullMarked
package dev.niche.community.vote;

import org.jspecify.annotations.NullMarked;
