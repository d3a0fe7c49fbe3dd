package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovering communities by tag and words, in slug order, with PRIVATE ones shown only to their members. */
abstract class DiscoveryScenarios extends EngineFixture {
    private Actor diver;

    DiscoveryScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void communities() {
        Actor owner = person("founder");
        diver = person("diver");
        create(owner, "deep-divers", "Deep divers", "Trails under water", List.of("outdoors", "diving"),
                Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        create(owner, "city-cyclists", "City Cyclists", "Bikes in traffic", List.of("cycling"),
                Visibility.RESTRICTED, JoinPolicy.APPROVAL);
        create(owner, "alpine-hikers", "Alpine hikers", "Mountains and Trails", List.of("hiking", "outdoors"),
                Visibility.PUBLIC, JoinPolicy.OPEN);
        create(owner, "bird-watchers", "Bird watchers", "Binoculars at dawn", List.of("birds", "outdoors"),
                Visibility.PUBLIC, JoinPolicy.OPEN);
        CommunityView divers = engine.communities().getBySlug(owner.asViewer(), "deep-divers");
        admit(divers, owner, diver);
    }

    private void create(Actor owner, String slug, String title, String description, List<String> tags,
            Visibility visibility, JoinPolicy policy) {
        engine.communities().create(owner,
                new CreateCommunity(slug, title, description, tags, List.of(), visibility, policy));
    }

    /** Every matching slug, read page by page. */
    private List<String> slugs(Viewer viewer, DiscoveryQuery query, int pageSize) {
        List<String> slugs = new ArrayList<>();
        Page<CommunityView> page = engine.communities().discover(viewer, query, PageRequest.first(pageSize));
        slugs.addAll(page.items().stream().map(CommunityView::slug).toList());
        while (page.hasNext()) {
            assertThat(page.items()).hasSize(pageSize);
            page = engine.communities().discover(viewer, query, PageRequest.after(page.next().orElseThrow(), pageSize));
            slugs.addAll(page.items().stream().map(CommunityView::slug).toList());
        }
        return slugs;
    }

    private List<String> slugs(Viewer viewer, DiscoveryQuery query) {
        return slugs(viewer, query, 50);
    }

    @Test
    @DisplayName("everything visible comes in slug order; PRIVATE communities are left out for outsiders")
    void everythingInSlugOrder() {
        List<String> visible = List.of("alpine-hikers", "bird-watchers", "city-cyclists");

        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.everything())).containsExactlyElementsOf(visible);
        assertThat(slugs(person("outsider").asViewer(), DiscoveryQuery.everything())).containsExactlyElementsOf(visible);
    }

    @Test
    @DisplayName("an active member also finds the PRIVATE community, in its place")
    void memberFindsPrivate() {
        assertThat(slugs(diver.asViewer(), DiscoveryQuery.everything()))
                .containsExactly("alpine-hikers", "bird-watchers", "city-cyclists", "deep-divers");
    }

    @Test
    @DisplayName("a tag keeps only the communities that carry it")
    void filtersByTag() {
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byTag("outdoors")))
                .containsExactly("alpine-hikers", "bird-watchers");
        assertThat(slugs(diver.asViewer(), DiscoveryQuery.byTag("outdoors")))
                .containsExactly("alpine-hikers", "bird-watchers", "deep-divers");
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byTag("cycling"))).containsExactly("city-cyclists");
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byTag("outdoor"))).isEmpty();
    }

    @Test
    @DisplayName("every word must appear, in any case, in the slug, title or description")
    void filtersByWords() {
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byText("TRAILS"))).containsExactly("alpine-hikers");
        assertThat(slugs(diver.asViewer(), DiscoveryQuery.byText("trails"))).containsExactly("alpine-hikers", "deep-divers");
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byText("alpine  trails"))).containsExactly("alpine-hikers");
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byText("bird traffic"))).isEmpty();
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byText("cyclists"))).containsExactly("city-cyclists");
        assertThat(slugs(Viewer.anonymous(), DiscoveryQuery.byText("zebra"))).isEmpty();
    }

    @Test
    @DisplayName("a tag and words together must both match")
    void tagAndWords() {
        assertThat(slugs(Viewer.anonymous(), new DiscoveryQuery("outdoors", "dawn"))).containsExactly("bird-watchers");
        assertThat(slugs(Viewer.anonymous(), new DiscoveryQuery("cycling", "dawn"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @DisplayName("pages of any size concatenate to the whole result, without repeats")
    void pagesConcatenate(int size) {
        assertThat(slugs(diver.asViewer(), DiscoveryQuery.everything(), size))
                .containsExactly("alpine-hikers", "bird-watchers", "city-cyclists", "deep-divers");
    }

    @Test
    @DisplayName("the last page has no next cursor")
    void lastPageHasNoCursor() {
        Page<CommunityView> all = engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.everything(),
                PageRequest.first(3));
        Page<CommunityView> none = engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.byText("zebra"),
                PageRequest.first(3));

        assertThat(all.items()).hasSize(3);
        assertThat(none.items()).isEmpty();
        assertThat(none.hasNext()).isFalse();
        if (all.hasNext()) {
            assertThat(engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.everything(),
                    PageRequest.after(all.next().orElseThrow(), 3)).items()).isEmpty();
        }
    }
}
