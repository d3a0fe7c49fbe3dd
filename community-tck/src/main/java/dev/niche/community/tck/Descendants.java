package dev.niche.community.tck;

import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.SortKey;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every reply below a post, read as the engine reads a tree: through
 * {@link PostTable#children}, a few at a time, parent before children, siblings oldest first.
 */
final class Descendants {
    /** Small, so that reading a tree also pages through siblings. */
    private static final int PAGE = 3;

    private Descendants() {}

    /** The replies below {@code post}, at every depth, each after its parent and its older siblings' subtrees. */
    static List<PostRecord> of(PostTable posts, PostId post) {
        List<PostRecord> found = new ArrayList<>();
        collect(posts, post, found);
        return found;
    }

    private static void collect(PostTable posts, PostId parent, List<PostRecord> found) {
        @Nullable SortKey after = null;
        while (true) {
            List<PostRecord> page = posts.children(parent, ReplySort.OLD, after, PAGE);
            for (PostRecord child : page) {
                found.add(child);
                collect(posts, child.id(), found);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = SortKey.of(page.get(page.size() - 1), ReplySort.OLD);
        }
    }
}
