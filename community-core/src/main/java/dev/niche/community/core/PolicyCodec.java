package dev.niche.community.core;

import dev.niche.community.trust.Activity;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text form in which a community's {@link TrustPolicy} is stored: a version line, then one
 * {@code key=value} line per setting. Stores keep it as opaque text.
 */
final class PolicyCodec {
    private static final String VERSION = "niche-trust-policy 1";

    private PolicyCodec() {}

    static String encode(TrustPolicy policy) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reputation.upvote", Integer.toString(policy.reputation().upvote()));
        values.put("reputation.downvote", Integer.toString(policy.reputation().downvote()));
        values.put("reputation.dailyCap", Integer.toString(policy.reputation().dailyCap()));
        putActivity(values, "levels.basic", policy.levels().basic());
        putActivity(values, "levels.member", policy.levels().member());
        putActivity(values, "levels.regular", policy.levels().regular());
        values.put("levels.regularWindow", policy.levels().regularWindow().toString());
        values.put("levels.regularKeep", Double.toString(policy.levels().regularKeep()));
        for (Privilege privilege : Privilege.values()) {
            values.put("privilege." + privilege.name(), policy.levelFor(privilege).name());
        }
        values.put("serialVotes.votes", Integer.toString(policy.serialVotes().votes()));
        values.put("serialVotes.window", policy.serialVotes().window().toString());
        values.put("score.seedTenure", policy.score().seedTenure().toString());
        values.put("score.weighVotes", Boolean.toString(policy.score().weighVotes()));
        values.put("score.floor", Double.toString(policy.score().floor()));
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** @throws IllegalStateException if the text is not a policy this codec wrote */
    static TrustPolicy decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(VERSION)) {
            throw unreadable("unknown version");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq < 0) {
                throw unreadable("line " + (i + 1) + " has no '='");
            }
            values.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        TrustPolicy policy;
        try {
            Map<Privilege, TrustLevel> privileges = new EnumMap<>(Privilege.class);
            for (Privilege privilege : Privilege.values()) {
                privileges.put(privilege, TrustLevel.valueOf(get(values, "privilege." + privilege.name())));
            }
            policy = new TrustPolicy(
                    new TrustPolicy.Reputation(integer(values, "reputation.upvote"),
                            integer(values, "reputation.downvote"), integer(values, "reputation.dailyCap")),
                    new TrustPolicy.Levels(activity(values, "levels.basic"), activity(values, "levels.member"),
                            activity(values, "levels.regular"), Duration.parse(get(values, "levels.regularWindow")),
                            Double.parseDouble(get(values, "levels.regularKeep"))),
                    privileges,
                    new TrustPolicy.SerialVotes(integer(values, "serialVotes.votes"),
                            Duration.parse(get(values, "serialVotes.window"))),
                    new TrustPolicy.Score(Duration.parse(get(values, "score.seedTenure")),
                            bool(values, "score.weighVotes"),
                            Double.parseDouble(get(values, "score.floor"))));
        } catch (RuntimeException e) {
            throw unreadable(e.getMessage());
        }
        String canonical = encode(policy);
        if (!canonical.equals(text)) {
            throw unreadable("it holds keys or spellings this version does not write");
        }
        return policy;
    }

    private static void putActivity(Map<String, String> values, String prefix, Activity a) {
        values.put(prefix + ".daysVisited", Long.toString(a.daysVisited()));
        values.put(prefix + ".threadsEntered", Long.toString(a.threadsEntered()));
        values.put(prefix + ".postsRead", Long.toString(a.postsRead()));
        values.put(prefix + ".readingTime", a.readingTime().toString());
        values.put(prefix + ".votesGiven", Long.toString(a.votesGiven()));
        values.put(prefix + ".votesReceived", Long.toString(a.votesReceived()));
        values.put(prefix + ".threadsRepliedTo", Long.toString(a.threadsRepliedTo()));
    }

    private static Activity activity(Map<String, String> values, String prefix) {
        return new Activity(number(values, prefix + ".daysVisited"), number(values, prefix + ".threadsEntered"),
                number(values, prefix + ".postsRead"), Duration.parse(get(values, prefix + ".readingTime")),
                number(values, prefix + ".votesGiven"), number(values, prefix + ".votesReceived"),
                number(values, prefix + ".threadsRepliedTo"));
    }

    private static String get(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static boolean bool(Map<String, String> values, String key) {
        String value = get(values, key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + " is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    private static int integer(Map<String, String> values, String key) {
        return Integer.parseInt(get(values, key));
    }

    private static long number(Map<String, String> values, String key) {
        return Long.parseLong(get(values, key));
    }

    private static IllegalStateException unreadable(@Nullable String why) {
        return new IllegalStateException("the stored trust policy cannot be read: " + why);
    }
}
