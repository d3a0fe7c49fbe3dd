package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.PostId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Id generators")
class IdGeneratorTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Nested
    @DisplayName("ids")
    class Ids {
        @Test
        @DisplayName("are version 7 UUIDs that every id type accepts")
        void wellFormed() {
            String id = IdGenerator.secure().newId();
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(PostId.of(id).value()).isEqualTo(id);
        }

        @Test
        @DisplayName("carry the clock's millisecond in their first 48 bits")
        void timeOrdered() {
            String id = IdGenerator.seeded(1, FIXED).newId();
            long millis = Long.parseLong(id.substring(0, 8) + id.substring(9, 13), 16);
            assertThat(millis).isEqualTo(FIXED.millis());
        }

        @Test
        @DisplayName("do not repeat")
        void unique() {
            IdGenerator ids = IdGenerator.seeded(7, FIXED);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                assertThat(seen.add(ids.newId())).isTrue();
            }
        }

        @Test
        @DisplayName("repeat for the same seed and differ for another")
        void seeded() {
            assertThat(IdGenerator.seeded(42, FIXED).newId()).isEqualTo(IdGenerator.seeded(42, FIXED).newId());
            assertThat(IdGenerator.seeded(42, FIXED).newId()).isNotEqualTo(IdGenerator.seeded(43, FIXED).newId());
        }
    }

    @Nested
    @DisplayName("secret codes")
    class Codes {
        @Test
        @DisplayName("are 26 base32 characters")
        void shape() {
            assertThat(IdGenerator.secure().newSecretCode()).matches("[a-z2-7]{26}");
        }

        @Test
        @DisplayName("use every character position")
        void everyPosition() {
            IdGenerator ids = IdGenerator.seeded(3, FIXED);
            Set<Character> last = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                last.add(ids.newSecretCode().charAt(25));
            }
            assertThat(last).hasSizeGreaterThan(20);
        }
    }
}
