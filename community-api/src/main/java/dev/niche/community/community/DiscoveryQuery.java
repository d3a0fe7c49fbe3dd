package dev.niche.community.community;

import dev.niche.community.validation.PlainText;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What to look for when discovering communities. Both parts are optional; together they must both
 * match. Results come in slug order.
 *
 * @param tag  a tag the community must carry, or {@code null}
 * @param text words that must each appear, case-insensitively, in the slug, title or description,
 *             or {@code null}; up to 100 code points
 */
public record DiscoveryQuery(
        @Nullable @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be 1 to 32 characters of a-z, 0-9 and '-'")
        String tag,
        @Nullable @PlainText(max = 100) String text) {

    /** Every community the viewer may see. */
    public static DiscoveryQuery everything() {
        return new DiscoveryQuery(null, null);
    }

    public static DiscoveryQuery byTag(String tag) {
        return new DiscoveryQuery(tag, null);
    }

    public static DiscoveryQuery byText(String text) {
        return new DiscoveryQuery(null, text);
    }
}
