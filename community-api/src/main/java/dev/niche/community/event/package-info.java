/**
 * Typed facts that the engine publishes to host listeners after a command commits.
 */
@NullMarked
package dev.niche.community.event;

import org.jspecify.annotations.NullMarked;
