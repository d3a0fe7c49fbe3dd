package dev.niche.community.trust;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One community's rules of reputation and trust. Every threshold can be set per community with
 * {@link Trust#setPolicy}; communities without their own policy follow the engine's default, which is
 * {@link #defaults()} unless the host configured another.
 *
 * <pre>{@code
 * TrustPolicy strict = TrustPolicy.defaults()
 *         .withPrivilege(Privilege.POST_LINKS, TrustLevel.MEMBER)
 *         .withScore(TrustPolicy.Score.DEFAULT.weighingVotes(true));
 * engine.trust().setPolicy(owner, community, strict);
 * }</pre>
 *
 * @param reputation  what a received vote is worth, and the daily cap
 * @param levels      what each earned trust level requires
 * @param privileges  the level each privilege needs; every privilege is present
 * @param serialVotes when votes from one account on one author stop counting
 * @param score       how the sybil-resistant trust score is seeded and used
 */
public record TrustPolicy(
        Reputation reputation, Levels levels, Map<Privilege, TrustLevel> privileges, SerialVotes serialVotes, Score score) {

    /**
     * @throws IllegalArgumentException if a privilege has no level
     */
    public TrustPolicy {
        Objects.requireNonNull(reputation, "reputation");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(serialVotes, "serialVotes");
        Objects.requireNonNull(score, "score");
        EnumMap<Privilege, TrustLevel> copy = new EnumMap<>(Privilege.class);
        copy.putAll(Objects.requireNonNull(privileges, "privileges"));
        for (Privilege privilege : Privilege.values()) {
            if (!copy.containsKey(privilege)) {
                throw new IllegalArgumentException("privilege " + privilege + " needs a trust level");
            }
        }
        privileges = Map.copyOf(copy);
    }

    /**
     * The defaults, after Stack Exchange for reputation and Discourse for trust levels: see
     * {@link Reputation#DEFAULT}, {@link Levels#DEFAULT}, the table on {@link Privilege},
     * {@link SerialVotes#DEFAULT} and {@link Score#DEFAULT}.
     */
    public static TrustPolicy defaults() {
        return new TrustPolicy(Reputation.DEFAULT, Levels.DEFAULT, Map.of(
                Privilege.POST_LINKS, TrustLevel.BASIC,
                Privilege.DOWNVOTE, TrustLevel.MEMBER,
                Privilege.CREATE_INVITES, TrustLevel.MEMBER), SerialVotes.DEFAULT, Score.DEFAULT);
    }

    /** The level {@code privilege} needs. */
    public TrustLevel levelFor(Privilege privilege) {
        return Objects.requireNonNull(privileges.get(privilege), "every privilege has a level");
    }

    /** This policy with {@code privilege} needing {@code level}. */
    public TrustPolicy withPrivilege(Privilege privilege, TrustLevel level) {
        EnumMap<Privilege, TrustLevel> changed = new EnumMap<>(privileges);
        changed.put(Objects.requireNonNull(privilege, "privilege"), Objects.requireNonNull(level, "level"));
        return new TrustPolicy(reputation, levels, changed, serialVotes, score);
    }

    /** This policy with other reputation rules. */
    public TrustPolicy withReputation(Reputation newReputation) {
        return new TrustPolicy(newReputation, levels, privileges, serialVotes, score);
    }

    /** This policy with other level requirements. */
    public TrustPolicy withLevels(Levels newLevels) {
        return new TrustPolicy(reputation, newLevels, privileges, serialVotes, score);
    }

    /** This policy with another serial-voting guard. */
    public TrustPolicy withSerialVotes(SerialVotes newSerialVotes) {
        return new TrustPolicy(reputation, levels, privileges, newSerialVotes, score);
    }

    /** This policy with other trust score settings. */
    public TrustPolicy withScore(Score newScore) {
        return new TrustPolicy(reputation, levels, privileges, serialVotes, newScore);
    }

    /**
     * What a received vote is worth to its author's reputation in the community.
     *
     * @param upvote   points for a received up vote, 0 to 1000
     * @param downvote points for a received down vote, -1000 to 0
     * @param dailyCap the most points a pseudonym gains from up votes in one UTC day, 0 to 1,000,000;
     *                 down votes and reversals are never capped
     */
    public record Reputation(int upvote, int downvote, int dailyCap) {
        /** +10 per up vote, -2 per down vote, at most 200 a day, as on Stack Exchange. */
        public static final Reputation DEFAULT = new Reputation(10, -2, 200);

        /** @throws IllegalArgumentException if a value is out of its range */
        public Reputation {
            check(upvote >= 0 && upvote <= 1000, "upvote points " + upvote + " must be between 0 and 1000");
            check(downvote <= 0 && downvote >= -1000, "downvote points " + downvote + " must be between -1000 and 0");
            check(dailyCap >= 0 && dailyCap <= 1_000_000, "daily cap " + dailyCap + " must be between 0 and 1000000");
        }
    }

    /**
     * What each earned level requires. Levels 1 and 2 count all recorded activity; level 3 counts
     * activity within the last {@code regularWindow} and is kept while the member reaches
     * {@code regularKeep} of each requirement. A member rises one level at a time and never falls below
     * level 2 by these rules.
     *
     * @param basic         what level 1 requires
     * @param member        what level 2 requires
     * @param regular       what level 3 requires within the window
     * @param regularWindow the sliding window of level 3, in whole days, 1 to 365
     * @param regularKeep   the share of each level 3 requirement that keeps the level, above 0 and at most 1
     */
    public record Levels(Activity basic, Activity member, Activity regular, Duration regularWindow, double regularKeep) {
        /**
         * Discourse's defaults. Level 1: 5 threads entered, 30 posts read, 10 minutes reading. Level 2:
         * 15 days visited, 20 threads entered, 100 posts read, 60 minutes reading, 1 vote given and 1
         * received, replies in 3 threads. Level 3, over 100 days, kept at 90%: 50 days visited, 50
         * threads entered, 250 posts read, 30 votes given, 20 received, replies in 10 threads.
         * (Discourse states level 3's reading as 25% of the recent threads and posts; small communities
         * have few, so Niche counts them absolutely.)
         */
        public static final Levels DEFAULT = new Levels(
                new Activity(0, 5, 30, Duration.ofMinutes(10), 0, 0, 0),
                new Activity(15, 20, 100, Duration.ofMinutes(60), 1, 1, 3),
                new Activity(50, 50, 250, Duration.ZERO, 30, 20, 10),
                Duration.ofDays(100), 0.9);

        /** @throws IllegalArgumentException if the window or the keep share is out of range */
        public Levels {
            Objects.requireNonNull(basic, "basic");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(regular, "regular");
            Objects.requireNonNull(regularWindow, "regularWindow");
            check(regularWindow.toDays() >= 1 && regularWindow.toDays() <= 365
                            && regularWindow.equals(Duration.ofDays(regularWindow.toDays())),
                    "the level 3 window " + regularWindow + " must be 1 to 365 whole days");
            check(regularKeep > 0 && regularKeep <= 1, "the level 3 keep share " + regularKeep + " must be in (0, 1]");
        }

        /** The window in days. */
        public int windowDays() {
            return (int) regularWindow.toDays();
        }
    }

    /**
     * The serial-voting guard: once one account has voted {@code votes} times on one author's posts
     * within {@code window}, that vote and the following ones in the window are kept but earn no
     * reputation, and they do not count where votes are weighed by trust.
     *
     * @param votes  the vote that trips the guard, 2 to 1000
     * @param window the window, 1 minute to 30 days
     */
    public record SerialVotes(int votes, Duration window) {
        /** The 10th vote within 2 hours, like Reddit's. */
        public static final SerialVotes DEFAULT = new SerialVotes(10, Duration.ofHours(2));

        /** @throws IllegalArgumentException if a value is out of its range */
        public SerialVotes {
            Objects.requireNonNull(window, "window");
            check(votes >= 2 && votes <= 1000, "serial votes " + votes + " must be between 2 and 1000");
            check(window.compareTo(Duration.ofMinutes(1)) >= 0 && window.compareTo(Duration.ofDays(30)) <= 0,
                    "serial-vote window " + window + " must be between 1 minute and 30 days");
        }
    }

    /**
     * The trust score: who seeds it and whether it weighs votes.
     *
     * @param seedTenure  members active at least this long seed the score, with the owner and
     *                    moderators; 0 to 3650 days
     * @param weighVotes  whether votes weigh by trust: a vote from an account whose score is below
     *                    {@code floor} is kept but neither counts in rankings nor earns reputation
     * @param floor       the score below which votes do not count when {@code weighVotes}; scores are
     *                    scaled so that the average member has 1.0; 0 to 1000
     */
    public record Score(Duration seedTenure, boolean weighVotes, double floor) {
        /** Seeded by members of 90 days, votes not weighed, floor 0.1. */
        public static final Score DEFAULT = new Score(Duration.ofDays(90), false, 0.1);

        /** @throws IllegalArgumentException if a value is out of its range */
        public Score {
            Objects.requireNonNull(seedTenure, "seedTenure");
            check(!seedTenure.isNegative() && seedTenure.compareTo(Duration.ofDays(3650)) <= 0,
                    "seed tenure " + seedTenure + " must be between 0 and 3650 days");
            check(floor >= 0 && floor <= 1000, "trust floor " + floor + " must be between 0 and 1000");
        }

        /** These settings with votes weighed by trust, or not. */
        public Score weighingVotes(boolean weigh) {
            return new Score(seedTenure, weigh, floor);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
