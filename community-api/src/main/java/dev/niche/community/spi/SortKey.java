package dev.niche.community.spi;

import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import java.time.Instant;

/**
 * A position in a sorted listing of posts: the value the listing sorts by, and the id that breaks
 * ties. Every listing sorts by {@code (value, id)} descending, except {@link ReplySort#OLD}, which
 * sorts by {@code (value, id)} ascending. The value of each sort is:
 *
 * <table>
 *   <caption>Sort values</caption>
 *   <tr><th>Sort</th><th>Value</th></tr>
 *   <tr><td>HOT</td><td>{@link Ranks#hot()}</td></tr>
 *   <tr><td>BEST</td><td>{@link Ranks#best()}</td></tr>
 *   <tr><td>CONTROVERSIAL</td><td>{@link Ranks#controversy()}</td></tr>
 *   <tr><td>TOP</td><td>the score, {@code ups - downs}</td></tr>
 *   <tr><td>NEW and OLD</td><td>{@code createdAt} in microseconds since the epoch</td></tr>
 * </table>
 *
 * <p>The static methods compute a stored post's key, so that the engine and every store agree.
 *
 * @param value the sort value
 * @param id    the post's id
 */
public record SortKey(double value, PostId id) {

    /** The key of {@code post} in a thread listing sorted by {@code sort}. */
    public static SortKey of(PostRecord post, ThreadSort sort) {
        return new SortKey(switch (sort) {
            case HOT -> post.ranks().hot();
            case NEW -> micros(post.createdAt());
            case TOP -> post.counters().score();
            case CONTROVERSIAL -> post.ranks().controversy();
        }, post.id());
    }

    /** The key of {@code post} among its siblings sorted by {@code sort}. */
    public static SortKey of(PostRecord post, ReplySort sort) {
        return new SortKey(switch (sort) {
            case BEST -> post.ranks().best();
            case TOP -> post.counters().score();
            case NEW, OLD -> micros(post.createdAt());
            case CONTROVERSIAL -> post.ranks().controversy();
        }, post.id());
    }

    /**
     * An instant in whole microseconds since the epoch, exact as a double until the year 2255.
     */
    public static double micros(Instant at) {
        return at.getEpochSecond() * 1_000_000d + at.getNano() / 1_000;
    }
}
