package dev.niche.examples.simulation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole story, day by day: the communities open and fill, their members talk, the brand takes
 * part and opens its own community, the spammer comes and is dealt with.
 */
final class Story {
    private final World world;
    private final Map<String, LiveCommunity> communities = new LinkedHashMap<>();
    private final MemberLife life;
    private final BrandArc brand;
    private final SpamArc spam;

    Story(World world) {
        this.world = world;
        this.life = new MemberLife(world);
        this.brand = new BrandArc(world, this::community, this::opened);
        this.spam = new SpamArc(world, this::community);
    }

    /** Plays every day, reporting progress to {@code progress} about ten times in all. */
    void play(PrintStream progress) {
        new Openings(world, this::opened).schedule();
        brand.schedule();
        spam.schedule();
        int days = world.settings().days();
        int step = Math.max(1, days / 10);
        for (int day = 0; day < days; day++) {
            int today = day;
            world.agenda().at(World.dayStart(day), () -> communities.values().forEach(c -> life.planDay(c, today)));
            world.agenda().runUntil(World.dayStart(day + 1));
            if ((day + 1) % step == 0 || day + 1 == days) {
                progress.printf(Locale.ROOT, "simulated day %d of %d: %d posts, %d events%n",
                        day + 1, days, world.ledger().posts().size(), world.events().events().size());
            }
        }
    }

    private void opened(LiveCommunity community) {
        communities.put(community.slug(), community);
    }

    LiveCommunity community(String slug) {
        LiveCommunity community = communities.get(slug);
        if (community == null) {
            throw new IllegalArgumentException("community " + slug + " has not opened");
        }
        return community;
    }

    /** The communities in the order they opened. */
    List<LiveCommunity> communities() {
        return new ArrayList<>(communities.values());
    }

    BrandArc brand() {
        return brand;
    }

    SpamArc spam() {
        return spam;
    }
}
