/**
 * Communities: creating, updating, archiving, reading and discovering them.
 */
@NullMarked
package dev.niche.community.community;

import org.jspecify.annotations.NullMarked;
