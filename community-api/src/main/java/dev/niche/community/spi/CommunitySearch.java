package dev.niche.community.spi;

import dev.niche.community.community.CommunityId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A discovery query, decided by the engine and run by the store.
 *
 * <p>A community matches when all of these hold:
 * <ul>
 *   <li>its visibility is not PRIVATE, or its id is in {@code privateVisible};</li>
 *   <li>{@code tag} is null, or it is one of the community's tags;</li>
 *   <li>each of {@code words} (already lower case) is a substring of the community's slug, title
 *       or description lower-cased with {@link java.util.Locale#ROOT};</li>
 *   <li>{@code afterSlug} is null, or its slug is greater than {@code afterSlug}.</li>
 * </ul>
 * Matches come in ascending slug order, at most {@code limit} (at least 1) of them.
 */
public record CommunitySearch(
        @Nullable String tag, List<String> words, Set<CommunityId> privateVisible, @Nullable String afterSlug, int limit) {
    public CommunitySearch {
        words = List.copyOf(words);
        privateVisible = Set.copyOf(privateVisible);
    }
}
