package dev.niche.community.post;

import java.util.Objects;

/**
 * A viewer's home feed: the threads of every community the viewer is an active member of, merged
 * under one order.
 *
 * <p>With {@code scaled}, each community's ranking values are divided by its size before the
 * merge, so that a small community's good thread is not drowned by a large community's average
 * one: HOT subtracts {@code log10(max(members, 1))} (hot is already on a log scale, so this divides
 * the score by the member count), TOP and CONTROVERSIAL divide by {@code max(members, 1)}, and NEW is
 * not changed. Member counts are read with each page.
 *
 * @param order  the order
 * @param scaled whether to scale by community size
 */
public record HomeFeed(ThreadOrder order, boolean scaled) {
    public HomeFeed {
        Objects.requireNonNull(order, "order");
    }

    /** The plain feed in {@code order}. */
    public static HomeFeed of(ThreadOrder order) {
        return new HomeFeed(order, false);
    }

    /** The feed in {@code order}, scaled by community size. */
    public static HomeFeed scaled(ThreadOrder order) {
        return new HomeFeed(order, true);
    }
}
