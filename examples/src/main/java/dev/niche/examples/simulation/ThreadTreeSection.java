package dev.niche.examples.simulation;

import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One thread as an indented tree, best replies first, each with its score. Where the page left
 * replies out, a line says how many, as a "load more" link would.
 */
final class ThreadTreeSection implements Section {
    /** The page of the tree the section shows: best first, up to 20 replies, 4 levels deep. */
    static final TreeRequest PAGE = new TreeRequest(ReplySort.BEST, 20, 4);

    private final ThreadView tree;
    private final String slug;

    ThreadTreeSection(ThreadView tree, String slug) {
        this.tree = tree;
        this.slug = slug;
    }

    /**
     * The liveliest conversation in the communities named: the thread with the most replies, then
     * the best score, then the oldest, leaving out {@code excluded} (spam, welcome threads) unless
     * nothing else was posted.
     */
    static Census.ThreadCensus liveliest(Census census, List<String> slugs, Set<PostId> excluded) {
        List<Census.ThreadCensus> threads = census.communities().stream()
                .filter(community -> slugs.contains(community.community().slug()))
                .flatMap(community -> community.threads().stream())
                .toList();
        List<Census.ThreadCensus> conversations = threads.stream()
                .filter(thread -> !excluded.contains(thread.root().id()))
                .toList();
        return (conversations.isEmpty() ? threads : conversations).stream()
                .min(Comparator.comparingInt((Census.ThreadCensus thread) -> -thread.root().threadReplyCount())
                        .thenComparingInt(thread -> -thread.root().score())
                        .thenComparing(thread -> thread.root().createdAt()))
                .orElseThrow(() -> new IllegalStateException("the story started no thread"));
    }

    @Override
    public String title() {
        return "One thread, best replies first (" + slug + ")";
    }

    @Override
    public void print(PrintStream out) {
        PostView root = tree.root();
        out.printf(Locale.ROOT, "[%s] %s%n", Format.score(root.score()), root.title());
        out.printf(Locale.ROOT, "     by %s, %s, %s%n", author(root), Format.moment(root.createdAt()),
                Format.count(root.threadReplyCount(), "reply", "replies"));
        print(out, tree.replies(), tree.more(), 1);
    }

    private static void print(PrintStream out, List<ReplyNode> nodes, @Nullable MoreReplies more, int depth) {
        String indent = "  ".repeat(depth);
        for (ReplyNode node : nodes) {
            PostView post = node.post();
            out.printf(Locale.ROOT, "%s[%s] %s: %s%n", indent, Format.score(post.score()), author(post),
                    post.deleted() ? "[deleted]" : Format.cut(post.body(), 90));
            print(out, node.replies(), node.more(), depth + 1);
        }
        if (more != null) {
            out.printf(Locale.ROOT, "%s… %s%n", indent, Format.count(more.count(), "more reply", "more replies"));
        }
    }

    private static String author(PostView post) {
        return post.author() == null ? "[deleted]" : post.author().handle();
    }
}
