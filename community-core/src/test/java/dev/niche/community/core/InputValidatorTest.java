package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.niche.community.InvalidInputException;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.post.StartThread;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Input validation")
class InputValidatorTest {
    private final InputValidator validator = new InputValidator();

    private void check(Object command) {
        validator.check(command, "command");
    }

    @Nested
    @DisplayName("messages")
    class Messages {
        @Test
        @DisplayName("name the field and quote the value")
        void nameFieldAndValue() {
            assertThatThrownBy(() -> check(new RegisterPseudonym("Bob!")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                            .assertThat(e.violations())
                            .extracting("field", "message")
                            .containsExactly(tuple("handle",
                                    "handle \"Bob!\" may contain only a-z, A-Z, 0-9, '_' and '-'")));
        }

        @Test
        @DisplayName("report every violation, not only the first")
        void everyViolation() {
            assertThatThrownBy(() -> check(new RegisterPseudonym("b!")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                            .assertThat(e.violations()).hasSize(2));
        }

        @Test
        @DisplayName("name a list element by its index")
        void listElement() {
            CreateCommunity command = new CreateCommunity("bakers", "Bakers", "", List.of("ok", "fine", "Not OK"),
                    List.of(), Visibility.PUBLIC, JoinPolicy.OPEN);
            assertThatThrownBy(() -> check(command))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                            .assertThat(e.violations()).extracting("field").containsExactly("tags[2]"));
        }

        @Test
        @DisplayName("say that a required field is missing")
        void missing() {
            assertThatThrownBy(() -> check(new RegisterPseudonym(null)))
                    .hasMessage("handle must not be null");
        }

        @Test
        @DisplayName("cut long values short and show control characters")
        void longValues() {
            String title = "x".repeat(300) + "\u0007";
            assertThatThrownBy(() -> check(new StartThread(
                            dev.niche.community.community.CommunityId.of("0190f5a2-3b4c-7d8e-9f01-23456789abcd"),
                            title, "", null)))
                    .hasMessageContaining("title \"" + "x".repeat(60) + "…\"")
                    .hasMessageNotContaining("\u0007");
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {
        @Test
        @DisplayName("count code points after normalisation")
        void codePoints() {
            String emoji = String.join("", Collections.nCopies(300, "\uD83D\uDE80"));
            var community = dev.niche.community.community.CommunityId.of("0190f5a2-3b4c-7d8e-9f01-23456789abcd");
            assertThatCode(() -> check(new StartThread(community, emoji, "", null))).doesNotThrowAnyException();
            assertThatThrownBy(() -> check(new StartThread(community, emoji + "\uD83D\uDE80", "", null)))
                    .hasMessageContaining("not 301");
        }

        @Test
        @DisplayName("refuse more than ten tags")
        void tags() {
            List<String> tags = Collections.nCopies(11, "tag");
            assertThatThrownBy(() -> check(new CreateCommunity("bakers", "Bakers", "", tags, List.of(),
                    Visibility.PUBLIC, JoinPolicy.OPEN)))
                    .hasMessage("tags must hold at most 10 tags");
        }

        @Test
        @DisplayName("refuse an invite with no uses")
        void inviteUses() {
            var community = dev.niche.community.community.CommunityId.of("0190f5a2-3b4c-7d8e-9f01-23456789abcd");
            assertThatThrownBy(() -> check(new CreateInvite(community, Duration.ofDays(1), 0)))
                    .hasMessage("maxUses 0 must be at least 1");
        }
    }
}
