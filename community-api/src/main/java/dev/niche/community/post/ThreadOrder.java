package dev.niche.community.post;

import java.util.Objects;

/**
 * The order of a thread listing: a sort and, for {@link ThreadSort#TOP}, a window.
 *
 * <pre>{@code
 * engine.posts().threads(viewer, community, ThreadOrder.HOT, PageRequest.first(25));
 * engine.posts().threads(viewer, community, ThreadOrder.top(TopWindow.WEEK), PageRequest.first(25));
 * }</pre>
 *
 * @param sort   the sort
 * @param window the window of a TOP listing; {@link TopWindow#ALL} for the other sorts
 */
public record ThreadOrder(ThreadSort sort, TopWindow window) {
    public static final ThreadOrder HOT = new ThreadOrder(ThreadSort.HOT, TopWindow.ALL);
    public static final ThreadOrder NEW = new ThreadOrder(ThreadSort.NEW, TopWindow.ALL);
    public static final ThreadOrder CONTROVERSIAL = new ThreadOrder(ThreadSort.CONTROVERSIAL, TopWindow.ALL);

    /** @throws IllegalArgumentException if a sort other than TOP is given a window other than ALL */
    public ThreadOrder {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(window, "window");
        if (sort != ThreadSort.TOP && window != TopWindow.ALL) {
            throw new IllegalArgumentException("only TOP takes a window, not " + sort);
        }
    }

    /** The highest-scored threads started within {@code window}. */
    public static ThreadOrder top(TopWindow window) {
        return new ThreadOrder(ThreadSort.TOP, window);
    }
}
