package dev.niche.community.post;

import dev.niche.community.community.CommunityId;
import dev.niche.community.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Starts a thread in a community.
 *
 * @param community the community
 * @param title     1 to 300 code points, one line
 * @param body      up to 40,000 code points; line feeds and tabs allowed; may be empty
 * @param link      an optional {@code http} or {@code https} URL of up to 2,048 characters
 */
public record StartThread(
        @NotNull CommunityId community,
        @NotNull @PlainText(min = 1, max = 300) String title,
        @NotNull @PlainText(max = 40_000, multiline = true) String body,
        @Nullable @PlainText(min = 1, max = 2048) String link) {}
