package dev.niche.community.post;

/** The order of sibling replies in a tree. */
public enum ReplySort {
    /**
     * The lower bound of the Wilson score interval of the share of up votes: a reply with 9 of 10 up
     * beats one with 1 of 1. The default, as on Reddit.
     */
    BEST,
    /** Highest score first. */
    TOP,
    /** Newest first. */
    NEW,
    /** Oldest first, as a conversation reads. */
    OLD,
    /** Many votes, evenly split, first. */
    CONTROVERSIAL
}
