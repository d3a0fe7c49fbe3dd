package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Listings are keyset scans in the order the SPI defines")
class ListingTest extends OnEveryDatabase {

    /** Whole microseconds, as the engine's instants are: NEW and OLD keys are microseconds. */
    private static final Instant START = T0.truncatedTo(ChronoUnit.MICROS);

    /** The SPI's order: by (value, id), descending unless ascending. */
    private static Comparator<PostRecord> order(Function<PostRecord, SortKey> key, boolean ascending) {
        Comparator<SortKey> keys = Comparator.comparingDouble(SortKey::value).thenComparing(SortKey::id);
        return Comparator.comparing(key, ascending ? keys : keys.reversed());
    }

    /** Every page of a listing, each read in a unit of work of its own after the last key of the one before. */
    private static List<PostRecord> walk(Function<@Nullable SortKey, List<PostRecord>> pageAfter,
            Function<PostRecord, SortKey> key, int size) {
        List<PostRecord> walked = new ArrayList<>();
        List<PostRecord> page = pageAfter.apply(null);
        while (!page.isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(size);
            walked.addAll(page);
            page = pageAfter.apply(key.apply(page.get(page.size() - 1)));
        }
        return walked;
    }

    /**
     * Stores a community and posts, then gives the {@code i}th of {@code ranked} {@code i % 3} up votes,
     * {@code i % 2} down votes and keys on a coarse grid, so that ties abound; returns those as stored.
     */
    private List<PostRecord> storeRanked(CommunityRecord community, List<PostRecord> ranked, List<PostRecord> others) {
        store().write(tx -> {
            tx.communities().insert(community);
            others.forEach(tx.posts()::insert);
            ranked.forEach(tx.posts()::insert);
            for (int i = 0; i < ranked.size(); i++) {
                tx.posts().addVotes(ranked.get(i).id(), i % 3, i % 2);
                tx.posts().setRanks(ranked.get(i).id(), new Ranks((i % 5) / 2d, (i % 4) / 4d, (i % 3) * 1.5));
            }
            return null;
        });
        return store().read(tx -> List.copyOf(tx.posts().byIds(ranked.stream().map(PostRecord::id).toList()).values()));
    }

    @Nested
    @DisplayName("A community's threads")
    class Threads {
        private final CommunityRecord community = Records.community();
        private final List<PostRecord> roots = new ArrayList<>();
        private List<PostRecord> stored = List.of();

        @BeforeEach
        void storeThreads() {
            for (int i = 0; i < 13; i++) {
                // Four share each microsecond, so that the id decides within a tie.
                roots.add(Records.root(community.id(), START.plus(i / 4, ChronoUnit.MICROS)));
            }
            CommunityRecord other = Records.community();
            store().write(tx -> {
                tx.communities().insert(other);
                tx.posts().insert(Records.root(other.id(), START));
                return null;
            });
            stored = storeRanked(community, roots, List.of(Records.reply(roots.get(0), START)));
        }

        @ParameterizedTest(name = "by {0}")
        @EnumSource(ThreadSort.class)
        @DisplayName("come by (value, id) descending, page after page without gaps or repeats, roots of the community only")
        void pages(ThreadSort sort) {
            List<PostRecord> walked = walk(after -> store().read(tx -> tx.posts().threads(community.id(), sort, null, after, 4)),
                    post -> SortKey.of(post, sort), 4);

            assertThat(walked).containsExactlyElementsOf(stored.stream().sorted(order(post -> SortKey.of(post, sort), false)).toList());
        }

        @ParameterizedTest(name = "by {0}")
        @EnumSource(ThreadSort.class)
        @DisplayName("created since an instant are those created at or after it, in the same order")
        void window(ThreadSort sort) {
            Instant since = START.plus(2, ChronoUnit.MICROS);

            List<PostRecord> walked = walk(after -> store().read(tx -> tx.posts().threads(community.id(), sort, since, after, 3)),
                    post -> SortKey.of(post, sort), 3);

            assertThat(walked).hasSize(5).containsExactlyElementsOf(stored.stream()
                    .filter(post -> !post.createdAt().isBefore(since))
                    .sorted(order(post -> SortKey.of(post, sort), false)).toList());
        }

        @Test
        @DisplayName("start strictly after a score or time that lies between two stored ones")
        void betweenWholeValues() {
            List<PostRecord> byTop = stored.stream().sorted(order(post -> SortKey.of(post, ThreadSort.TOP), false)).toList();
            List<PostRecord> byNew = stored.stream().sorted(order(post -> SortKey.of(post, ThreadSort.NEW), false)).toList();
            PostRecord any = stored.get(0);

            List<PostRecord> belowHalf = store().read(tx -> tx.posts().threads(community.id(), ThreadSort.TOP, null,
                    new SortKey(0.5, any.id()), 100));
            List<PostRecord> beforeMiddle = store().read(tx -> tx.posts().threads(community.id(), ThreadSort.NEW, null,
                    new SortKey(SortKey.micros(START) + 1.5, any.id()), 100));

            assertThat(belowHalf).containsExactlyElementsOf(byTop.stream().filter(post -> post.counters().score() <= 0).toList());
            assertThat(beforeMiddle).containsExactlyElementsOf(byNew.stream()
                    .filter(post -> post.createdAt().isBefore(START.plus(2, ChronoUnit.MICROS))).toList());
        }

        @Test
        @DisplayName("refuse a page limit below one and a key that is not a number")
        void refusals() {
            assertThatThrownBy(() -> store().read(tx -> tx.posts().threads(community.id(), ThreadSort.HOT, null, null, 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page limit 0");
            assertThatThrownBy(() -> store().read(tx -> tx.posts().threads(community.id(), ThreadSort.HOT, null,
                    new SortKey(Double.NaN, roots.get(0).id()), 5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        }
    }

    @Nested
    @DisplayName("A post's replies")
    class Children {
        @ParameterizedTest(name = "by {0}")
        @EnumSource(ReplySort.class)
        @DisplayName("are its direct replies only, by (value, id), ascending for OLD and descending otherwise, page after page")
        void pages(ReplySort sort) {
            CommunityRecord community = Records.community();
            PostRecord root = Records.root(community.id(), START);
            List<PostRecord> replies = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                replies.add(Records.reply(root, START.plus(1 + i / 3, ChronoUnit.MICROS)));
            }
            PostRecord grandchild = Records.reply(replies.get(0), START);
            PostRecord otherRoot = Records.root(community.id(), START);
            PostRecord elsewhere = Records.reply(otherRoot, START);
            List<PostRecord> stored = storeRanked(community, replies, List.of(root, grandchild, otherRoot, elsewhere));

            List<PostRecord> walked = walk(after -> store().read(tx -> tx.posts().children(root.id(), sort, after, 2)),
                    post -> SortKey.of(post, sort), 2);

            assertThat(walked).containsExactlyElementsOf(
                    stored.stream().sorted(order(post -> SortKey.of(post, sort), sort == ReplySort.OLD)).toList());
            assertThat(walked).extracting(PostRecord::id).doesNotContain(root.id(), grandchild.id(), elsewhere.id());
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
