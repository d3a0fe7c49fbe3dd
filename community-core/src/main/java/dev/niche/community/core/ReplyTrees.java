package dev.niche.community.core;

import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplyOrder;
import dev.niche.community.post.ThreadView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assembles a thread's posts, oldest first, into a tree. */
final class ReplyTrees {
    private ReplyTrees() {}

    /**
     * @param oldestFirst the root first, then its replies ordered by creation time and id
     * @param order       the order of siblings in the tree
     */
    static ThreadView build(List<PostView> oldestFirst, ReplyOrder order) {
        PostView root = oldestFirst.get(0);
        Map<PostId, List<PostView>> children = new HashMap<>();
        for (PostView post : oldestFirst.subList(1, oldestFirst.size())) {
            children.computeIfAbsent(post.parent(), parent -> new ArrayList<>()).add(post);
        }
        return new ThreadView(root, nodes(root.id(), children, order));
    }

    private static List<ReplyNode> nodes(PostId parent, Map<PostId, List<PostView>> children, ReplyOrder order) {
        List<PostView> siblings = children.getOrDefault(parent, List.of());
        List<ReplyNode> nodes = new ArrayList<>(siblings.size());
        for (PostView sibling : siblings) {
            nodes.add(new ReplyNode(sibling, nodes(sibling.id(), children, order)));
        }
        if (order == ReplyOrder.NEWEST) {
            java.util.Collections.reverse(nodes);
        }
        return nodes;
    }
}
