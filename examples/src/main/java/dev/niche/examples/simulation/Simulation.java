package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ThreadView;
import dev.niche.community.spi.CommunityStore;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Plays the story on a store, then reads the engine back and prints the report. */
final class Simulation {
    private Simulation() {}

    /**
     * Runs the simulation on {@code store}, which must be empty, printing the report to {@code out}
     * and progress to {@code progress}.
     */
    static SimulationRun run(SimulationSettings settings, CommunityStore store, PrintStream out, PrintStream progress) {
        World world = new World(settings, store);
        Story story = new Story(world);
        story.play(progress);
        progress.println("reading the communities back from the engine");

        CommunityEngine engine = world.engine();
        Map<CommunityId, String> slugs = new LinkedHashMap<>();
        story.communities().forEach(community -> slugs.put(community.id(), community.slug()));
        Census census = Census.take(engine, List.copyOf(slugs.keySet()));
        List<CommunityHealth> health = CommunityHealth.survey(engine, census, world.events().events(), world.now());

        List<String> opening = Themes.OPENING.stream().map(Theme::slug).toList();
        Set<PostId> excluded = story.communities().stream()
                .flatMap(community -> community.threads().stream())
                .filter(thread -> thread.spam() || thread.welcome())
                .map(LiveCommunity.Thread::root)
                .collect(Collectors.toSet());
        Census.ThreadCensus liveliest = ThreadTreeSection.liveliest(census, opening, excluded);
        ThreadView tree = engine.posts().thread(Viewer.anonymous(), liveliest.root().id(), ThreadTreeSection.PAGE);

        BrandArc brand = story.brand();
        Person brandPerson = brand.brand().orElseThrow(() -> new IllegalStateException("the brand never arrived"));
        CommunityId kitchen = brand.kitchen().orElseThrow(() -> new IllegalStateException("the brand never opened its community"));
        ModerationSection moderation = new ModerationSection(engine, world.events().events(), world.ledger().refusals(),
                world.cast()::handle, slugs);

        ReputationSection reputation = ReputationSection.of(engine, story, world);

        // The report's sections, in print order. Each reads its figures from the engine.
        List<Section> sections = List.of(
                new DiscoverySection(engine),
                new HotFeedSection(engine, feedReader(world.cast()), slugs),
                new ThreadTreeSection(tree, Objects.requireNonNull(slugs.get(liveliest.root().community()), "every community has a slug")),
                reputation,
                new BrandSection(BrandSection.figures(engine, census, brandPerson, kitchen, brand.invitations(),
                        world.ledger().refusals())),
                moderation,
                new HealthSection(health, settings.days()));
        String heading = String.format(Locale.ROOT, "Niche community simulation: seed %d, %d simulated days, %d members per community",
                settings.seed(), settings.days(), settings.members());
        new Report(heading, sections).print(out);
        out.flush();
        return new SimulationRun(world, story, census, health, tree, moderation.entries(), reputation);
    }

    /** The everyday member who joined the most communities, the first such one on a tie. */
    static Person feedReader(Cast cast) {
        return cast.people().stream()
                .filter(person -> !person.scripted())
                .max(Comparator.comparingInt(Person::communityCount))
                .orElseThrow(() -> new IllegalStateException("the story has no members"));
    }
}
