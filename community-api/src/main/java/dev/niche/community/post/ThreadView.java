package dev.niche.community.post;

import java.util.List;

/**
 * A thread with its whole reply tree.
 *
 * @param root    the thread root
 * @param replies the root's direct replies, each with its own, in the order asked for
 */
public record ThreadView(PostView root, List<ReplyNode> replies) {
    public ThreadView {
        replies = List.copyOf(replies);
    }
}
