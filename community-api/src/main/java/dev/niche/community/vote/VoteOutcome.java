package dev.niche.community.vote;

import dev.niche.community.post.PostId;
import org.jspecify.annotations.Nullable;

/**
 * A post's standing right after a vote was cast, changed or retracted.
 *
 * @param post     the post
 * @param yourVote the account's vote now, or {@code null} after a retraction
 * @param counted  whether that vote counts in the counters: while the community weighs votes by
 *                 trust, a serial vote or one from an account below the trust floor is kept uncounted
 * @param ups      counted up votes
 * @param downs    counted down votes
 * @param score    {@code ups - downs}
 */
public record VoteOutcome(
        PostId post, @Nullable Direction yourVote, boolean counted, int ups, int downs, int score) {}
