package dev.niche.examples.simulation;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The brand's story. Oatmill, an oat-milk company, takes part openly: its handle says it is a brand
 * and so does every post. It joins two communities and shares what it knows, in office hours.
 * Later it opens its own invite-only community and invites its advocates, the members who up-voted
 * or answered its posts, each with a code of their own. A curious member without a code is turned
 * away by the engine.
 */
final class BrandArc {
    /** The brand's handle, which discloses its affiliation. */
    static final String HANDLE = "oatmill_brand";
    /** The most advocates the brand invites. */
    static final int MOST_INVITES = 12;
    /** What the ledger calls a join without an invite. */
    static final String UNINVITED_JOIN = "join without an invite";
    private static final double ACCEPTS = 0.85;
    private static final List<Theme> JOINS = List.of(Themes.VEGAN_BAKERS, Themes.FEARFUL_FLYERS);

    /** An advocate the brand invited, and the invite made for them. */
    record Invitation(Person person, Actor actor, InviteView invite) {}

    private record VoteKey(PostId post, PseudonymId voter) {}

    private final World world;
    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final Attendance attendance;
    private final Function<String, LiveCommunity> communities;
    private final Consumer<LiveCommunity> opened;
    private final Set<PostId> posts = new HashSet<>();
    private final List<Invitation> invitations = new ArrayList<>();
    private final int joinDay;
    private final int kitchenDay;
    private @Nullable Person brand;
    private @Nullable LiveCommunity kitchen;
    private int answered;
    private int threadsStarted;
    private int recipeTests;

    /**
     * @param attendance  reports the brand's visits and reading, as the host does for every account
     * @param communities the live communities by slug
     * @param opened      told of the brand's community once it exists
     */
    BrandArc(World world, Attendance attendance, Function<String, LiveCommunity> communities,
            Consumer<LiveCommunity> opened) {
        this.world = world;
        this.engine = world.engine();
        this.random = world.random();
        this.attendance = attendance;
        this.communities = communities;
        this.opened = opened;
        int days = world.settings().days();
        this.joinDay = Math.max(1, days / 6);
        this.kitchenDay = Math.min(days - 2, Math.max(joinDay + 2, days * 11 / 20));
    }

    void schedule() {
        world.agenda().at(World.at(joinDay, 8 * 60 + 50), this::arrive);
        for (int day = joinDay; day < world.settings().days(); day++) {
            if (day % 7 < 5) { // the first simulated day is a Monday: the brand posts on weekdays only
                int workday = day;
                world.agenda().at(World.at(day, 8 * 60), () -> planWorkday(workday));
            }
        }
        world.agenda().at(World.at(kitchenDay, 10 * 60), this::openKitchen);
        world.agenda().at(World.at(kitchenDay, 15 * 60), this::curiousJoin);
    }

    private void arrive() {
        brand = world.cast().newScripted("host-brand-oatmill", HANDLE);
        Actor actor = theBrand().as(theBrand().firstPseudonym());
        for (Theme theme : JOINS) {
            LiveCommunity community = communities.apply(theme.slug());
            engine.memberships().join(actor, JoinCommunity.of(community.id()));
            theBrand().joined(community.id(), actor);
            community.joined(new LiveCommunity.Member(theBrand(), actor));
        }
    }

    private void planWorkday(int day) {
        int answers = 1 + random.nextInt(2);
        for (int i = 0; i < answers; i++) {
            world.agenda().at(world.sometime(day, 9 * 60, 17 * 60), this::answer);
        }
        if ((day - joinDay) % 4 == 1) {
            world.agenda().at(World.at(day, 11 * 60), this::startThread);
        }
        if (kitchen != null && (day - kitchenDay) % 2 == 1) {
            world.agenda().at(World.at(day, 11 * 60 + 30), this::recipeTest);
        }
    }

    /** Answers a thread people are reading, in one of the communities it joined. */
    private void answer() {
        Theme theme = random.nextDouble() < 0.75 ? Themes.VEGAN_BAKERS : Themes.FEARFUL_FLYERS;
        LiveCommunity community = communities.apply(theme.slug());
        Actor actor = theBrand().in(community.id()).orElseThrow();
        Optional<LiveCommunity.Thread> picked = community.pickThread(random, world.now(), true)
                .filter(thread -> !thread.welcome() && !thread.author().account().equals(theBrand().account()));
        if (picked.isEmpty()) {
            return;
        }
        attendance.read(community, new LiveCommunity.Member(theBrand(), actor), picked.get());
        List<String> lines = Objects.requireNonNull(Themes.BRAND_ANSWERS.get(theme.slug()), "answers for every theme");
        Reply command = new Reply(picked.get().root(), lines.get(answered++ % lines.size()));
        world.attempt(community.id(), HANDLE, "share an answer", () -> engine.posts().reply(actor, command))
                .ifPresent(reply -> {
                    world.ledger().posted(reply, theBrand().account(), 0.9);
                    picked.get().replied(reply.id());
                    posts.add(reply.id());
                });
    }

    private void startThread() {
        LiveCommunity community = communities.apply(Themes.VEGAN_BAKERS.slug());
        Actor actor = theBrand().in(community.id()).orElseThrow();
        attendance.visit(community, new LiveCommunity.Member(theBrand(), actor));
        StartThread command = new StartThread(community.id(),
                Themes.BRAND_THREADS.get(threadsStarted++ % Themes.BRAND_THREADS.size()),
                "From the Oatmill team (we make oat milk, so we are biased). Here is what we found; "
                        + "tell us where your results differ.", null);
        world.attempt(community.id(), HANDLE, "start a thread", () -> engine.posts().startThread(actor, command))
                .ifPresent(thread -> {
                    world.ledger().posted(thread, theBrand().account(), 0.85);
                    community.started(thread, actor, false);
                    posts.add(thread.id());
                });
    }

    /** Opens the brand's invite-only community and invites the strongest advocates, one code each. */
    private void openKitchen() {
        Actor actor = theBrand().as(theBrand().firstPseudonym());
        CommunityView view = engine.communities().create(actor, Themes.BRAND_KITCHEN.toCommand());
        theBrand().joined(view.id(), actor);
        kitchen = new LiveCommunity(Themes.BRAND_KITCHEN, view, engine.trust().policy(actor.asViewer(), view.id()),
                new LiveCommunity.Member(theBrand(), actor));
        opened.accept(theKitchen());
        PostView welcome = engine.posts().startThread(actor, new StartThread(view.id(),
                "Welcome to the test kitchen! Introduce yourself",
                "Oatmill team here. Thank you for the help you gave others with our posts. Tell us how you bake.", null));
        world.ledger().posted(welcome, theBrand().account(), 0.85);
        theKitchen().started(welcome, actor, false, true);
        posts.add(welcome.id());
        for (Map.Entry<PseudonymId, Integer> advocate : advocates().entrySet()) {
            Person person = world.cast().owner(advocate.getKey());
            InviteView invite = engine.memberships().createInvite(actor,
                    new CreateInvite(view.id(), Duration.ofDays(7), 1));
            Invitation invitation = new Invitation(person, Actor.of(person.account(), advocate.getKey()), invite);
            invitations.add(invitation);
            if (random.nextDouble() < ACCEPTS) {
                world.agenda().at(world.now().plus(Duration.ofMinutes(60 + random.nextInt(47 * 60))), () -> accept(invitation));
            }
        }
    }

    /**
     * The members who up-voted the brand's posts (and still do) or replied to them, strongest
     * first, read from the engine's events; at most {@value #MOST_INVITES}.
     */
    private Map<PseudonymId, Integer> advocates() {
        Map<PseudonymId, Integer> engagement = new LinkedHashMap<>();
        Map<VoteKey, Direction> votes = new HashMap<>();
        for (CommunityEvent event : world.events().events()) {
            if (event instanceof CommunityEvent.VoteCast vote && posts.contains(vote.post())) {
                votes.put(new VoteKey(vote.post(), vote.voter()), vote.direction());
            } else if (event instanceof CommunityEvent.VoteRetracted retracted && posts.contains(retracted.post())) {
                votes.remove(new VoteKey(retracted.post(), retracted.voter()));
            } else if (event instanceof CommunityEvent.ReplyPosted reply && posts.contains(reply.parent())) {
                engagement.merge(reply.author(), 1, Integer::sum);
            }
        }
        votes.forEach((key, direction) -> {
            if (direction == Direction.UP) {
                engagement.merge(key.voter(), 1, Integer::sum);
            }
        });
        Map<PseudonymId, Integer> strongest = new LinkedHashMap<>();
        engagement.entrySet().stream()
                .filter(entry -> !world.cast().owner(entry.getKey()).scripted())
                .sorted(Map.Entry.<PseudonymId, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().value()))
                .limit(MOST_INVITES)
                .forEach(entry -> strongest.put(entry.getKey(), entry.getValue()));
        return strongest;
    }

    private void accept(Invitation invitation) {
        String handle = world.cast().handle(invitation.actor().pseudonym());
        JoinCommunity command = JoinCommunity.withInvite(theKitchen().id(), invitation.invite().code());
        world.attempt(theKitchen().id(), handle, "join with an invite", () -> engine.memberships().join(invitation.actor(), command))
                .ifPresent(membership -> {
                    invitation.person().joined(theKitchen().id(), invitation.actor());
                    theKitchen().joined(new LiveCommunity.Member(invitation.person(), invitation.actor()));
                });
    }

    /** A baker who was not invited tries to join anyway: the engine must refuse. */
    private void curiousJoin() {
        LiveCommunity bakers = communities.apply(Themes.VEGAN_BAKERS.slug());
        List<LiveCommunity.Member> uninvited = bakers.members().stream()
                .filter(member -> !member.person().scripted())
                .filter(member -> invitations.stream().noneMatch(invitation -> invitation.person() == member.person()))
                .toList();
        if (uninvited.isEmpty()) {
            return;
        }
        LiveCommunity.Member curious = uninvited.get(random.nextInt(uninvited.size()));
        world.attempt(theKitchen().id(), world.cast().handle(curious.actor().pseudonym()), UNINVITED_JOIN,
                        () -> engine.memberships().join(curious.actor(), JoinCommunity.of(theKitchen().id())))
                .ifPresent(membership -> {
                    curious.person().joined(theKitchen().id(), curious.actor());
                    theKitchen().joined(curious);
                });
    }

    private void recipeTest() {
        Actor actor = theBrand().in(theKitchen().id()).orElseThrow();
        attendance.visit(theKitchen(), new LiveCommunity.Member(theBrand(), actor));
        List<String> tests = Themes.BRAND_RECIPE_TESTS;
        StartThread command = new StartThread(theKitchen().id(), tests.get(recipeTests++ % tests.size()),
                "From the Oatmill team: here is our draft recipe. Tell us honestly what breaks.", null);
        world.attempt(theKitchen().id(), HANDLE, "start a recipe test", () -> engine.posts().startThread(actor, command))
                .ifPresent(thread -> {
                    world.ledger().posted(thread, theBrand().account(), 0.85);
                    theKitchen().started(thread, actor, false);
                    posts.add(thread.id());
                });
    }

    /** The brand, once it arrived. */
    Optional<Person> brand() {
        return Optional.ofNullable(brand);
    }

    /** The brand's own community, once it opened. */
    Optional<CommunityId> kitchen() {
        return Optional.ofNullable(kitchen).map(LiveCommunity::id);
    }

    private Person theBrand() {
        return Objects.requireNonNull(brand, "the brand has arrived");
    }

    private LiveCommunity theKitchen() {
        return Objects.requireNonNull(kitchen, "the kitchen is open");
    }

    /** The advocates invited, in the order they were. */
    List<Invitation> invitations() {
        return List.copyOf(invitations);
    }

    /** The brand's posts, outside its own community and in it. */
    Set<PostId> posts() {
        return Set.copyOf(posts);
    }
}
