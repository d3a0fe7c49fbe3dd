package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.ThreadKey;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Listings are keyset scans in the order the SPI defines")
class ListingTest extends OnEveryDatabase {

    @Nested
    @DisplayName("A community's threads")
    class Threads {
        @Test
        @DisplayName("come newest first, ties broken by id descending, page after page without gaps or repeats")
        void pages() {
            CommunityRecord community = Records.community();
            List<PostRecord> roots = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                // Four share each instant, so that the id decides within a tie; nanos differ across.
                roots.add(Records.root(community.id(), T0.plusNanos(i / 4)));
            }
            PostRecord reply = Records.reply(roots.get(0), T0.plusSeconds(60));
            CommunityRecord other = Records.community();
            store().write(tx -> {
                tx.communities().insert(community);
                tx.communities().insert(other);
                roots.forEach(tx.posts()::insert);
                tx.posts().insert(reply);
                tx.posts().insert(Records.root(other.id(), T0));
                return null;
            });
            List<PostId> expected = roots.stream()
                    .sorted(Comparator.comparing(PostRecord::createdAt).thenComparing(PostRecord::id).reversed())
                    .map(PostRecord::id)
                    .toList();

            List<PostId> seen = new ArrayList<>();
            @Nullable ThreadKey after = null;
            while (true) {
                @Nullable ThreadKey position = after;
                List<PostRecord> page = store().read(tx -> tx.posts().threads(community.id(), position, 5));
                assertThat(page).hasSizeLessThanOrEqualTo(5);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(post -> seen.add(post.id()));
                PostRecord last = page.get(page.size() - 1);
                after = new ThreadKey(last.createdAt(), last.id());
            }

            assertThat(seen).containsExactlyElementsOf(expected);
        }
    }

    @Nested
    @DisplayName("A thread's replies")
    class Replies {
        @Test
        @DisplayName("are every reply at every depth, oldest first, ties by id, without the root")
        void order() {
            CommunityRecord community = Records.community();
            PostRecord root = Records.root(community.id(), T0);
            PostRecord a = Records.reply(root, T0.plusNanos(2));
            PostRecord b = Records.reply(a, T0.plusNanos(1));
            PostRecord c = Records.reply(root, T0.plusNanos(1));
            PostRecord elsewhere = Records.reply(Records.root(community.id(), T0), T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(root);
                List.of(a, b, c).forEach(tx.posts()::insert);
                return null;
            });
            List<PostId> expected = List.of(a, b, c).stream()
                    .sorted(Comparator.comparing(PostRecord::createdAt).thenComparing(PostRecord::id))
                    .map(PostRecord::id)
                    .toList();

            List<PostRecord> replies = store().read(tx -> tx.posts().replies(root.id()));

            assertThat(replies).extracting(PostRecord::id).containsExactlyElementsOf(expected)
                    .doesNotContain(root.id(), elsewhere.id());
        }
    }

    @Nested
    @DisplayName("A community's members")
    class Members {
        @Test
        @DisplayName("come longest-standing first, ties by pseudonym id, in one state only, page after page")
        void pages() {
            CommunityRecord community = Records.community();
            List<MembershipRecord> active = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                active.add(Records.membership(community.id(), Records.account(),
                        PseudonymId.of(UUID.randomUUID().toString()), MemberState.ACTIVE, T0.plusNanos(i / 3)));
            }
            MembershipRecord pending = Records.membership(community.id(), Records.account(),
                    PseudonymId.of(UUID.randomUUID().toString()), MemberState.PENDING, T0);
            store().write(tx -> {
                tx.communities().insert(community);
                active.forEach(tx.memberships()::insert);
                tx.memberships().insert(pending);
                return null;
            });
            List<PseudonymId> expected = active.stream()
                    .sorted(Comparator.comparing(MembershipRecord::since).thenComparing(MembershipRecord::pseudonym))
                    .map(MembershipRecord::pseudonym)
                    .toList();

            List<PseudonymId> seen = new ArrayList<>();
            @Nullable MemberKey after = null;
            while (true) {
                @Nullable MemberKey position = after;
                List<MembershipRecord> page = store().read(
                        tx -> tx.memberships().page(community.id(), MemberState.ACTIVE, position, 4));
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(member -> seen.add(member.pseudonym()));
                MembershipRecord last = page.get(page.size() - 1);
                after = new MemberKey(last.since(), last.pseudonym());
            }

            assertThat(seen).containsExactlyElementsOf(expected);
            List<MembershipRecord> pendingPage = store().read(
                    tx -> tx.memberships().page(community.id(), MemberState.PENDING, null, 10));
            assertThat(pendingPage).containsExactly(pending);
        }
    }

    @Nested
    @DisplayName("Batch reads")
    class BatchReads {
        @Test
        @DisplayName("find every one of more ids than fit in one IN list")
        void beyondOneChunk() {
            CommunityRecord community = Records.community();
            List<PostRecord> posts = new ArrayList<>();
            for (int i = 0; i < InLists.CHUNK * 2 + 7; i++) {
                posts.add(Records.root(community.id(), T0));
            }
            AccountId voter = Records.account();
            store().write(tx -> {
                tx.communities().insert(community);
                posts.forEach(tx.posts()::insert);
                tx.votes().insert(Records.vote(posts.get(posts.size() - 1).id(), voter, Direction.UP));
                return null;
            });
            List<PostId> ids = posts.stream().map(PostRecord::id).toList();

            var found = store().read(tx -> tx.posts().byIds(ids));
            var votes = store().read(tx -> tx.votes().ofAccount(voter, ids));

            assertThat(found).hasSize(posts.size()).containsOnlyKeys(ids);
            assertThat(votes).containsOnlyKeys(posts.get(posts.size() - 1).id());
        }
    }

    @Nested
    @DisplayName("Community discovery")
    class Discovery {
        private final String prefix = Records.unique("d").toLowerCase(Locale.ROOT) + "-";
        private final CommunityRecord bakers = community("bakers", "Vegan Bakers", "Egg-free, 100% joy",
                List.of("baking", "vegan"), Visibility.PUBLIC);
        private final CommunityRecord snakes = community("snakes", "snake_case fans", "Underscores ΟΔΟΣ everywhere",
                List.of("code"), Visibility.RESTRICTED);
        private final CommunityRecord secret = community("secret", "Secret bakers", "Hidden", List.of("baking"), Visibility.PRIVATE);
        private final CommunityRecord other = community("zz-other", "100 percent", "No match", List.of("misc"), Visibility.PUBLIC);

        private CommunityRecord community(String slug, String title, String description, List<String> tags, Visibility visibility) {
            return new CommunityRecord(CommunityId.of(UUID.randomUUID().toString()), prefix + slug, title, description,
                    tags, List.of(), visibility, visibility == Visibility.PUBLIC ? JoinPolicy.OPEN : JoinPolicy.APPROVAL,
                    false, 0, T0, T0);
        }

        private List<String> search(@Nullable String tag, List<String> words, Set<CommunityId> privateVisible,
                @Nullable String afterSlug, int limit) {
            List<String> confined = new ArrayList<>(words);
            // Every search is confined to this test's communities by their common prefix.
            confined.add(prefix);
            return store().read(tx -> tx.communities().search(new CommunitySearch(tag, confined, privateVisible, afterSlug, limit)))
                    .stream().map(CommunityRecord::slug).map(slug -> slug.substring(prefix.length())).toList();
        }

        private void insertAll() {
            store().write(tx -> {
                List.of(other, secret, snakes, bakers).forEach(tx.communities()::insert);
                return null;
            });
        }

        @Test
        @DisplayName("lists every visible community in slug order, PRIVATE ones only for their members")
        void visibility() {
            insertAll();
            assertThat(search(null, List.of(), Set.of(), null, 10)).containsExactly("bakers", "snakes", "zz-other");
            assertThat(search(null, List.of(), Set.of(secret.id()), null, 10))
                    .containsExactly("bakers", "secret", "snakes", "zz-other");
        }

        @Test
        @DisplayName("filters by tag")
        void tag() {
            insertAll();
            assertThat(search("baking", List.of(), Set.of(secret.id()), null, 10)).containsExactly("bakers", "secret");
            assertThat(search("bak", List.of(), Set.of(secret.id()), null, 10)).isEmpty();
        }

        @Test
        @DisplayName("needs every word in the slug, title or description, case-insensitively by Locale.ROOT")
        void words() {
            insertAll();
            assertThat(search(null, List.of("vegan", "joy"), Set.of(), null, 10)).containsExactly("bakers");
            assertThat(search(null, List.of("vegan", "snake"), Set.of(), null, 10)).isEmpty();
            // Java lower-cases the final capital sigma of "ΟΔΟΣ" to ς (U+03C2); a database's LOWER() gives σ.
            assertThat(search(null, List.of("\u03bf\u03b4\u03bf\u03c2"), Set.of(), null, 10)).containsExactly("snakes");
            assertThat(search(null, List.of("\u03bf\u03b4\u03bf\u03c3"), Set.of(), null, 10)).isEmpty();
        }

        @Test
        @DisplayName("matches %, _ and ! literally")
        void likeEscapes() {
            insertAll();
            assertThat(search(null, List.of("100%"), Set.of(), null, 10)).containsExactly("bakers");
            assertThat(search(null, List.of("e_c"), Set.of(), null, 10)).containsExactly("snakes");
            assertThat(search(null, List.of("0 p"), Set.of(), null, 10)).containsExactly("zz-other");
            assertThat(search(null, List.of("!"), Set.of(), null, 10)).isEmpty();
        }

        @Test
        @DisplayName("starts after a slug and stops at the limit")
        void paging() {
            insertAll();
            assertThat(search(null, List.of(), Set.of(secret.id()), prefix + "bakers", 2)).containsExactly("secret", "snakes");
            assertThat(search(null, List.of(), Set.of(), null, 0)).isEmpty();
        }

        @Test
        @DisplayName("accepts more PRIVATE memberships than fit in one IN list")
        void manyPrivate() {
            insertAll();
            Set<CommunityId> visible = new HashSet<>();
            for (int i = 0; i < InLists.CHUNK + 3; i++) {
                visible.add(CommunityId.of(UUID.randomUUID().toString()));
            }
            visible.add(secret.id());
            assertThat(search("baking", List.of(), visible, null, 10)).containsExactly("bakers", "secret");
        }
    }
}
