package dev.niche.community.post;

/** How a community's threads are ordered. See {@link ThreadOrder}. */
public enum ThreadSort {
    /** Reddit's hot rank: score on a log scale plus age; new and liked first. */
    HOT,
    /** Newest first. */
    NEW,
    /** Highest score first, among threads started within a {@link TopWindow}. */
    TOP,
    /** Many votes, evenly split, first: Reddit's {@code (ups + downs)^(min/max)}. */
    CONTROVERSIAL
}
