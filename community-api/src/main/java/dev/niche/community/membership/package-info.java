/**
 * Memberships: joining, leaving, approvals, invites, roles and bans.
 */
@NullMarked
package dev.niche.community.membership;

import org.jspecify.annotations.NullMarked;
