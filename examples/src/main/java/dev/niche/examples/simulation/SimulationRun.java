package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.post.ThreadView;
import java.util.List;

/**
 * What a run leaves behind besides its output: the world it played in, so that tests can hold the
 * story against the engine, and the figures it printed.
 *
 * @param world      the engine, ledger, events and cast of the run
 * @param story      the communities as the story played them, and its arcs
 * @param census     everything read back from the engine at the end
 * @param health     the health summary, one per community
 * @param tree       the thread the report printed as a tree
 * @param moderation the moderation log the report printed
 * @param reputation the reputation and trust figures the report printed
 */
record SimulationRun(
        World world,
        Story story,
        Census census,
        List<CommunityHealth> health,
        ThreadView tree,
        List<ModerationSection.Entry> moderation,
        ReputationSection reputation) {

    SimulationRun {
        health = List.copyOf(health);
        moderation = List.copyOf(moderation);
    }

    CommunityEngine engine() {
        return world.engine();
    }
}
