package dev.niche.community.vote;

import dev.niche.community.post.PostId;
import jakarta.validation.constraints.NotNull;

/**
 * Casts or changes the actor's account's vote on a post.
 *
 * @param post      the post
 * @param direction up or down
 */
public record CastVote(@NotNull PostId post, @NotNull Direction direction) {}
