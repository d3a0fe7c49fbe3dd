package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.CommunityTable#search}, as {@link CommunitySearch} defines it. */
abstract class SearchRules extends RuleFamily {

    SearchRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    private void store(CommunityRecord... communities) {
        given(tx -> List.of(communities).forEach(tx.communities()::insert));
    }

    private List<String> slugs(@Nullable String tag, List<String> words, Set<CommunityId> privateVisible,
            @Nullable String afterSlug, int limit) {
        return committed().communities().search(new CommunitySearch(tag, words, privateVisible, afterSlug, limit))
                .stream().map(CommunityRecord::slug).toList();
    }

    private List<String> slugsMatching(String... words) {
        return slugs(null, List.of(words), Set.of(), null, 100);
    }

    private static CommunityRecord described(String slug, String title, String description) {
        CommunityRecord c = Rows.community(slug);
        return new CommunityRecord(c.id(), slug, title, description, c.tags(), c.rules(), c.visibility(),
                c.joinPolicy(), c.archived(), c.memberCount(), c.createdAt(), c.updatedAt());
    }

    /** If this fails, check the visibility condition: PRIVATE communities only when their id is in privateVisible. */
    @Test
    @DisplayName("PRIVATE communities match only when listed as visible; PUBLIC and RESTRICTED ones always")
    void privateOnlyWhenVisible() {
        CommunityRecord open = Rows.community("a-public", Visibility.PUBLIC, List.of());
        CommunityRecord restricted = Rows.community("b-restricted", Visibility.RESTRICTED, List.of());
        CommunityRecord hidden = Rows.community("c-private", Visibility.PRIVATE, List.of());
        CommunityRecord mine = Rows.community("d-private", Visibility.PRIVATE, List.of());
        store(open, restricted, hidden, mine);

        assertThat(slugs(null, List.of(), Set.of(), null, 100)).containsExactly("a-public", "b-restricted");
        assertThat(slugs(null, List.of(), Set.of(mine.id()), null, 100))
                .containsExactly("a-public", "b-restricted", "d-private");
    }

    /** If this fails, check that the tag condition tests membership of the whole tag, not a substring of the tag list. */
    @Test
    @DisplayName("a tag matches communities carrying exactly that tag")
    void tagMatchesWholeTags() {
        store(Rows.community("bread", Visibility.PUBLIC, List.of("baking", "sourdough")),
                Rows.community("cakes", Visibility.PUBLIC, List.of("baking")),
                Rows.community("kilns", Visibility.PUBLIC, List.of("bakingware", "pottery")),
                Rows.community("plain", Visibility.PUBLIC, List.of()));

        assertThat(slugs("baking", List.of(), Set.of(), null, 100)).containsExactly("bread", "cakes");
        assertThat(slugs("bak", List.of(), Set.of(), null, 100)).isEmpty();
        assertThat(slugs("sourdough", List.of(), Set.of(), null, 100)).containsExactly("bread");
    }

    /** If this fails, check that each word may match any of slug, title and description, lower-cased, and that all words must match. */
    @Test
    @DisplayName("every word must appear, case-insensitively, in the slug, the title or the description")
    void wordsMustAllAppear() {
        store(described("bakers", "Vegan BAKERS", "Egg-free cakes"),
                described("flyers", "Fearful Flyers", "Less fear of turbulence"),
                described("potters", "Clay", "Wheel-thrown mugs and CAKE stands"));

        assertThat(slugsMatching("bakers")).containsExactly("bakers");
        assertThat(slugsMatching("cake")).containsExactly("bakers", "potters");
        assertThat(slugsMatching("cake", "vegan")).containsExactly("bakers");
        assertThat(slugsMatching("flyers", "turbulence")).containsExactly("flyers");
        assertThat(slugsMatching("otter")).containsExactly("potters");
        assertThat(slugsMatching("cake", "turbulence")).isEmpty();
        assertThat(slugsMatching()).containsExactly("bakers", "flyers", "potters");
    }

    /** If this fails, check that lower-casing covers non-ASCII letters as {@code String.toLowerCase(Locale.ROOT)} does (SQL LOWER under a C collation does not). */
    @Test
    @DisplayName("non-ASCII letters are lower-cased too")
    void nonAsciiLowerCasing() {
        store(described("eclairs", "ÉCLAIRS ET CRÈME", "Pâtisserie"), described("strasse", "Ärger", "ΛΌΓΟΣ"));

        assertThat(slugsMatching("éclairs", "crème")).containsExactly("eclairs");
        assertThat(slugsMatching("ärger")).containsExactly("strasse");
        assertThat(slugsMatching("λόγος")).containsExactly("strasse");
    }

    /** If this fails, check that words are matched literally: escape {@code %}, {@code _} and the escape character in LIKE patterns. */
    @Test
    @DisplayName("words are matched literally, wildcard characters included")
    void wordsAreLiteral() {
        store(described("percent", "100% rye", "Sourdough"), described("thousand", "1000 ryes", "Sourdough"),
                described("snake", "snake_case", "Names"), described("snakes", "snakeXcase", "Names"),
                described("slash", "back\\slash", "Escapes"));

        assertThat(slugsMatching("100%")).containsExactly("percent");
        assertThat(slugsMatching("e_c")).containsExactly("snake");
        assertThat(slugsMatching("%")).containsExactly("percent");
        assertThat(slugsMatching("k\\s")).containsExactly("slash");
    }

    /** If this fails, check that results are sorted by slug ascending, start strictly after afterSlug and stop at limit. */
    @Test
    @DisplayName("matches come in slug order, after the given slug, at most limit of them")
    void slugOrderAndPaging() {
        store(Rows.community("delta"), Rows.community("alpha"), Rows.community("echo"), Rows.community("charlie"),
                Rows.community("bravo"));

        assertThat(slugs(null, List.of(), Set.of(), null, 2)).containsExactly("alpha", "bravo");
        assertThat(slugs(null, List.of(), Set.of(), "bravo", 2)).containsExactly("charlie", "delta");
        assertThat(slugs(null, List.of(), Set.of(), "delta", 2)).containsExactly("echo");
        assertThat(slugs(null, List.of(), Set.of(), "echo", 2)).isEmpty();
        assertThat(slugs(null, List.of(), Set.of(), "b", 10)).containsExactly("bravo", "charlie", "delta", "echo");
    }

    /** If this fails, check that search filters only on the conditions of CommunitySearch: archived communities still match. */
    @Test
    @DisplayName("archived communities still match, and all conditions combine")
    void conditionsCombine() {
        CommunityRecord archived = new CommunityRecord(CommunityId.of(Rows.newId()), "old-bakers", "Old bakers",
                "Sourdough", List.of("baking"), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN, true, 0, Rows.T0, Rows.T0);
        CommunityRecord secret = new CommunityRecord(CommunityId.of(Rows.newId()), "secret-bakers", "Secret bakers",
                "Sourdough", List.of("baking"), List.of(), Visibility.PRIVATE, JoinPolicy.APPROVAL, false, 0, Rows.T0,
                Rows.T0);
        store(archived, secret, described("young-bakers", "Young bakers", "Sourdough"),
                Rows.community("zebra-bakers", Visibility.PUBLIC, List.of("baking")));

        assertThat(slugs("baking", List.of("sourdough"), Set.of(secret.id()), "old-bakers", 10))
                .containsExactly("secret-bakers");
        assertThat(slugs("baking", List.of("bakers"), Set.of(), null, 10)).containsExactly("old-bakers", "zebra-bakers");
    }
}
