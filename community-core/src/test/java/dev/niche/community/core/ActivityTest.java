package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.trust.Activity;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Whether activity meets requirements")
class ActivityTest {
    private static final Activity REQUIRED = new Activity(10, 5, 30, Duration.ofMinutes(10), 20, 3, 1);

    /** Each field of {@link #REQUIRED}, lowered by one unit (one second for reading time). */
    static Stream<Arguments> oneShort() {
        return Stream.of(
                Arguments.of("days visited", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited() - 1,
                        a.threadsEntered(), a.postsRead(), a.readingTime(), a.votesGiven(), a.votesReceived(), a.threadsRepliedTo())),
                Arguments.of("threads entered", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited(),
                        a.threadsEntered() - 1, a.postsRead(), a.readingTime(), a.votesGiven(), a.votesReceived(), a.threadsRepliedTo())),
                Arguments.of("posts read", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited(),
                        a.threadsEntered(), a.postsRead() - 1, a.readingTime(), a.votesGiven(), a.votesReceived(), a.threadsRepliedTo())),
                Arguments.of("reading time", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited(),
                        a.threadsEntered(), a.postsRead(), a.readingTime().minusSeconds(1), a.votesGiven(), a.votesReceived(), a.threadsRepliedTo())),
                Arguments.of("votes given", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited(),
                        a.threadsEntered(), a.postsRead(), a.readingTime(), a.votesGiven() - 1, a.votesReceived(), a.threadsRepliedTo())),
                Arguments.of("votes received", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited(),
                        a.threadsEntered(), a.postsRead(), a.readingTime(), a.votesGiven(), a.votesReceived() - 1, a.threadsRepliedTo())),
                Arguments.of("threads replied to", (UnaryOperator<Activity>) a -> new Activity(a.daysVisited(),
                        a.threadsEntered(), a.postsRead(), a.readingTime(), a.votesGiven(), a.votesReceived(), a.threadsRepliedTo() - 1)));
    }

    @Nested
    @DisplayName("in full")
    class Full {
        @Test
        @DisplayName("activity exactly at every requirement meets them")
        void exactly() {
            assertThat(REQUIRED.meets(REQUIRED)).isTrue();
            assertThat(REQUIRED.meets(REQUIRED, 1.0)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.niche.community.core.ActivityTest#oneShort")
        @DisplayName("activity one short in a single field does not")
        void oneShort(String field, UnaryOperator<Activity> lower) {
            assertThat(lower.apply(REQUIRED).meets(REQUIRED)).isFalse();
        }

        @Test
        @DisplayName("reading time counts whole seconds")
        void wholeSeconds() {
            Activity almost = new Activity(10, 5, 30, Duration.ofMinutes(10).minusNanos(1), 20, 3, 1);
            assertThat(almost.meets(REQUIRED)).isFalse();
            Activity over = new Activity(10, 5, 30, Duration.ofMinutes(10).plusMillis(999), 20, 3, 1);
            assertThat(over.meets(REQUIRED)).isTrue();
        }

        @Test
        @DisplayName("no activity meets no requirements, and nothing else")
        void none() {
            assertThat(Activity.NONE.meets(Activity.NONE)).isTrue();
            assertThat(Activity.NONE.meets(REQUIRED)).isFalse();
            assertThat(REQUIRED.meets(Activity.NONE)).isTrue();
        }
    }

    @Nested
    @DisplayName("in part")
    class Part {
        @Test
        @DisplayName("a share rounds each requirement up: 90% of 5 is 5, 90% of 10 is 9")
        void roundsUp() {
            Activity required = new Activity(10, 5, 0, Duration.ZERO, 0, 0, 0);
            assertThat(new Activity(9, 5, 0, Duration.ZERO, 0, 0, 0).meets(required, 0.9)).isTrue();
            assertThat(new Activity(8, 5, 0, Duration.ZERO, 0, 0, 0).meets(required, 0.9)).isFalse();
            assertThat(new Activity(9, 4, 0, Duration.ZERO, 0, 0, 0).meets(required, 0.9)).isFalse();
        }

        @Test
        @DisplayName("Discourse's level 3 bar at 90% is 45 days, 45 threads, 225 posts, 27 votes given, 18 received, 9 threads")
        void discourseKeep() {
            Activity regular = new Activity(50, 50, 250, Duration.ZERO, 30, 20, 10);
            Activity atNinety = new Activity(45, 45, 225, Duration.ZERO, 27, 18, 9);
            assertThat(atNinety.meets(regular, 0.9)).isTrue();
            assertThat(atNinety.meets(regular)).isFalse();
            assertThat(new Activity(44, 45, 225, Duration.ZERO, 27, 18, 9).meets(regular, 0.9)).isFalse();
            assertThat(new Activity(45, 44, 225, Duration.ZERO, 27, 18, 9).meets(regular, 0.9)).isFalse();
            assertThat(new Activity(45, 45, 224, Duration.ZERO, 27, 18, 9).meets(regular, 0.9)).isFalse();
            assertThat(new Activity(45, 45, 225, Duration.ZERO, 26, 18, 9).meets(regular, 0.9)).isFalse();
            assertThat(new Activity(45, 45, 225, Duration.ZERO, 27, 17, 9).meets(regular, 0.9)).isFalse();
            assertThat(new Activity(45, 45, 225, Duration.ZERO, 27, 18, 8).meets(regular, 0.9)).isFalse();
        }

        @Test
        @DisplayName("reading time rounds up to whole seconds: half of 9 seconds is 5")
        void readingRoundsUp() {
            Activity required = new Activity(0, 0, 0, Duration.ofSeconds(9), 0, 0, 0);
            assertThat(new Activity(0, 0, 0, Duration.ofSeconds(5), 0, 0, 0).meets(required, 0.5)).isTrue();
            assertThat(new Activity(0, 0, 0, Duration.ofMillis(4999), 0, 0, 0).meets(required, 0.5)).isFalse();
        }

        @Test
        @DisplayName("any positive share of a requirement of one is one")
        void tinyShare() {
            Activity one = new Activity(1, 1, 1, Duration.ofSeconds(1), 1, 1, 1);
            assertThat(Activity.NONE.meets(one, Double.MIN_VALUE)).isFalse();
            assertThat(one.meets(one, Double.MIN_VALUE)).isTrue();
        }
    }
}
