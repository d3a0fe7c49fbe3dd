package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Which posts carry a link")
class PoliciesTest {

    @Nested
    @DisplayName("a post carries a link")
    class Carries {
        @Test
        @DisplayName("when its link field is set, whatever its text says")
        void linkField() {
            assertThat(Policies.hasLink("Plain title", "plain body", "https://example.org")).isTrue();
            assertThat(Policies.hasLink(null, null, "https://example.org")).isTrue();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
            "see https://example.org",
            "HTTP://EXAMPLE.ORG",
            "ftp://files",
            "a bare ://",
            "www.example.org",
            "visit WWW.Example.org today",
            "wWw.",
        })
        @DisplayName("when its title holds a web address, in any case")
        void inTitle(String title) {
            assertThat(Policies.hasLink(title, "plain body", null)).isTrue();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"line one\nthen https://example.org", "Www.example.org", "mailto then ://"})
        @DisplayName("when its body holds a web address, in any case")
        void inBody(String body) {
            assertThat(Policies.hasLink("Plain title", body, null)).isTrue();
            assertThat(Policies.hasLink(null, body, null)).isTrue();
        }
    }

    @Nested
    @DisplayName("a post carries no link")
    class CarriesNone {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {
            "",
            "example.org",
            "http:/example.org",
            "www",
            "wwwexample",
            "w.w.w.",
            "a colon: and a slash /",
        })
        @DisplayName("when neither title nor body holds :// or www.")
        void plainText(String text) {
            assertThat(Policies.hasLink(text, text, null)).isFalse();
        }

        @Test
        @DisplayName("when it has no title, no body and no link")
        void nothing() {
            assertThat(Policies.hasLink(null, null, null)).isFalse();
        }
    }
}
