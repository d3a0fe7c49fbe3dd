package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.DiscoveryQuery;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What a newcomer finds when looking for communities about an interest, by tag or by words. */
final class DiscoverySection implements Section {

    /** An interest, and the query that looks for it. */
    record Interest(String label, DiscoveryQuery query) {}

    static final List<Interest> INTERESTS = List.of(
            new Interest("tag \"vegan\"", DiscoveryQuery.byTag("vegan")),
            new Interest("words \"flying\"", DiscoveryQuery.byText("flying")),
            new Interest("tag \"film\"", DiscoveryQuery.byTag("film")));

    private final CommunityEngine engine;

    DiscoverySection(CommunityEngine engine) {
        this.engine = engine;
    }

    @Override
    public String title() {
        return "Discovery: communities a newcomer finds";
    }

    @Override
    public void print(PrintStream out) {
        for (Interest interest : INTERESTS) {
            List<CommunityView> found = engine.communities()
                    .discover(Viewer.anonymous(), interest.query(), PageRequest.first(10)).items();
            out.printf(Locale.ROOT, "%s: %s%n", interest.label(), Format.count(found.size(), "community", "communities"));
            for (CommunityView community : found) {
                out.printf(Locale.ROOT, "  %-16s %-22s %4d members  %s, %s%n", community.slug(), community.title(),
                        community.memberCount(), lower(community.visibility()), lower(community.joinPolicy()));
                out.println("      " + Format.cut(community.description(), 96));
            }
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
