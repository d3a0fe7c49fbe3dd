package dev.niche.community.post;

import dev.niche.community.InvalidInputException;
import java.util.Objects;

/**
 * How much of a reply tree to read at once.
 *
 * <pre>{@code
 * ThreadView tree = engine.posts().thread(viewer, threadId, TreeRequest.of(ReplySort.BEST));
 * }</pre>
 *
 * @param sort       the order of siblings
 * @param maxReplies the most replies in the page: 1 to {@value #MAX_REPLIES}, {@value #DEFAULT_REPLIES} by default
 * @param maxDepth   how many levels below the page's root to show: 1 to {@value #MAX_DEPTH},
 *                   {@value #DEFAULT_DEPTH} by default
 */
public record TreeRequest(ReplySort sort, int maxReplies, int maxDepth) {
    public static final int DEFAULT_REPLIES = 200;
    public static final int MAX_REPLIES = 500;
    public static final int DEFAULT_DEPTH = 10;
    public static final int MAX_DEPTH = 64;

    /** @throws InvalidInputException if a limit is out of range */
    public TreeRequest {
        Objects.requireNonNull(sort, "sort");
        if (maxReplies < 1 || maxReplies > MAX_REPLIES) {
            throw InvalidInputException.of("maxReplies",
                    "maxReplies " + maxReplies + " must be between 1 and " + MAX_REPLIES);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw InvalidInputException.of("maxDepth", "maxDepth " + maxDepth + " must be between 1 and " + MAX_DEPTH);
        }
    }

    /** The default page, {@value #DEFAULT_REPLIES} replies down to depth {@value #DEFAULT_DEPTH}, in {@code sort}. */
    public static TreeRequest of(ReplySort sort) {
        return new TreeRequest(sort, DEFAULT_REPLIES, DEFAULT_DEPTH);
    }
}
