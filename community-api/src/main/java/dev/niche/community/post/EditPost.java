package dev.niche.community.post;

import dev.niche.community.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the text of one's own post. A thread keeps its limits from {@link StartThread} and a
 * reply those from {@link Reply}; a reply has no title or link, so those must be {@code null}.
 *
 * @param post  the post to edit
 * @param title the new title of a thread, or {@code null} for a reply
 * @param body  the new body
 * @param link  the new link of a thread, or {@code null}
 */
public record EditPost(
        @NotNull PostId post,
        @Nullable @PlainText(min = 1, max = 300) String title,
        @NotNull @PlainText(max = 40_000, multiline = true) String body,
        @Nullable @PlainText(min = 1, max = 2048) String link) {

    /** Edits a reply's body. */
    public static EditPost reply(PostId post, String body) {
        return new EditPost(post, null, body, null);
    }
}
