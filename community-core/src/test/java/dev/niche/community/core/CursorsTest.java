package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.InvalidInputException;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.SortKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Page cursors")
class CursorsTest {
    private static final CommunityId COMMUNITY = CommunityId.of("0190f5a2-3b4c-7d8e-9f01-000000000001");
    private static final CommunityId OTHER_COMMUNITY = CommunityId.of("0190f5a2-3b4c-7d8e-9f01-000000000002");
    private static final PostId POST = PostId.of("0190f5a2-3b4c-7d8e-9f01-23456789abcd");
    private static final PseudonymId PSEUDONYM = PseudonymId.of("0190f5a2-3b4c-7d8e-8f01-23456789abce");
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456789Z");

    @Nested
    @DisplayName("round-trip")
    class RoundTrip {
        @Test
        @DisplayName("a keyset cursor gives back its sort value exactly")
        void keyset() {
            SortKey key = new SortKey(14002.871055555555, POST);
            assertThat(Cursors.keysetAfter("feed/NEW", Cursors.ofKeyset("feed/NEW", key))).isEqualTo(key);
        }

        @Test
        @DisplayName("an exclusion cursor gives back every fingerprint, in order")
        void exclusion() {
            long[] shown = {Cursors.fingerprint(POST), -1L, 0L, Long.MAX_VALUE};
            assertThat(Cursors.exclusionOf("feed/HOT", Cursors.ofExclusion("feed/HOT", shown))).containsExactly(shown);
        }

        @Test
        @DisplayName("a more-replies cursor gives back where to continue")
        void replies() {
            var position = new Cursors.ReplyPosition(POST, ReplySort.BEST, 200, 10, new SortKey(0.25, POST), 17);
            assertThat(Cursors.repliesAfter(Cursors.ofReplies(position))).isEqualTo(position);
            var fromTop = new Cursors.ReplyPosition(POST, ReplySort.OLD, 5, 1, null, 3);
            assertThat(Cursors.repliesAfter(Cursors.ofReplies(fromTop))).isEqualTo(fromTop);
        }

        @Test
        @DisplayName("a fingerprint is taken from the random bits of the id")
        void fingerprint() {
            assertThat(Cursors.fingerprint(POST)).isEqualTo(0x9f0123456789abcdL);
        }

        @Test
        @DisplayName("a members cursor gives back its position")
        void members() {
            MemberKey key = new MemberKey(Instant.EPOCH.minusSeconds(5), PSEUDONYM);
            assertThat(Cursors.membersAfter(COMMUNITY, MemberState.ACTIVE, Cursors.ofMembers(COMMUNITY, MemberState.ACTIVE, key)))
                    .isEqualTo(key);
        }

        @Test
        @DisplayName("a communities cursor gives back its slug")
        void communities() {
            assertThat(Cursors.communitiesAfter("baking", List.of("vegan"),
                    Cursors.ofCommunities("baking", List.of("vegan"), "vegan-bakers"))).isEqualTo("vegan-bakers");
        }

        @Test
        @DisplayName("a cursor is URL-safe text")
        void urlSafe() {
            assertThat(Cursors.ofKeyset("x", new SortKey(1.5, POST))).matches("[A-Za-z0-9_-]+");
        }
    }

    @Nested
    @DisplayName("refusal")
    class Refusal {
        @Test
        @DisplayName("a cursor of another listing is refused")
        void otherListing() {
            String members = Cursors.ofMembers(COMMUNITY, MemberState.ACTIVE, new MemberKey(AT, PSEUDONYM));
            assertThatThrownBy(() -> Cursors.keysetAfter("feed/NEW", members))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
        }

        @Test
        @DisplayName("a members cursor pages only the community and state it was given out for")
        void membersBound() {
            String active = Cursors.ofMembers(COMMUNITY, MemberState.ACTIVE, new MemberKey(AT, PSEUDONYM));
            assertThatThrownBy(() -> Cursors.membersAfter(OTHER_COMMUNITY, MemberState.ACTIVE, active))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> Cursors.membersAfter(COMMUNITY, MemberState.PENDING, active))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("a discovery cursor pages only the query it was given out for")
        void discoveryBound() {
            String page = Cursors.ofCommunities("baking", List.of("vegan"), "vegan-bakers");
            assertThatThrownBy(() -> Cursors.communitiesAfter("baking", List.of("rye"), page))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> Cursors.communitiesAfter(null, List.of("vegan"), page))
                    .isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("a forged members cursor with a valid checksum but a time no store keeps is refused")
        @CsvSource({"year 3000, 32503680000, 0", "year 1600, -11676096000, 0", "nanos past a second, 0, 1000000000",
            "negative nanos, 0, -1", "seconds past Instant, 9223372036854775807, 0"})
        void forgedTimes(String what, String seconds, String nanos) {
            String forged = Cursors.encode(new String[] {"m2", COMMUNITY.value(), "ACTIVE", seconds, nanos,
                PSEUDONYM.value()}, new byte[0]);
            assertThatThrownBy(() -> Cursors.membersAfter(COMMUNITY, MemberState.ACTIVE, forged))
                    .isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("a forged keyset cursor with a valid checksum but a sort value no store orders is refused")
        @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
        void forgedSortValues(String value) {
            String keyset = Cursors.encode(new String[] {"k1", "feed/NEW", value, POST.value()}, new byte[0]);
            assertThatThrownBy(() -> Cursors.keysetAfter("feed/NEW", keyset)).isInstanceOf(InvalidInputException.class);
            String replies = Cursors.encode(new String[] {"r1", POST.value(), "BEST", "10", "3", value, POST.value(), "4"},
                    new byte[0]);
            assertThatThrownBy(() -> Cursors.repliesAfter(replies)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("a cursor of the same kind but another listing is refused")
        void otherListingSameKind() {
            String hot = Cursors.ofExclusion("feed/HOT/ALL", new long[] {1L});
            assertThatThrownBy(() -> Cursors.exclusionOf("feed/HOT/ALL/scaled", hot)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("no single-character change to a cursor yields another position")
        void tampered() {
            SortKey key = new SortKey(AT.getEpochSecond(), POST);
            String cursor = Cursors.ofKeyset("c/NEW", key);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            int refused = 0;
            for (int i = 0; i < cursor.length(); i++) {
                for (int shift = 1; shift < alphabet.length(); shift += 9) {
                    char replacement = alphabet.charAt((alphabet.indexOf(cursor.charAt(i)) + shift) % alphabet.length());
                    String changed = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                    try {
                        // The last character also holds unused padding bits: changing only those is harmless.
                        assertThat(Cursors.keysetAfter("c/NEW", changed)).as("cursor changed at %d", i).isEqualTo(key);
                    } catch (InvalidInputException expected) {
                        refused++;
                    }
                }
            }
            assertThat(refused).isGreaterThan(cursor.length() * 6);
        }

        @Test
        @DisplayName("a forged exclusion cursor listing more threads than a sequence may is refused")
        void tooManyExcluded() {
            String forged = Cursors.ofExclusion("feed/HOT/ALL", new long[Listings.MOST_LISTED + 1]);
            assertThatThrownBy(() -> Cursors.exclusionOf("feed/HOT/ALL", forged)).isInstanceOf(InvalidInputException.class);
            String longest = Cursors.ofExclusion("feed/HOT/ALL", new long[Listings.MOST_LISTED]);
            assertThat(Cursors.exclusionOf("feed/HOT/ALL", longest)).hasSize(Listings.MOST_LISTED);
        }

        @ParameterizedTest(name = "maxReplies {0}, maxDepth {1}, remaining {2}")
        @CsvSource({"501, 5, 3", "0, 5, 3", "10, 0, 3", "10, 65, 3", "10, 5, -1"})
        @DisplayName("a forged more-replies cursor with limits a TreeRequest refuses is refused")
        void repliesBeyondLimits(int maxReplies, int maxDepth, int remaining) {
            var forged = new Cursors.ReplyPosition(POST, ReplySort.BEST, maxReplies, maxDepth, null, remaining);
            assertThatThrownBy(() -> Cursors.repliesAfter(Cursors.ofReplies(forged)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "x", "not a cursor", "%%%", "dDF-MTIz"})
        @DisplayName("malformed text is refused with a message about the cursor")
        void garbage(String cursor) {
            assertThatThrownBy(() -> Cursors.keysetAfter("c/NEW", cursor))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cursor");
        }
    }
}
