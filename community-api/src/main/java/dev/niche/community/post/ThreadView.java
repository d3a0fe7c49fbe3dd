package dev.niche.community.post;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post with one page of the replies below it: a whole thread when the post is a root, or the
 * continuation of a thread from one of its replies.
 *
 * @param root    the post the page starts from
 * @param replies its direct replies on this page, in the page's sort, each with theirs
 * @param more    a stub for its direct replies that the page left out, or {@code null} if none were
 */
public record ThreadView(PostView root, List<ReplyNode> replies, @Nullable MoreReplies more) {
    public ThreadView {
        replies = List.copyOf(replies);
    }
}
