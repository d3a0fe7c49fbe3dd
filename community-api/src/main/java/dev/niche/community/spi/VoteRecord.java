package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.vote.Direction;
import java.time.Instant;

/**
 * A stored vote: one per (post, account).
 *
 * @param post      the post
 * @param account   the voting account
 * @param voter     the pseudonym it voted through last
 * @param direction up or down
 * @param counted   whether it counts toward the post's counters
 * @param castAt    when it was last cast or changed
 */
public record VoteRecord(
        PostId post, AccountId account, PseudonymId voter, Direction direction, boolean counted, Instant castAt) {}
