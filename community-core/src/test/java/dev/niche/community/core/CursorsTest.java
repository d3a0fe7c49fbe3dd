package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.InvalidInputException;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.ThreadKey;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Page cursors")
class CursorsTest {
    private static final PostId POST = PostId.of("0190f5a2-3b4c-7d8e-9f01-23456789abcd");
    private static final PseudonymId PSEUDONYM = PseudonymId.of("0190f5a2-3b4c-7d8e-8f01-23456789abce");
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456789Z");

    @Nested
    @DisplayName("round-trip")
    class RoundTrip {
        @Test
        @DisplayName("a threads cursor gives back its position to the nanosecond")
        void threads() {
            ThreadKey key = new ThreadKey(AT, POST);
            assertThat(Cursors.threadsAfter(Cursors.ofThreads(key))).isEqualTo(key);
        }

        @Test
        @DisplayName("a members cursor gives back its position")
        void members() {
            MemberKey key = new MemberKey(Instant.EPOCH.minusSeconds(5), PSEUDONYM);
            assertThat(Cursors.membersAfter(Cursors.ofMembers(key))).isEqualTo(key);
        }

        @Test
        @DisplayName("a communities cursor gives back its slug")
        void communities() {
            assertThat(Cursors.communitiesAfter(Cursors.ofCommunities("vegan-bakers"))).isEqualTo("vegan-bakers");
        }

        @Test
        @DisplayName("a cursor is URL-safe text")
        void urlSafe() {
            assertThat(Cursors.ofThreads(new ThreadKey(AT, POST))).matches("[A-Za-z0-9_-]+");
        }
    }

    @Nested
    @DisplayName("refusal")
    class Refusal {
        @Test
        @DisplayName("a cursor of another listing is refused")
        void otherListing() {
            String members = Cursors.ofMembers(new MemberKey(AT, PSEUDONYM));
            assertThatThrownBy(() -> Cursors.threadsAfter(members))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting("field").containsExactly("cursor"));
        }

        @Test
        @DisplayName("no single-character change to a cursor yields another position")
        void tampered() {
            ThreadKey key = new ThreadKey(AT, POST);
            String cursor = Cursors.ofThreads(key);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            int refused = 0;
            for (int i = 0; i < cursor.length(); i++) {
                for (int shift = 1; shift < alphabet.length(); shift += 9) {
                    char replacement = alphabet.charAt((alphabet.indexOf(cursor.charAt(i)) + shift) % alphabet.length());
                    String changed = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                    try {
                        // The last character also holds unused padding bits: changing only those is harmless.
                        assertThat(Cursors.threadsAfter(changed)).as("cursor changed at %d", i).isEqualTo(key);
                    } catch (InvalidInputException expected) {
                        refused++;
                    }
                }
            }
            assertThat(refused).isGreaterThan(cursor.length() * 6);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "x", "not a cursor", "%%%", "dDF-MTIz"})
        @DisplayName("malformed text is refused with a message about the cursor")
        void garbage(String cursor) {
            assertThatThrownBy(() -> Cursors.threadsAfter(cursor))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cursor");
        }
    }
}
