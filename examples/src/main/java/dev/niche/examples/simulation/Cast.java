package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.CommunityEngine;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everyone in the story. Registers their pseudonyms with the engine and remembers whose each one is,
 * as the host application would in its own user table.
 */
final class Cast {
    private static final List<String> FIRST = List.of("calm", "brave", "quiet", "sunny", "rainy", "late", "early",
            "wild", "tiny", "grand", "crisp", "mellow", "nimble", "lucky", "dusty", "velvet", "silver", "amber",
            "misty", "bold", "gentle", "rusty", "frosty", "cosy", "swift", "shy", "noble", "plain", "odd", "merry",
            "salty", "sweet", "stormy", "golden", "hazy", "jolly", "lunar", "neon", "polar", "wistful");
    private static final List<String> SECOND = List.of("pilot", "baker", "owl", "fox", "crumb", "loaf", "wing",
            "cloud", "reel", "frame", "shadow", "kettle", "whisk", "rye", "cabin", "runway", "ticket", "detective",
            "window", "seat", "oven", "dough", "spool", "lens", "hatch", "compass", "biscuit", "scone", "gull", "heron",
            "lantern", "marble", "pepper", "rook", "sparrow", "tulip", "walrus", "yeti", "zephyr", "quill");
    /** How heavy the tail of activity is: lower means a few people do even more of the work. */
    private static final double ACTIVITY_TAIL = 1.2;
    private static final double MOST_ACTIVE = 15;
    /** The share of members who mostly read, taking part a twentieth as often as others. */
    private static final double LURKERS = 0.5;
    /** The least and the most likely that someone comes back on a given day just to read. */
    private static final double LEAST_LOYAL = 0.05;
    private static final double MOST_LOYAL = 0.6;

    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final List<Person> people = new ArrayList<>();
    private final Map<PseudonymId, Person> owners = new HashMap<>();
    private final Map<PseudonymId, String> handles = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    Cast(CommunityEngine engine, SplittableRandom random) {
        this.engine = engine;
        this.random = random;
    }

    /**
     * A new person with a made-up handle and an activity drawn from a Pareto distribution, so that
     * a few members write much of what a community reads and many mostly read, as in real ones. How
     * often they come back just to read is drawn apart from it: many who rarely post still read daily.
     */
    Person newMember() {
        double activity = Math.min(MOST_ACTIVE, Math.pow(1 - random.nextDouble(), -1 / ACTIVITY_TAIL))
                * (random.nextDouble() < LURKERS ? 0.05 : 1);
        double loyalty = LEAST_LOYAL + (MOST_LOYAL - LEAST_LOYAL) * random.nextDouble();
        Person person = new Person(AccountId.of("host-user-" + (people.size() + 1)), activity, loyalty, false);
        people.add(person);
        register(person, freshHandle());
        return person;
    }

    /** A new person with a chosen handle who acts only as a story arc says, such as the brand. */
    Person newScripted(String hostKey, String handle) {
        Person person = new Person(AccountId.of(hostKey), 1, 0, true);
        people.add(person);
        register(person, handle);
        return person;
    }

    /** Registers another pseudonym for {@code person}, as someone who keeps a community apart does. */
    PseudonymView anotherPseudonym(Person person) {
        return register(person, freshHandle());
    }

    /** The person behind a pseudonym of the story. */
    Person owner(PseudonymId pseudonym) {
        Person person = owners.get(pseudonym);
        if (person == null) {
            throw new IllegalArgumentException("pseudonym " + pseudonym + " is not in the story");
        }
        return person;
    }

    String handle(PseudonymId pseudonym) {
        String handle = handles.get(pseudonym);
        if (handle == null) {
            throw new IllegalArgumentException("pseudonym " + pseudonym + " is not in the story");
        }
        return handle;
    }

    /** Everyone, in the order they appeared. */
    List<Person> people() {
        return List.copyOf(people);
    }

    private PseudonymView register(Person person, String handle) {
        taken.add(handle);
        PseudonymView pseudonym = engine.identities().register(person.account(), new RegisterPseudonym(handle));
        person.registered(pseudonym);
        owners.put(pseudonym.id(), person);
        handles.put(pseudonym.id(), pseudonym.handle());
        return pseudonym;
    }

    private String freshHandle() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String handle = pick(FIRST) + "_" + pick(SECOND);
            if (!taken.contains(handle)) {
                return handle;
            }
        }
        String handle;
        do {
            handle = pick(FIRST) + "_" + pick(SECOND) + (10 + random.nextInt(990));
        } while (taken.contains(handle));
        return handle;
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
