package dev.niche.community.post;

import dev.niche.community.validation.PlainText;
import jakarta.validation.constraints.NotNull;

/**
 * Replies to a thread root or to any reply in it.
 *
 * <p>Replies nest to the engine's maximum depth (64 by default). A reply to a post at that depth is
 * refused with INVALID_INPUT on {@code parent}; reply to an ancestor instead.
 *
 * @param parent the post replied to
 * @param body   1 to 10,000 code points; line feeds and tabs allowed
 */
public record Reply(
        @NotNull PostId parent,
        @NotNull @PlainText(min = 1, max = 10_000, multiline = true) String body) {}
