package dev.niche.community.tck;

import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.SortKey;
import java.util.Comparator;

/**
 * The orders of the SPI's listings, as {@link SortKey} defines them: by {@code (value, id)}
 * descending, except {@link ReplySort#OLD}, ascending. The rules sort rows with these to know what
 * a store must answer.
 */
final class ListingOrder {
    static final Comparator<SortKey> ASCENDING = Comparator.comparingDouble(SortKey::value).thenComparing(SortKey::id);
    static final Comparator<SortKey> DESCENDING = ASCENDING.reversed();

    private ListingOrder() {}

    /** The order of keys in a reply listing sorted by {@code sort}. */
    static Comparator<SortKey> keys(ReplySort sort) {
        return sort == ReplySort.OLD ? ASCENDING : DESCENDING;
    }

    /** The order of a community's threads sorted by {@code sort}. */
    static Comparator<PostRecord> of(ThreadSort sort) {
        return Comparator.comparing(post -> SortKey.of(post, sort), DESCENDING);
    }

    /** The order of a post's replies sorted by {@code sort}. */
    static Comparator<PostRecord> of(ReplySort sort) {
        return Comparator.comparing(post -> SortKey.of(post, sort), keys(sort));
    }
}
