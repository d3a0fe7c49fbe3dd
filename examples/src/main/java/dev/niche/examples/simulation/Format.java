package dev.niche.examples.simulation;

import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the report writes times, durations, scores and long texts. */
final class Format {
    private Format() {}

    /** A simulated moment as "day 3 09:12", counting the first day as day 1. */
    static String moment(Instant at) {
        Duration since = Duration.between(World.START, at);
        long minutes = since.toMinutes();
        return String.format(Locale.ROOT, "day %d %02d:%02d", minutes / (24 * 60) + 1, minutes / 60 % 24, minutes % 60);
    }

    /** A duration as "1 h 42 min", "35 min" or "2 d 3 h". */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " d " + minutes / 60 % 24 + " h";
    }

    /** A score with its sign: "+3", "-1", "+0". */
    static String score(int score) {
        return (score < 0 ? "" : "+") + score;
    }

    /** The text cut to {@code max} characters, with an ellipsis where it was cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A count with its noun, in the singular for one: "1 reply", "3 replies". */
    static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** What a privilege lets a member do, as a verb phrase: "post links". */
    static String privilege(Privilege privilege) {
        return switch (privilege) {
            case POST_LINKS -> "post links";
            case DOWNVOTE -> "vote down";
            case CREATE_INVITES -> "create invites";
        };
    }

    /** A trust level as "2 MEMBER". */
    static String level(TrustLevel level) {
        return level.number() + " " + level.name();
    }

    /** A trust score with two decimals, or "-" when the member was not scored. */
    static String trust(@Nullable Double score) {
        return score == null ? "-" : String.format(Locale.ROOT, "%.2f", score);
    }
}
