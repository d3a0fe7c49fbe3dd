package dev.niche.examples.simulation;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.post.StartThread;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * How the opening communities come to be: on the first morning each one's owner creates it and
 * posts a welcome; half its members join that day and the rest over the following weeks; on the
 * second morning the owner makes the two most active members moderators.
 */
final class Openings {
    /** Moderators each owner appoints besides themself. */
    static final int MODERATORS = 2;
    /** The chance that someone joining another community keeps it apart under a new pseudonym. */
    private static final double SEPARATE_PSEUDONYM = 0.35;
    /** The chance that a newcomer to a community is someone already in another one. */
    private static final double CROSSOVER = 0.25;

    private final World world;
    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final Consumer<LiveCommunity> opened;

    /** @param opened told of each community once it exists, so that its everyday life begins */
    Openings(World world, Consumer<LiveCommunity> opened) {
        this.world = world;
        this.engine = world.engine();
        this.random = world.random();
        this.opened = opened;
    }

    void schedule() {
        for (int i = 0; i < Themes.OPENING.size(); i++) {
            Theme theme = Themes.OPENING.get(i);
            world.agenda().at(World.at(0, 7 * 60 + 10 * i), () -> open(theme));
        }
    }

    private void open(Theme theme) {
        Person owner = world.cast().newMember();
        Actor actor = owner.as(owner.firstPseudonym());
        CommunityView view = engine.communities().create(actor, theme.toCommand());
        owner.joined(view.id(), actor);
        LiveCommunity community = new LiveCommunity(theme, view, engine.trust().policy(actor.asViewer(), view.id()),
                new LiveCommunity.Member(owner, actor));
        opened.accept(community);
        welcome(community);

        int days = world.settings().days();
        int newcomers = world.settings().members() - 1;
        for (int i = 0; i < newcomers; i++) {
            boolean firstDay = i < newcomers / 2;
            int day = firstDay ? 0 : 1 + random.nextInt(Math.max(1, days * 4 / 5 - 1));
            world.agenda().at(world.sometime(day, firstDay ? 8 * 60 : 7 * 60, 23 * 60), () -> join(community));
        }
        world.agenda().at(World.at(1, 9 * 60), () -> appointModerators(community));
    }

    private void welcome(LiveCommunity community) {
        LiveCommunity.Member owner = community.owner();
        PostView thread = engine.posts().startThread(owner.actor(), new StartThread(community.id(),
                "Welcome! Introduce yourself", "Tell us what brought you here. " + community.theme().rules().get(0), null));
        world.ledger().posted(thread, owner.person().account(), 0.9);
        community.started(thread, owner.actor(), false, true);
    }

    /** Someone joins: a newcomer to Niche, or now and then a member of another community. */
    private void join(LiveCommunity community) {
        List<Person> crossing = world.cast().people().stream()
                .filter(person -> !person.scripted() && person.communityCount() > 0 && person.communityCount() < 3)
                .filter(person -> person.in(community.id()).isEmpty())
                .toList();
        Person person = !crossing.isEmpty() && random.nextDouble() < CROSSOVER
                ? crossing.get(random.nextInt(crossing.size()))
                : world.cast().newMember();
        PseudonymView pseudonym = person.communityCount() > 0 && random.nextDouble() < SEPARATE_PSEUDONYM
                ? world.cast().anotherPseudonym(person)
                : person.firstPseudonym();
        Actor actor = person.as(pseudonym);
        engine.memberships().join(actor, JoinCommunity.of(community.id()));
        person.joined(community.id(), actor);
        community.joined(new LiveCommunity.Member(person, actor));
    }

    private void appointModerators(LiveCommunity community) {
        LiveCommunity.Member owner = community.owner();
        List<LiveCommunity.Member> candidates = community.members().stream()
                .filter(member -> member.person() != owner.person())
                .sorted(Comparator.comparingDouble((LiveCommunity.Member member) -> member.person().activity()).reversed())
                .limit(MODERATORS)
                .toList();
        for (LiveCommunity.Member member : candidates) {
            engine.memberships().changeRole(owner.actor(), community.id(), member.actor().pseudonym(), Role.MODERATOR);
            community.promoted(member);
        }
    }
}
