package dev.niche.examples.simulation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A short health summary of every community, one line each. */
final class HealthSection implements Section {
    private final List<CommunityHealth> health;
    private final int days;

    HealthSection(List<CommunityHealth> health, int days) {
        this.health = List.copyOf(health);
        this.days = days;
    }

    @Override
    public String title() {
        return "Community health at the end of day " + days;
    }

    @Override
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "  %-16s %7s %10s %12s %12s %9s  %s%n", "community", "members", "active 7d",
                "threads/day", "replies/day", "answered", "first reply (median)");
        for (CommunityHealth community : health) {
            out.printf(Locale.ROOT, "  %-16s %7d %10d %12.1f %12.1f %8.0f%%  %s%n", community.slug(), community.members(),
                    community.activeMembers(), community.threadsPerDay(), community.repliesPerDay(),
                    100 * community.answeredShare(),
                    community.medianFirstReply() == null ? "none yet" : Format.duration(community.medianFirstReply()));
        }
        out.println("  (active 7d: members who posted or voted in the last 7 days; answered: threads with a reply;");
        out.println("   per-day figures count from the day each community opened)");
    }
}
