package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The stored form of a trust policy")
class PolicyCodecTest {
    private static final String DEFAULTS = PolicyCodec.encode(TrustPolicy.defaults());

    @Nested
    @DisplayName("encoding")
    class Encoding {
        @Test
        @DisplayName("starts with its version line and holds one key=value line per setting")
        void layout() {
            assertThat(DEFAULTS).startsWith("niche-trust-policy 1\n").endsWith("\n");
            assertThat(DEFAULTS.lines().skip(1)).allMatch(line -> line.matches("[A-Za-z_.]+=[^=]+"));
            assertThat(DEFAULTS).contains("\nreputation.upvote=10\n", "\nlevels.regularKeep=0.9\n",
                    "\nprivilege.DOWNVOTE=MEMBER\n", "\nserialVotes.window=PT2H\n", "\nscore.weighVotes=false\n");
        }

        @Test
        @DisplayName("gives back the defaults, and a changed policy, when decoded")
        void roundTrip() {
            TrustPolicy changed = TrustPolicy.defaults()
                    .withPrivilege(Privilege.POST_LINKS, TrustLevel.LEADER)
                    .withSerialVotes(new TrustPolicy.SerialVotes(3, Duration.ofSeconds(61, 5)))
                    .withScore(new TrustPolicy.Score(Duration.ZERO, true, 0.3));
            assertThat(PolicyCodec.decode(DEFAULTS)).isEqualTo(TrustPolicy.defaults());
            assertThat(PolicyCodec.decode(PolicyCodec.encode(changed))).isEqualTo(changed);
        }
    }

    @Nested
    @DisplayName("decoding refuses, as unreadable,")
    class Refusals {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "\n", "garbage", "niche-trust-policy 2\nreputation.upvote=10\n",
            "niche-trust-policy 1 \n", "NICHE-TRUST-POLICY 1\n"})
        @DisplayName("text with no version line or another version")
        void version(String text) {
            assertThatThrownBy(() -> PolicyCodec.decode(text))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the stored trust policy cannot be read: unknown version");
        }

        @Test
        @DisplayName("another version line over a valid body")
        void laterVersion() {
            String text = DEFAULTS.replace("niche-trust-policy 1", "niche-trust-policy 2");
            assertThatThrownBy(() -> PolicyCodec.decode(text)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unknown version");
        }

        @Test
        @DisplayName("a line without '='")
        void noEquals() {
            assertThatThrownBy(() -> PolicyCodec.decode(DEFAULTS + "garbage\n"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has no '='");
        }

        @Test
        @DisplayName("a missing key, naming it")
        void missingKey() {
            String text = DEFAULTS.replaceAll("(?m)^score\\.floor=.*\\n", "");
            assertThatThrownBy(() -> PolicyCodec.decode(text))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing score.floor");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "reputation.upvote=ten",
            "reputation.upvote=1001",
            "levels.basic.postsRead=-1",
            "levels.regularWindow=PT36H",
            "levels.regularKeep=NaN",
            "levels.member.readingTime=60 minutes",
            "privilege.DOWNVOTE=BOSS",
            "serialVotes.votes=1",
            "score.floor=1e9",
        })
        @DisplayName("a value that does not parse or is out of range")
        void badValue(String line) {
            String key = line.substring(0, line.indexOf('='));
            String text = DEFAULTS.replaceAll("(?m)^" + key.replace(".", "\\.") + "=.*$", line);
            assertThat(text).contains("\n" + line + "\n");
            assertThatThrownBy(() -> PolicyCodec.decode(text))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the stored trust policy cannot be read: ");
        }
    }
}
