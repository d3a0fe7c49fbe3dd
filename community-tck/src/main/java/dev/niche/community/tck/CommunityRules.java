package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.UniqueKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.CommunityTable}, except search. */
abstract class CommunityRules extends RuleFamily {

    CommunityRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    /** If this fails, check that every column of a community, tags and rules in order included, is stored and read back unchanged. */
    @Test
    @DisplayName("a stored community reads back by id and by slug, exactly as stored")
    void readsBack() {
        CommunityRecord bakers = new CommunityRecord(CommunityId.of(Rows.newId()), "vegan-bakers", "Vegan bakers",
                "Egg-free.\n\tButter-free.", List.of("zucchini", "baking", "apple"), List.of("Be kind.", "No spam."),
                Visibility.RESTRICTED, JoinPolicy.INVITE_ONLY, true, 0, Rows.at(0), Rows.at(5));
        given(tx -> tx.communities().insert(bakers));

        assertThat(committed().communities().byId(bakers.id())).contains(bakers);
        assertThat(committed().communities().bySlug("vegan-bakers")).contains(bakers);
    }

    /** If this fails, check that lookups of missing rows return empty results, and that slugs compare exactly. */
    @Test
    @DisplayName("absent communities are empty answers, not errors")
    void absentLookups() {
        given(tx -> tx.communities().insert(Rows.community("bakers")));

        assertThat(committed().communities().byId(CommunityId.of(Rows.newId()))).isEmpty();
        assertThat(committed().communities().bySlug("baker")).isEmpty();
        assertThat(committed().communities().bySlug("bakers-club")).isEmpty();
    }

    /** If this fails, check that update writes every settings column and leaves id, slug, createdAt and memberCount alone. */
    @Test
    @DisplayName("an update replaces the settings but never the slug, the creation time or the member count")
    void updateReplacesSettings() {
        CommunityRecord original = Rows.community("flyers");
        given(tx -> {
            tx.communities().insert(original);
            tx.communities().addToMemberCount(original.id(), 3);
        });
        CommunityRecord changed = new CommunityRecord(original.id(), "renamed-slug", "Fearful flyers", "Less fear.",
                List.of("travel"), List.of("Breathe.", "Be kind."), Visibility.PRIVATE, JoinPolicy.APPROVAL, true, 99,
                Rows.at(-100), Rows.at(60));

        given(tx -> tx.communities().update(changed));

        assertThat(committed().communities().byId(original.id())).contains(new CommunityRecord(original.id(), "flyers",
                "Fearful flyers", "Less fear.", List.of("travel"), List.of("Breathe.", "Be kind."), Visibility.PRIVATE,
                JoinPolicy.APPROVAL, true, 3, original.createdAt(), Rows.at(60)));
        assertThat(committed().communities().bySlug("renamed-slug")).isEmpty();
    }

    /** If this fails, check that update and addToMemberCount throw IllegalStateException when no row was affected. */
    @Test
    @DisplayName("updating or counting members of a missing community is an IllegalStateException")
    void missingCommunityRefused() {
        CommunityRecord ghost = Rows.community("ghost");

        assertThatThrownBy(() -> given(tx -> tx.communities().update(ghost))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given(tx -> tx.communities().addToMemberCount(ghost.id(), 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(committed().communities().byId(ghost.id())).isEmpty();
    }

    /** If this fails, check that addToMemberCount adds to the stored count, in both directions. */
    @Test
    @DisplayName("member count changes add up, down as well as up")
    void memberCountAddsUp() {
        CommunityRecord c = Rows.community("counted");
        given(tx -> {
            tx.communities().insert(c);
            tx.communities().addToMemberCount(c.id(), 5);
            tx.communities().addToMemberCount(c.id(), -2);
        });
        given(tx -> tx.communities().addToMemberCount(c.id(), 1));

        assertThat(committed().communities().byId(c.id()).orElseThrow().memberCount()).isEqualTo(4);
    }

    /** If this fails, check the unique index on the slug and that its violation becomes a DuplicateKeyException(COMMUNITY_SLUG). */
    @Test
    @DisplayName("a taken slug is refused with COMMUNITY_SLUG and the first community stays")
    void duplicateSlugRefused() {
        CommunityRecord first = Rows.community("taken");
        given(tx -> tx.communities().insert(first));

        assertThatThrownBy(() -> given(tx -> tx.communities().insert(Rows.community("taken"))))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(UniqueKey.COMMUNITY_SLUG));
        assertThat(committed().communities().bySlug("taken")).contains(first);
    }

    /** If this fails, check that the slug's uniqueness is enforced by the store itself (a unique index), not by a check-then-insert. */
    @Test
    @DisplayName("of 8 threads creating one slug at once, exactly one wins")
    void concurrentSlugClaims() {
        List<CommunityRecord> claims = Race.range().mapToObj(i -> Rows.community("contested")).toList();

        List<Race.Outcome<Boolean>> outcomes = Race.run(Race.THREADS, i -> writeRetrying(tx -> {
            tx.communities().insert(claims.get(i));
            return Boolean.TRUE;
        }));

        int winner = Race.assertOneWinner(outcomes, UniqueKey.COMMUNITY_SLUG);
        assertThat(committed().communities().bySlug("contested")).contains(claims.get(winner));
    }

    /** If this fails, check that addToMemberCount is one atomic statement ({@code SET n = n + ?}) rather than a read followed by a write. */
    @Test
    @DisplayName("member counts changed from 8 threads at once lose no change")
    void concurrentMemberCounts() {
        CommunityRecord c = Rows.community("busy");
        given(tx -> tx.communities().insert(c));

        List<Race.Outcome<Void>> outcomes = Race.run(Race.THREADS, i -> {
            for (int n = 0; n < 25; n++) {
                int delta = n % 5 == 4 ? -1 : 1;
                writeRetrying(tx -> {
                    tx.communities().addToMemberCount(c.id(), delta);
                    return Boolean.TRUE;
                });
            }
            return null;
        });

        Race.assertAllSucceeded(outcomes);
        assertThat(committed().communities().byId(c.id()).orElseThrow().memberCount()).isEqualTo(Race.THREADS * 15);
    }
}
