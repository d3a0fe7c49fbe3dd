package dev.niche.community.post;

/** The order of siblings in a reply tree. */
public enum ReplyOrder {
    /** Newest first. */
    NEWEST,
    /** Oldest first, as a conversation reads. */
    OLDEST
}
