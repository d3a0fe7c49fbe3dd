package dev.niche.examples.simulation;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.SerialVoting;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The spammer's story, in the small hours of one night. A new account joins every opening community
 * and posts a sales pitch with a link in each; at trust level 0 it may not post links, so the engine
 * holds every one. The spammer drops the links and pitches again, and those land. In the first
 * community it also posts short replies full of its offer, and a second account of its own up-votes
 * everything it wrote within the hour: the serial-voting guard keeps the tenth vote and later ones
 * from earning reputation. A few hours later one of each community's moderators locks the pitch and
 * bans the spammer, then looks at the serial voting the engine lists for moderators and bans the
 * accomplice too. The next night the spammer tries again and the engine refuses it.
 */
final class SpamArc {
    /** The spammer's handle. */
    static final String HANDLE = "best_deals_4u";
    /** The handle of the spammer's second account, which up-votes it. */
    static final String ACCOMPLICE = "happy_flyer_77";
    /** What the ledger calls a pitch with a link. */
    static final String LINKED_PITCH = "post a sales pitch with a link";
    /** What the ledger calls a pitch without one. */
    static final String PITCH = "post a sales pitch";
    /** How many replies the spammer posts to farm reputation in the first community. */
    static final int SPAM_REPLIES = 11;

    private final World world;
    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final Attendance attendance;
    private final Function<String, LiveCommunity> communities;
    private final List<PostId> pitches = new ArrayList<>();
    private final List<PostId> replies = new ArrayList<>();
    private final Set<CommunityId> bannedFrom = new LinkedHashSet<>();
    private final Set<PseudonymId> accomplicesBanned = new LinkedHashSet<>();
    private final int day;
    private @Nullable Person spammer;
    private @Nullable Person accomplice;

    /**
     * @param attendance  reports the spammer's visits, as the host does for every account
     * @param communities the live communities by slug
     */
    SpamArc(World world, Attendance attendance, Function<String, LiveCommunity> communities) {
        this.world = world;
        this.engine = world.engine();
        this.random = world.random();
        this.attendance = attendance;
        this.communities = communities;
        this.day = Math.max(2, world.settings().days() * 7 / 20);
    }

    void schedule() {
        world.agenda().at(World.at(day, 2 * 60 + 10), this::arrive);
        for (int i = 0; i < Themes.OPENING.size(); i++) {
            Theme theme = Themes.OPENING.get(i);
            int offer = i;
            world.agenda().at(World.at(day, 2 * 60 + 12 + 2 * i), () -> join(theme));
            world.agenda().at(World.at(day, 2 * 60 + 20 + 11 * i), () -> linkedPitch(theme, offer));
            world.agenda().at(World.at(day, 3 * 60 + 11 * i), () -> pitch(theme, Themes.PLAIN_PITCHES.get(offer)));
        }
        Theme first = Themes.OPENING.get(0);
        world.agenda().at(World.at(day, 2 * 60 + 50), this::accompliceJoins);
        for (int i = 0; i < SPAM_REPLIES; i++) {
            world.agenda().at(World.at(day, 3 * 60 + 4 + 4 * i), () -> spamReply(first));
        }
        world.agenda().at(World.at(day + 1, 3 * 60 + 5), () -> pitch(first, Themes.PLAIN_PITCHES.get(0)));
    }

    private void arrive() {
        spammer = world.cast().newScripted("host-user-deals", HANDLE);
        accomplice = world.cast().newScripted("host-user-deals-2", ACCOMPLICE);
    }

    private void join(Theme theme) {
        LiveCommunity community = communities.apply(theme.slug());
        Actor actor = theSpammer().as(theSpammer().firstPseudonym());
        world.attempt(community.id(), HANDLE, "join", () -> engine.memberships().join(actor, JoinCommunity.of(community.id())))
                .ifPresent(membership -> {
                    theSpammer().joined(community.id(), actor);
                    attendance.visit(community, new LiveCommunity.Member(theSpammer(), actor));
                });
    }

    private void accompliceJoins() {
        LiveCommunity community = communities.apply(Themes.OPENING.get(0).slug());
        Actor actor = theAccomplice().as(theAccomplice().firstPseudonym());
        world.attempt(community.id(), ACCOMPLICE, "join", () -> engine.memberships().join(actor, JoinCommunity.of(community.id())))
                .ifPresent(membership -> {
                    theAccomplice().joined(community.id(), actor);
                    attendance.visit(community, new LiveCommunity.Member(theAccomplice(), actor));
                });
    }

    /** A pitch with a link: at level 0 the engine refuses it, which the ledger notes as the trust gate. */
    private void linkedPitch(Theme theme, int offer) {
        LiveCommunity community = communities.apply(theme.slug());
        Actor actor = theSpammer().as(theSpammer().firstPseudonym());
        StartThread command = new StartThread(community.id(), Themes.PITCHES.get(offer),
                "Click the link, offer ends tonight. DM for bulk prices!!!", "https://deals.example/offer-" + offer);
        world.attemptGated(community.id(), actor, HANDLE, LINKED_PITCH, Privilege.POST_LINKS,
                        () -> engine.posts().startThread(actor, command))
                .ifPresent(thread -> landed(community, thread));
    }

    /** A pitch without a link, which the engine lets through to a new member; moderators deal with it. */
    private void pitch(Theme theme, String title) {
        LiveCommunity community = communities.apply(theme.slug());
        Actor actor = theSpammer().as(theSpammer().firstPseudonym());
        StartThread command = new StartThread(community.id(), title, "Offer ends tonight. DM for bulk prices!!!", null);
        world.attempt(community.id(), HANDLE, PITCH, () -> engine.posts().startThread(actor, command))
                .ifPresent(thread -> landed(community, thread));
    }

    private void landed(LiveCommunity community, PostView thread) {
        world.ledger().posted(thread, theSpammer().account(), 0);
        LiveCommunity.Thread live = community.started(thread, theSpammer().in(community.id()).orElseThrow(), true);
        pitches.add(thread.id());
        if (theAccomplice().in(community.id()).isPresent()) {
            upvoteLater(community, thread.id());
        }
        Duration noticed = Duration.ofMinutes(3 * 60 + random.nextInt(5 * 60));
        world.agenda().at(world.now().plus(noticed), () -> moderate(community, live));
    }

    /** A reply under a thread people are reading, selling the same offer, up-voted by the accomplice. */
    private void spamReply(Theme theme) {
        LiveCommunity community = communities.apply(theme.slug());
        Optional<Actor> actor = theSpammer().in(community.id());
        Optional<LiveCommunity.Thread> thread = community.pickThread(random, world.now(), true)
                .filter(picked -> !picked.spam());
        if (actor.isEmpty() || thread.isEmpty()) {
            return;
        }
        Reply command = new Reply(thread.get().root(), Themes.SPAM_REPLIES.get(replies.size() % Themes.SPAM_REPLIES.size()));
        world.attempt(community.id(), HANDLE, "reply", () -> engine.posts().reply(actor.get(), command))
                .ifPresent(reply -> {
                    world.ledger().posted(reply, theSpammer().account(), 0);
                    thread.get().replied(reply.id());
                    replies.add(reply.id());
                    upvoteLater(community, reply.id());
                });
    }

    private void upvoteLater(LiveCommunity community, PostId post) {
        world.agenda().at(world.now().plus(Duration.ofMinutes(1)), () -> {
            Actor actor = theAccomplice().in(community.id()).orElseThrow();
            world.attempt(community.id(), ACCOMPLICE, "vote", () -> engine.votes().cast(actor, new CastVote(post, Direction.UP)))
                    .ifPresent(outcome -> world.ledger().voted(post, actor, Direction.UP, world.now()));
        });
    }

    /**
     * A moderator locks the pitch, bans the spammer from the community, then reads the serial voting
     * the engine lists for moderators and bans whoever voted serially for the spammer.
     */
    private void moderate(LiveCommunity community, LiveCommunity.Thread pitch) {
        List<LiveCommunity.Member> moderators = community.moderators();
        LiveCommunity.Member moderator = moderators.get(random.nextInt(moderators.size()));
        engine.posts().setLocked(moderator.actor(), pitch.root(), true);
        pitch.lock();
        if (bannedFrom.add(community.id())) {
            world.agenda().at(world.now().plus(Duration.ofMinutes(2)), () ->
                    engine.memberships().ban(moderator.actor(), community.id(), pitch.author().pseudonym()));
            world.agenda().at(world.now().plus(Duration.ofMinutes(4)), () -> banSerialVoters(community, moderator));
        }
    }

    private void banSerialVoters(LiveCommunity community, LiveCommunity.Member moderator) {
        PseudonymId spammerId = theSpammer().firstPseudonym().id();
        for (SerialVoting cluster : serialVoting(engine, moderator.actor(), community.id())) {
            if (cluster.author().id().equals(spammerId) && accomplicesBanned.add(cluster.voter().id())) {
                engine.memberships().ban(moderator.actor(), community.id(), cluster.voter().id());
            }
        }
    }

    /** Every serial-voting cluster the engine lists to a moderator of the community, page by page. */
    static List<SerialVoting> serialVoting(CommunityEngine engine, Actor moderator, CommunityId community) {
        List<SerialVoting> clusters = new ArrayList<>();
        Page<SerialVoting> page = engine.trust().serialVoting(moderator, community, PageRequest.first(PageRequest.MAX_SIZE));
        clusters.addAll(page.items());
        while (page.hasNext()) {
            page = engine.trust().serialVoting(moderator, community,
                    PageRequest.after(Objects.requireNonNull(page.nextCursor()), PageRequest.MAX_SIZE));
            clusters.addAll(page.items());
        }
        return clusters;
    }

    /** The spammer, once arrived. */
    Optional<Person> spammer() {
        return Optional.ofNullable(spammer);
    }

    /** The spammer's second account, once arrived. */
    Optional<Person> accomplice() {
        return Optional.ofNullable(accomplice);
    }

    private Person theSpammer() {
        return Objects.requireNonNull(spammer, "the spammer has arrived");
    }

    private Person theAccomplice() {
        return Objects.requireNonNull(accomplice, "the accomplice has arrived");
    }

    /** The pitches that the engine accepted, in order. */
    List<PostId> pitches() {
        return List.copyOf(pitches);
    }

    /** The spammer's replies that the engine accepted, in order. */
    List<PostId> replies() {
        return List.copyOf(replies);
    }
}
