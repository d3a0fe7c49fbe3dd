package dev.niche.community.post;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One reply in a tree, with the replies shown below it.
 *
 * @param post    the reply; a deleted one is a tombstone that keeps its place
 * @param replies its direct replies on this page, in the page's sort, each with theirs
 * @param more    a stub for its direct replies that the page left out, or {@code null} if none were
 */
public record ReplyNode(PostView post, List<ReplyNode> replies, @Nullable MoreReplies more) {
    public ReplyNode {
        replies = List.copyOf(replies);
    }

    /** How many replies this page shows below this one, at every depth. */
    public int descendantCount() {
        int count = 0;
        for (ReplyNode child : replies) {
            count += 1 + child.descendantCount();
        }
        return count;
    }
}
