package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The engine builder")
class NicheTest {

    @Test
    @DisplayName("says what to add when no store was given")
    void needsStore() {
        assertThatThrownBy(() -> Niche.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store(")
                .hasMessageContaining("InMemoryStore");
    }

    @Test
    @DisplayName("refuses limits out of range, naming them")
    void limits() {
        assertThatThrownBy(() -> Niche.builder().maxReplyDepth(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReplyDepth 0 must be between 1 and 1000");
        assertThatThrownBy(() -> Niche.builder().maxPseudonymsPerAccount(101))
                .hasMessage("maxPseudonymsPerAccount 101 must be between 1 and 100");
    }
}
