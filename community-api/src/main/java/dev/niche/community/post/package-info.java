/**
 * Threaded posts: threads, replies in trees, edits, tombstones and locks.
 */
@NullMarked
package dev.niche.community.post;

import org.jspecify.annotations.NullMarked;
