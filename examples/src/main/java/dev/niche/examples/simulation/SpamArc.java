package dev.niche.examples.simulation;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.StartThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The spammer's story. In the small hours a new account joins every opening community and posts a
 * sales pitch with a link in each. Members who see a pitch vote it down. A few hours later one of
 * the community's moderators locks the pitch against replies and bans the spammer, using the
 * moderation the engine has. The next night the spammer tries again and the engine refuses it.
 */
final class SpamArc {
    /** The spammer's handle. */
    static final String HANDLE = "best_deals_4u";

    private final World world;
    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final Function<String, LiveCommunity> communities;
    private final List<PostId> pitches = new ArrayList<>();
    private final Set<CommunityId> bannedFrom = new LinkedHashSet<>();
    private final int day;
    private Person spammer;

    /** @param communities the live communities by slug */
    SpamArc(World world, Function<String, LiveCommunity> communities) {
        this.world = world;
        this.engine = world.engine();
        this.random = world.random();
        this.communities = communities;
        this.day = Math.max(2, world.settings().days() * 7 / 20);
    }

    void schedule() {
        world.agenda().at(World.at(day, 2 * 60 + 10), this::arrive);
        for (int i = 0; i < Themes.OPENING.size(); i++) {
            Theme theme = Themes.OPENING.get(i);
            String pitch = Themes.PITCHES.get(i);
            int offer = i;
            world.agenda().at(World.at(day, 2 * 60 + 12 + 2 * i), () -> join(theme));
            world.agenda().at(World.at(day, 2 * 60 + 20 + 11 * i), () -> pitch(theme, pitch, offer));
        }
        Theme again = Themes.OPENING.get(0);
        world.agenda().at(World.at(day + 1, 3 * 60 + 5), () -> pitch(again, Themes.PITCHES.get(0), 9));
    }

    private void arrive() {
        spammer = world.cast().newScripted("host-user-deals", HANDLE);
    }

    private void join(Theme theme) {
        LiveCommunity community = communities.apply(theme.slug());
        Actor actor = spammer.as(spammer.firstPseudonym());
        world.attempt(community.id(), HANDLE, "join", () -> engine.memberships().join(actor, JoinCommunity.of(community.id())))
                .ifPresent(membership -> spammer.joined(community.id(), actor));
    }

    private void pitch(Theme theme, String title, int offer) {
        LiveCommunity community = communities.apply(theme.slug());
        Actor actor = spammer.as(spammer.firstPseudonym());
        StartThread command = new StartThread(community.id(), title,
                "Click the link, offer ends tonight. DM for bulk prices!!!", "https://deals.example/offer-" + offer);
        world.attempt(community.id(), HANDLE, "post a sales pitch", () -> engine.posts().startThread(actor, command))
                .ifPresent(thread -> {
                    world.ledger().posted(thread, spammer.account(), 0);
                    LiveCommunity.Thread live = community.started(thread, actor, true);
                    pitches.add(thread.id());
                    Duration noticed = Duration.ofMinutes(3 * 60 + random.nextInt(5 * 60));
                    world.agenda().at(world.now().plus(noticed), () -> moderate(community, live));
                });
    }

    /** A moderator locks the pitch, then bans the spammer from the community. */
    private void moderate(LiveCommunity community, LiveCommunity.Thread pitch) {
        List<LiveCommunity.Member> moderators = community.moderators();
        LiveCommunity.Member moderator = moderators.get(random.nextInt(moderators.size()));
        engine.posts().setLocked(moderator.actor(), pitch.root(), true);
        pitch.lock();
        if (bannedFrom.add(community.id())) {
            world.agenda().at(world.now().plus(Duration.ofMinutes(2)), () ->
                    engine.memberships().ban(moderator.actor(), community.id(), pitch.author().pseudonym()));
        }
    }

    /** The spammer, once arrived. */
    Optional<Person> spammer() {
        return Optional.ofNullable(spammer);
    }

    /** The pitches that the engine accepted, in order. */
    List<PostId> pitches() {
        return List.copyOf(pitches);
    }
}
