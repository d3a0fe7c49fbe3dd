package dev.niche.examples.simulation;

import dev.niche.community.community.CommunityId;
import dev.niche.community.trust.TrustRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole story, day by day: the communities open and fill, their members come back, read and
 * talk, the brand takes part and opens its own community, the spammer comes and is dealt with. Every
 * night at {@value #RECOMPUTE_HOUR}:30 the host's scheduler recomputes each community's trust
 * scores, and once more when the run ends.
 */
final class Story {
    /** The hour of the nightly trust recomputation. */
    static final int RECOMPUTE_HOUR = 4;

    private final World world;
    private final Map<String, LiveCommunity> communities = new LinkedHashMap<>();
    private final Map<CommunityId, TrustRun> trustRuns = new LinkedHashMap<>();
    private final Attendance attendance;
    private final MemberLife life;
    private final BrandArc brand;
    private final SpamArc spam;

    Story(World world) {
        this.world = world;
        this.attendance = new Attendance(world);
        this.life = new MemberLife(world, attendance);
        this.brand = new BrandArc(world, attendance, this::community, this::opened);
        this.spam = new SpamArc(world, attendance, this::community);
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
            world.agenda().at(World.dayStart(day), () -> communities.values().forEach(c -> {
                life.planDay(c, today);
                attendance.planDay(c, today);
            }));
            world.agenda().at(World.at(day, RECOMPUTE_HOUR * 60 + 30), this::recomputeTrust);
            world.agenda().runUntil(World.dayStart(day + 1));
            if ((day + 1) % step == 0 || day + 1 == days) {
                progress.printf(Locale.ROOT, "simulated day %d of %d: %d posts, %d events%n",
                        day + 1, days, world.ledger().posts().size(), world.events().events().size());
            }
        }
        recomputeTrust();
    }

    /** What the host's scheduler does: recomputes every community's trust scores. */
    private void recomputeTrust() {
        for (LiveCommunity community : communities.values()) {
            trustRuns.put(community.id(), world.engine().trust().recompute(community.id()));
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

    /** The latest trust recomputation of each community: the one at the end of the run. */
    Map<CommunityId, TrustRun> trustRuns() {
        return Map.copyOf(trustRuns);
    }
}
