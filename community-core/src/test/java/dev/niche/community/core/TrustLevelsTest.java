package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Trust levels under Discourse's defaults")
class TrustLevelsTest {
    private static final TrustPolicy.Levels RULES = TrustPolicy.Levels.DEFAULT;
    /** Level 1 exactly: 5 threads entered, 30 posts read, 10 minutes reading. */
    private static final Activity BASIC = new Activity(0, 5, 30, Duration.ofMinutes(10), 0, 0, 0);
    /** Level 2 exactly: 15 days, 20 threads, 100 posts, an hour, a vote each way, replies in 3 threads. */
    private static final Activity MEMBER = new Activity(15, 20, 100, Duration.ofHours(1), 1, 1, 3);
    /** Level 3 exactly, within the window. */
    private static final Activity REGULAR = new Activity(50, 50, 250, Duration.ZERO, 30, 20, 10);

    private static TrustLevel next(TrustLevel current, Activity allTime, Activity recent) {
        return TrustLevels.next(current, allTime, recent, RULES);
    }

    @Nested
    @DisplayName("a new member")
    class New {
        @Test
        @DisplayName("reaches level 1 with 5 threads, 30 posts and 10 minutes of reading")
        void rises() {
            assertThat(next(TrustLevel.NEW, BASIC, Activity.NONE)).isEqualTo(TrustLevel.BASIC);
        }

        @Test
        @DisplayName("stays at level 0 one post or one second short")
        void stays() {
            assertThat(next(TrustLevel.NEW, new Activity(0, 5, 29, Duration.ofMinutes(10), 0, 0, 0), Activity.NONE))
                    .isEqualTo(TrustLevel.NEW);
            assertThat(next(TrustLevel.NEW, new Activity(0, 5, 30, Duration.ofSeconds(599), 0, 0, 0), Activity.NONE))
                    .isEqualTo(TrustLevel.NEW);
        }

        @Test
        @DisplayName("rises one level per evaluation even with activity enough for level 3")
        void oneAtATime() {
            Activity plenty = new Activity(100, 100, 1000, Duration.ofHours(10), 100, 100, 100);
            TrustLevel once = next(TrustLevel.NEW, plenty, plenty);
            TrustLevel twice = next(once, plenty, plenty);
            TrustLevel thrice = next(twice, plenty, plenty);
            assertThat(once).isEqualTo(TrustLevel.BASIC);
            assertThat(twice).isEqualTo(TrustLevel.MEMBER);
            assertThat(thrice).isEqualTo(TrustLevel.REGULAR);
            assertThat(next(thrice, plenty, plenty)).isEqualTo(TrustLevel.REGULAR);
        }
    }

    @Nested
    @DisplayName("a level 1 member")
    class Basic {
        @Test
        @DisplayName("reaches level 2 on all its activity, whatever its recent activity")
        void rises() {
            assertThat(next(TrustLevel.BASIC, MEMBER, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
        }

        @Test
        @DisplayName("stays at level 1 without replies in 3 threads, and is not demoted with no activity")
        void stays() {
            assertThat(next(TrustLevel.BASIC, new Activity(15, 20, 100, Duration.ofHours(1), 1, 1, 2), MEMBER))
                    .isEqualTo(TrustLevel.BASIC);
            assertThat(next(TrustLevel.BASIC, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.BASIC);
        }
    }

    @Nested
    @DisplayName("a level 2 member")
    class Member {
        @Test
        @DisplayName("reaches level 3 on its recent activity only")
        void rises() {
            assertThat(next(TrustLevel.MEMBER, Activity.NONE, REGULAR)).isEqualTo(TrustLevel.REGULAR);
            assertThat(next(TrustLevel.MEMBER, REGULAR, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
        }

        @Test
        @DisplayName("needs every level 3 requirement in full to rise: 90% is not enough")
        void full() {
            Activity ninety = new Activity(45, 45, 225, Duration.ZERO, 27, 18, 9);
            assertThat(next(TrustLevel.MEMBER, ninety, ninety)).isEqualTo(TrustLevel.MEMBER);
        }
    }

    @Nested
    @DisplayName("a level 3 member")
    class Regular {
        @Test
        @DisplayName("keeps level 3 at 90% of each requirement")
        void kept() {
            assertThat(next(TrustLevel.REGULAR, Activity.NONE, new Activity(45, 45, 225, Duration.ZERO, 27, 18, 9)))
                    .isEqualTo(TrustLevel.REGULAR);
        }

        @Test
        @DisplayName("falls back to level 2, not lower, below 90% of any one requirement")
        void falls() {
            assertThat(next(TrustLevel.REGULAR, REGULAR, new Activity(45, 45, 225, Duration.ZERO, 27, 17, 9)))
                    .isEqualTo(TrustLevel.MEMBER);
            assertThat(next(TrustLevel.REGULAR, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.MEMBER);
        }
    }

    @Nested
    @DisplayName("a leader")
    class Leader {
        @Test
        @DisplayName("stays a leader with no activity at all")
        void stays() {
            assertThat(next(TrustLevel.LEADER, Activity.NONE, Activity.NONE)).isEqualTo(TrustLevel.LEADER);
        }
    }
}
