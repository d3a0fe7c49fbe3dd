package dev.niche.community.post;

import java.util.List;

/**
 * One reply in a thread's tree, with its own replies below it.
 *
 * @param post    the reply
 * @param replies its direct replies, in the order asked for, each with theirs
 */
public record ReplyNode(PostView post, List<ReplyNode> replies) {
    public ReplyNode {
        replies = List.copyOf(replies);
    }

    /** How many replies lie below this one, at every depth. */
    public int descendantCount() {
        int count = 0;
        for (ReplyNode child : replies) {
            count += 1 + child.descendantCount();
        }
        return count;
    }
}
