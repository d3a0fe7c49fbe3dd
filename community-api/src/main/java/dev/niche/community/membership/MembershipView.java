package dev.niche.community.membership;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import java.time.Instant;

/**
 * A membership as a community sees it: which pseudonym holds it, never which account.
 *
 * @param community the community
 * @param member    the pseudonym that holds the membership
 * @param role      the member's role
 * @param state     where the membership stands
 * @param since     when it last entered its state (joined, applied, left or was banned)
 */
public record MembershipView(
        CommunityId community, PseudonymView member, Role role, MemberState state, Instant since) {}
