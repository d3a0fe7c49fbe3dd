package dev.niche.community.post;

/**
 * A stub where a page cut replies off: below a reply at the page's deepest level, or after the last
 * sibling the page had room for. Pass its cursor to {@link Posts#moreReplies} to load them.
 *
 * @param parent the post whose replies were cut
 * @param count  how many direct replies of {@code parent} were left out (each with its own replies)
 * @param cursor the opaque cursor that loads them
 */
public record MoreReplies(PostId parent, int count, String cursor) {}
