package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.trust.Activity;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Trust policies")
class TrustPolicyTest {
    private static final TrustPolicy DEFAULTS = TrustPolicy.defaults();
    private static final TrustPolicy.Levels LEVELS = TrustPolicy.Levels.DEFAULT;

    private static void refused(ThrowingCallable creation, String... named) {
        assertThatThrownBy(creation).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(named);
    }

    @Nested
    @DisplayName("the defaults")
    class Defaults {
        @Test
        @DisplayName("follow Stack Exchange for reputation and the documented privilege table")
        void table() {
            assertThat(DEFAULTS.reputation()).isEqualTo(new TrustPolicy.Reputation(10, -2, 200));
            assertThat(DEFAULTS.levelFor(Privilege.POST_LINKS)).isEqualTo(TrustLevel.BASIC);
            assertThat(DEFAULTS.levelFor(Privilege.DOWNVOTE)).isEqualTo(TrustLevel.MEMBER);
            assertThat(DEFAULTS.levelFor(Privilege.CREATE_INVITES)).isEqualTo(TrustLevel.MEMBER);
            assertThat(DEFAULTS.serialVotes()).isEqualTo(new TrustPolicy.SerialVotes(10, Duration.ofHours(2)));
            assertThat(DEFAULTS.score()).isEqualTo(new TrustPolicy.Score(Duration.ofDays(90), false, 0.1));
        }

        @Test
        @DisplayName("follow Discourse for the level requirements")
        void levels() {
            assertThat(LEVELS.basic()).isEqualTo(new Activity(0, 5, 30, Duration.ofMinutes(10), 0, 0, 0));
            assertThat(LEVELS.member()).isEqualTo(new Activity(15, 20, 100, Duration.ofHours(1), 1, 1, 3));
            assertThat(LEVELS.regular()).isEqualTo(new Activity(50, 50, 250, Duration.ZERO, 30, 20, 10));
            assertThat(LEVELS.windowDays()).isEqualTo(100);
            assertThat(LEVELS.regularKeep()).isEqualTo(0.9);
        }
    }

    @Nested
    @DisplayName("out-of-range values are refused, naming the value,")
    class Ranges {
        @Test
        @DisplayName("for reputation")
        void reputation() {
            refused(() -> new TrustPolicy.Reputation(-1, -2, 200), "upvote", "-1");
            refused(() -> new TrustPolicy.Reputation(1001, -2, 200), "upvote", "1001");
            refused(() -> new TrustPolicy.Reputation(10, 1, 200), "downvote", "1");
            refused(() -> new TrustPolicy.Reputation(10, -1001, 200), "downvote", "-1001");
            refused(() -> new TrustPolicy.Reputation(10, -2, -1), "daily cap", "-1");
            refused(() -> new TrustPolicy.Reputation(10, -2, 1_000_001), "daily cap", "1000001");
            assertThat(new TrustPolicy.Reputation(0, 0, 0)).isNotNull();
            assertThat(new TrustPolicy.Reputation(1000, -1000, 1_000_000)).isNotNull();
        }

        @Test
        @DisplayName("for the level 3 window and keep share")
        void levels() {
            Activity a = Activity.NONE;
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ZERO, 0.9), "window", "PT0S");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(366), 0.9), "window", "PT8784H");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofHours(36), 0.9), "window", "PT36H");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(1).plusNanos(1), 0.9), "window");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(-1), 0.9), "window", "PT-24H");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(100), 0), "keep share", "0.0");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(100), -0.5), "keep share", "-0.5");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(100), 1.0001), "keep share", "1.0001");
            refused(() -> new TrustPolicy.Levels(a, a, a, Duration.ofDays(100), Double.NaN), "keep share", "NaN");
            assertThat(new TrustPolicy.Levels(a, a, a, Duration.ofDays(1), Double.MIN_VALUE).windowDays()).isOne();
            assertThat(new TrustPolicy.Levels(a, a, a, Duration.ofDays(365), 1.0).windowDays()).isEqualTo(365);
        }

        @Test
        @DisplayName("for the serial-voting guard")
        void serialVotes() {
            refused(() -> new TrustPolicy.SerialVotes(1, Duration.ofHours(2)), "serial votes", "1");
            refused(() -> new TrustPolicy.SerialVotes(1001, Duration.ofHours(2)), "serial votes", "1001");
            refused(() -> new TrustPolicy.SerialVotes(10, Duration.ofSeconds(59)), "window", "PT59S");
            refused(() -> new TrustPolicy.SerialVotes(10, Duration.ofDays(30).plusNanos(1)), "window", "PT720H0.000000001S");
            assertThat(new TrustPolicy.SerialVotes(2, Duration.ofMinutes(1))).isNotNull();
            assertThat(new TrustPolicy.SerialVotes(1000, Duration.ofDays(30))).isNotNull();
        }

        @Test
        @DisplayName("for the trust score")
        void score() {
            refused(() -> new TrustPolicy.Score(Duration.ofSeconds(-1), false, 0.1), "seed tenure", "PT-1S");
            refused(() -> new TrustPolicy.Score(Duration.ofDays(3651), false, 0.1), "seed tenure", "PT87624H");
            refused(() -> new TrustPolicy.Score(Duration.ofDays(90), false, -0.1), "floor", "-0.1");
            refused(() -> new TrustPolicy.Score(Duration.ofDays(90), false, 1000.5), "floor", "1000.5");
            refused(() -> new TrustPolicy.Score(Duration.ofDays(90), false, Double.NaN), "floor", "NaN");
            assertThat(new TrustPolicy.Score(Duration.ZERO, true, 0)).isNotNull();
            assertThat(new TrustPolicy.Score(Duration.ofDays(3650), true, 1000)).isNotNull();
        }

        @Test
        @DisplayName("for activity counts")
        void activity() {
            refused(() -> new Activity(-1, 0, 0, Duration.ZERO, 0, 0, 0), "cannot be negative");
            refused(() -> new Activity(0, 0, 0, Duration.ZERO, 0, 0, -3), "cannot be negative");
            refused(() -> new Activity(0, 0, 0, Duration.ofSeconds(-5), 0, 0, 0), "cannot be negative");
        }
    }

    @Nested
    @DisplayName("privileges")
    class Privileges {
        @Test
        @DisplayName("a map missing a privilege is refused, naming it")
        void missing() {
            Map<Privilege, TrustLevel> two = Map.of(Privilege.POST_LINKS, TrustLevel.BASIC, Privilege.DOWNVOTE, TrustLevel.MEMBER);
            refused(() -> new TrustPolicy(TrustPolicy.Reputation.DEFAULT, LEVELS, two, TrustPolicy.SerialVotes.DEFAULT,
                    TrustPolicy.Score.DEFAULT), "CREATE_INVITES");
        }

        @Test
        @DisplayName("the policy keeps its own copy of the map")
        void copied() {
            Map<Privilege, TrustLevel> map = new EnumMap<>(DEFAULTS.privileges());
            TrustPolicy policy = new TrustPolicy(TrustPolicy.Reputation.DEFAULT, LEVELS, map,
                    TrustPolicy.SerialVotes.DEFAULT, TrustPolicy.Score.DEFAULT);
            map.put(Privilege.DOWNVOTE, TrustLevel.NEW);
            assertThat(policy.levelFor(Privilege.DOWNVOTE)).isEqualTo(TrustLevel.MEMBER);
            assertThatThrownBy(() -> policy.privileges().put(Privilege.DOWNVOTE, TrustLevel.NEW))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("a with-method changes its part and leaves the rest as it was")
    class Withers {
        @Test
        @DisplayName("withPrivilege changes that privilege only")
        void privilege() {
            TrustPolicy changed = DEFAULTS.withPrivilege(Privilege.POST_LINKS, TrustLevel.REGULAR);
            assertThat(changed.levelFor(Privilege.POST_LINKS)).isEqualTo(TrustLevel.REGULAR);
            assertThat(changed.levelFor(Privilege.DOWNVOTE)).isEqualTo(TrustLevel.MEMBER);
            assertThat(changed.levelFor(Privilege.CREATE_INVITES)).isEqualTo(TrustLevel.MEMBER);
            assertThat(changed).usingRecursiveComparison().ignoringFields("privileges").isEqualTo(DEFAULTS);
            assertThat(DEFAULTS.levelFor(Privilege.POST_LINKS)).isEqualTo(TrustLevel.BASIC);
        }

        @Test
        @DisplayName("withReputation, withLevels, withSerialVotes and withScore change their part only")
        void parts() {
            var reputation = new TrustPolicy.Reputation(5, 0, 50);
            var levels = new TrustPolicy.Levels(Activity.NONE, LEVELS.member(), LEVELS.regular(), Duration.ofDays(30), 0.5);
            var serialVotes = new TrustPolicy.SerialVotes(3, Duration.ofMinutes(5));
            var score = TrustPolicy.Score.DEFAULT.weighingVotes(true);
            assertThat(DEFAULTS.withReputation(reputation)).isEqualTo(new TrustPolicy(reputation, DEFAULTS.levels(),
                    DEFAULTS.privileges(), DEFAULTS.serialVotes(), DEFAULTS.score()));
            assertThat(DEFAULTS.withLevels(levels)).isEqualTo(new TrustPolicy(DEFAULTS.reputation(), levels,
                    DEFAULTS.privileges(), DEFAULTS.serialVotes(), DEFAULTS.score()));
            assertThat(DEFAULTS.withSerialVotes(serialVotes)).isEqualTo(new TrustPolicy(DEFAULTS.reputation(),
                    DEFAULTS.levels(), DEFAULTS.privileges(), serialVotes, DEFAULTS.score()));
            assertThat(DEFAULTS.withScore(score)).isEqualTo(new TrustPolicy(DEFAULTS.reputation(), DEFAULTS.levels(),
                    DEFAULTS.privileges(), DEFAULTS.serialVotes(), score));
            assertThat(DEFAULTS).isEqualTo(TrustPolicy.defaults());
        }

        @Test
        @DisplayName("weighingVotes changes only whether votes are weighed")
        void weighing() {
            TrustPolicy.Score weighed = TrustPolicy.Score.DEFAULT.weighingVotes(true);
            assertThat(weighed).isEqualTo(new TrustPolicy.Score(Duration.ofDays(90), true, 0.1));
            assertThat(weighed.weighingVotes(false)).isEqualTo(TrustPolicy.Score.DEFAULT);
        }
    }
}
