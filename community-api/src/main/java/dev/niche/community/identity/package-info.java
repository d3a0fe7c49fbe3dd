/**
 * Pseudonymous identities: the public handles that accounts act under.
 */
@NullMarked
package dev.niche.community.identity;

import org.jspecify.annotations.NullMarked;
