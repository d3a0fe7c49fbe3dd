package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Plain text rules")
class PlainTextRulesTest {

    @Nested
    @DisplayName("normalisation")
    class Normalisation {
        @Test
        @DisplayName("combining sequences become their composed form")
        void composes() {
            assertThat(PlainTextRules.normalize("Cafe\u0301")).isEqualTo("Caf\u00e9");
        }
    }

    @Nested
    @DisplayName("length")
    class Length {
        @Test
        @DisplayName("counts an emoji as one code point")
        void emoji() {
            String threeEmoji = "\uD83E\uDD50\uD83E\uDD50\uD83E\uDD50";
            assertThat(PlainTextRules.problem(threeEmoji, 1, 3, false)).isNull();
            assertThat(PlainTextRules.problem(threeEmoji + "\uD83E\uDD50", 1, 3, false)).contains("not 4");
        }

        @Test
        @DisplayName("counts after normalisation")
        void afterNormalisation() {
            assertThat(PlainTextRules.problem("e\u0301", 1, 1, false)).isNull();
        }

        @Test
        @DisplayName("refuses text shorter than the minimum")
        void tooShort() {
            assertThat(PlainTextRules.problem("", 1, 10, false)).isEqualTo("must be 1 to 10 characters long, not 0");
        }
    }

    @Nested
    @DisplayName("control characters")
    class ControlCharacters {
        @Test
        @DisplayName("a single line refuses a line feed")
        void singleLine() {
            assertThat(PlainTextRules.problem("a\nb", 0, 10, false)).contains("single line").contains("U+000A");
        }

        @Test
        @DisplayName("multiline text allows line feeds and tabs but not a carriage return")
        void multiline() {
            assertThat(PlainTextRules.problem("a\n\tb", 0, 10, true)).isNull();
            assertThat(PlainTextRules.problem("a\r\nb", 0, 10, true)).contains("U+000D");
        }

        @Test
        @DisplayName("right-to-left marks and Hebrew text are allowed")
        void rightToLeft() {
            assertThat(PlainTextRules.problem("\u05e9\u05dc\u05d5\u05dd \u200f!", 0, 20, false)).isNull();
        }

        @Test
        @DisplayName("a lone surrogate is refused")
        void loneSurrogate() {
            assertThat(PlainTextRules.problem("a\uD800b", 0, 20, true)).isNotNull();
        }
    }
}
