/**
 * Typed facts of what commands changed: appended to the store's durable log in each command's unit
 * of work and read in commit order through {@link dev.niche.community.event.EventFeed}, and
 * published to in-JVM {@link dev.niche.community.event.EventListener}s after the command commits.
 */
@NullMarked
package dev.niche.community.event;

import org.jspecify.annotations.NullMarked;
