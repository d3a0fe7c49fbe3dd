package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.CommunityEngine;
import dev.niche.community.post.PostId;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.trust.Privilege;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The everyday life of a community: on each simulated day its members start threads, reply in
 * trees and vote, the more active ones much more often. Whoever takes part has visited that day and
 * read the thread first, which the host reports ({@link Attendance}). Members vote a post down only
 * once they hold the privilege; before that the host does not offer it.
 */
final class MemberLife {
    /** Actions per member per day, on average. */
    static final double ACTIONS_PER_MEMBER_DAY = 1.2;
    private static final double THREADS = 0.06;
    private static final double REPLIES = 0.29;
    /** How deep a conversation may go before people answer the thread again instead. */
    private static final int DEEPEST = 12;

    private final World world;
    private final CommunityEngine engine;
    private final SplittableRandom random;
    private final Attendance attendance;

    MemberLife(World world, Attendance attendance) {
        this.world = world;
        this.engine = world.engine();
        this.random = world.random();
        this.attendance = attendance;
    }

    /** Schedules one day of {@code community}'s life, between 07:00 and 23:30. */
    void planDay(LiveCommunity community, int day) {
        long everyday = community.members().stream().filter(member -> !member.person().scripted()).count();
        int actions = (int) Math.round(everyday * ACTIONS_PER_MEMBER_DAY * (0.75 + 0.5 * random.nextDouble()));
        for (int i = 0; i < actions; i++) {
            world.agenda().at(world.sometime(day, 7 * 60, 23 * 60 + 30), () -> act(community));
        }
    }

    /** One member does one thing: starts a thread, replies or votes. */
    void act(LiveCommunity community) {
        List<LiveCommunity.Member> everyday = community.members().stream()
                .filter(member -> !member.person().scripted())
                .toList();
        Optional<LiveCommunity.Member> chosen = community.pickMember(random, everyday);
        if (chosen.isEmpty()) {
            return;
        }
        LiveCommunity.Member member = chosen.get();
        attendance.visit(community, member);
        double roll = random.nextDouble();
        if (roll < THREADS || community.threads().isEmpty()) {
            startThread(community, member);
        } else if (roll < THREADS + REPLIES) {
            reply(community, member);
        } else {
            vote(community, member);
        }
    }

    void startThread(LiveCommunity community, LiveCommunity.Member member) {
        Theme theme = community.theme();
        // People rarely repeat a question that is still on the front page.
        Set<String> recent = community.latestTitles(theme.titles().size() / 2);
        List<String> fresh = theme.titles().stream().filter(title -> !recent.contains(title)).toList();
        StartThread command = new StartThread(community.id(), pick(fresh.isEmpty() ? theme.titles() : fresh),
                pick(theme.openers()), null);
        world.attempt(community.id(), handle(member), "start a thread", () -> engine.posts().startThread(member.actor(), command))
                .ifPresent(thread -> {
                    world.ledger().posted(thread, member.person().account(), appeal());
                    community.started(thread, member.actor(), false);
                });
    }

    private void reply(LiveCommunity community, LiveCommunity.Member member) {
        Optional<LiveCommunity.Thread> picked = community.pickThread(random, world.now(), true);
        if (picked.isEmpty()) {
            startThread(community, member);
            return;
        }
        LiveCommunity.Thread thread = picked.get();
        attendance.read(community, member, thread);
        PostId parent = parentIn(thread, member.person().account());
        Theme theme = community.theme();
        List<String> lines = !parent.equals(thread.root()) ? Themes.FOLLOW_UPS
                : thread.welcome() ? theme.introductions() : theme.answers();
        Reply command = new Reply(parent, pick(lines));
        world.attempt(community.id(), handle(member), "reply", () -> engine.posts().reply(member.actor(), command))
                .ifPresent(reply -> {
                    world.ledger().posted(reply, member.person().account(), appeal());
                    thread.replied(reply.id());
                });
    }

    /** Answers the thread itself, or carries on one of its latest conversations, never oneself. */
    private PostId parentIn(LiveCommunity.Thread thread, AccountId me) {
        List<PostId> latest = thread.latestReplies(6);
        if (latest.isEmpty() || random.nextDouble() < 0.4) {
            return thread.root();
        }
        Ledger.Post parent = world.ledger().post(latest.get(random.nextInt(latest.size())));
        return parent.author().equals(me) || parent.depth() >= DEEPEST ? thread.root() : parent.id();
    }

    private void vote(LiveCommunity community, LiveCommunity.Member member) {
        Optional<LiveCommunity.Thread> picked = community.pickThread(random, world.now(), false);
        if (picked.isEmpty()) {
            return;
        }
        LiveCommunity.Thread thread = picked.get();
        attendance.read(community, member, thread);
        List<PostId> replies = thread.replies();
        PostId target = replies.isEmpty() || random.nextDouble() < 0.5
                ? thread.root() : replies.get(random.nextInt(replies.size()));
        Ledger.Post post = world.ledger().post(target);
        AccountId voter = member.person().account();
        if (post.author().equals(voter)) {
            return;
        }
        Optional<Direction> held = world.ledger().vote(target, voter);
        if (held.isPresent()) {
            changeMind(community, member, thread, post, held.get());
            return;
        }
        Direction direction = thread.spam() || random.nextDouble() >= post.appeal() ? Direction.DOWN : Direction.UP;
        cast(community, member, target, direction);
    }

    /** Someone who already voted mostly lets it be, sometimes flips it, rarely takes it back; spam stays down. */
    private void changeMind(LiveCommunity community, LiveCommunity.Member member, LiveCommunity.Thread thread,
            Ledger.Post post, Direction held) {
        double roll = random.nextDouble();
        if (roll < 0.7 || thread.spam()) {
            return;
        }
        if (roll < 0.9) {
            cast(community, member, post.id(), held == Direction.UP ? Direction.DOWN : Direction.UP);
        } else {
            world.attempt(community.id(), handle(member), "retract a vote", () -> engine.votes().retract(member.actor(), post.id()))
                    .ifPresent(outcome -> world.ledger().retracted(post.id(), member.actor(), world.now()));
        }
    }

    /** Casts the vote, unless it is a down vote the member may not cast yet. */
    private void cast(LiveCommunity community, LiveCommunity.Member member, PostId post, Direction direction) {
        if (direction == Direction.DOWN && !community.may(member, Privilege.DOWNVOTE)) {
            community.heldBackDownVote();
            return;
        }
        world.attemptGated(community.id(), member.actor(), handle(member), "vote", Privilege.DOWNVOTE,
                        () -> engine.votes().cast(member.actor(), new CastVote(post, direction)))
                .ifPresent(outcome -> world.ledger().voted(post, member.actor(), direction, world.now()));
    }

    /** How likely readers are to up-vote a member's post. */
    private double appeal() {
        return 0.6 + 0.35 * random.nextDouble();
    }

    private String handle(LiveCommunity.Member member) {
        return world.cast().handle(member.actor().pseudonym());
    }

    private String pick(List<String> lines) {
        return lines.get(random.nextInt(lines.size()));
    }
}
