package dev.niche.community.post;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The replies a {@link MoreReplies} stub stood for: further direct replies of its parent, each with
 * the replies below it.
 *
 * @param parent  the post they reply to
 * @param replies the replies, in the page's sort
 * @param more    a stub for those still left out, or {@code null}
 */
public record ReplyPage(PostId parent, List<ReplyNode> replies, @Nullable MoreReplies more) {
    public ReplyPage {
        replies = List.copyOf(replies);
    }
}
