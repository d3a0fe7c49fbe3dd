package dev.niche.community.trust;

import java.time.Duration;
import java.util.Objects;

/**
 * A member's activity in one community over some period, as the engine recorded it. Visits and reading
 * are reported by the host ({@link Trust#recordVisit}, {@link Trust#recordReading}); replies and votes
 * are counted by the engine.
 *
 * @param daysVisited      distinct days (UTC) with a reported visit
 * @param threadsEntered   distinct threads the member read
 * @param postsRead        posts read, as the host reported them
 * @param readingTime      time spent reading, as the host reported it
 * @param votesGiven       up votes the member cast that counted
 * @param votesReceived    up votes the member's posts received that counted
 * @param threadsRepliedTo distinct threads the member replied in
 */
public record Activity(
        long daysVisited,
        long threadsEntered,
        long postsRead,
        Duration readingTime,
        long votesGiven,
        long votesReceived,
        long threadsRepliedTo) {

    /** No activity at all. */
    public static final Activity NONE = new Activity(0, 0, 0, Duration.ZERO, 0, 0, 0);

    public Activity {
        Objects.requireNonNull(readingTime, "readingTime");
        if (daysVisited < 0 || threadsEntered < 0 || postsRead < 0 || readingTime.isNegative()
                || votesGiven < 0 || votesReceived < 0 || threadsRepliedTo < 0) {
            throw new IllegalArgumentException("activity counts cannot be negative: days visited " + daysVisited
                    + ", threads entered " + threadsEntered + ", posts read " + postsRead + ", reading time "
                    + readingTime + ", votes given " + votesGiven + ", votes received " + votesReceived
                    + ", threads replied to " + threadsRepliedTo);
        }
    }

    /** Whether this activity meets every one of {@code requirements}. */
    public boolean meets(Activity requirements) {
        return meets(requirements, 1.0);
    }

    /**
     * Whether this activity reaches {@code fraction} of every one of {@code requirements}; a trust level
     * 3 member keeps the level while it reaches 0.9 of each.
     */
    public boolean meets(Activity requirements, double fraction) {
        return daysVisited >= share(requirements.daysVisited, fraction)
                && threadsEntered >= share(requirements.threadsEntered, fraction)
                && postsRead >= share(requirements.postsRead, fraction)
                && readingTime.toSeconds() >= share(requirements.readingTime.toSeconds(), fraction)
                && votesGiven >= share(requirements.votesGiven, fraction)
                && votesReceived >= share(requirements.votesReceived, fraction)
                && threadsRepliedTo >= share(requirements.threadsRepliedTo, fraction);
    }

    /**
     * {@code fraction} of {@code required}, rounded up, computed in decimal so that 0.07 of 100 is 7,
     * not the 8 that binary floating point would give.
     */
    private static long share(long required, double fraction) {
        return new java.math.BigDecimal(Double.toString(fraction)).multiply(java.math.BigDecimal.valueOf(required))
                .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }
}
