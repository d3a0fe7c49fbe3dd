package dev.niche.community.core;

import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.ForbiddenException;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import dev.niche.community.vote.Votes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Casting, changing and retracting votes. The account votes, whichever pseudonym it acts under, so
 * one account holds at most one vote per post; a vote on a post by the same account is kept but not
 * counted. Counters change only by atomic deltas.
 */
final class VoteCommands implements Votes {
    private final Context context;

    VoteCommands(Context context) {
        this.context = context;
    }

    @Override
    public VoteOutcome cast(Actor actor, CastVote command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command);
        return context.work().command("cast vote", (tx, outbox) -> {
            Access.actor(tx, actor);
            PostRecord post = votable(tx, actor, command.post());
            boolean counted = !post.authorAccount().equals(actor.account());
            Direction direction = command.direction();
            Optional<VoteRecord> existing = tx.votes().find(post.id(), actor.account());
            Instant now = context.now();
            VoteRecord vote = new VoteRecord(post.id(), actor.account(), actor.pseudonym(), direction, counted, now);
            PostCounters counters = post.counters();
            if (existing.isEmpty()) {
                tx.votes().insert(vote);
                counters = apply(tx, post, null, vote, context.settings().wilsonZ());
            } else if (existing.get().direction() != direction || !existing.get().voter().equals(actor.pseudonym())) {
                tx.votes().update(vote);
                counters = apply(tx, post, existing.get(), vote, context.settings().wilsonZ());
            } else {
                return outcome(post.id(), direction, counted, counters);
            }
            outbox.add(new CommunityEvent.VoteCast(post.community(), post.id(), actor.pseudonym(), direction, now));
            return outcome(post.id(), direction, counted, counters);
        });
    }

    @Override
    public VoteOutcome retract(Actor actor, PostId postId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(postId, "post");
        return context.work().command("retract vote", (tx, outbox) -> {
            Access.actor(tx, actor);
            PostRecord post = votable(tx, actor, postId);
            Optional<VoteRecord> existing = tx.votes().find(postId, actor.account());
            if (existing.isEmpty()) {
                return outcome(postId, null, false, post.counters());
            }
            tx.votes().delete(postId, actor.account());
            PostCounters counters = apply(tx, post, existing.get(), null, context.settings().wilsonZ());
            outbox.add(new CommunityEvent.VoteRetracted(post.community(), postId, actor.pseudonym(), context.now()));
            return outcome(postId, null, false, counters);
        });
    }

    /** A post the actor's account may vote on: readable, live, in an open community it belongs to. */
    private static PostRecord votable(StoreTransaction tx, Actor actor, PostId id) {
        Access.PostInCommunity found = Access.readablePostIn(tx, actor.asViewer(), id);
        PostRecord post = found.post();
        CommunityRecord community = found.community();
        boolean member = tx.memberships().find(community.id(), actor.account())
                .filter(m -> m.state() == MemberState.ACTIVE)
                .isPresent();
        if (!member) {
            throw new ForbiddenException("voting in community " + community.slug() + " needs an active membership");
        }
        Access.open(community);
        if (post.deleted()) {
            throw new ConflictException("post " + id + " was deleted; its votes are frozen");
        }
        return post;
    }

    /**
     * Moves the counters from the old vote to the new one by one atomic delta, if they change, and
     * then re-ranks the post from the counters that delta produced.
     */
    private static PostCounters apply(StoreTransaction tx, PostRecord post, @Nullable VoteRecord before,
            @Nullable VoteRecord after, double wilsonZ) {
        int ups = weight(after, Direction.UP) - weight(before, Direction.UP);
        int downs = weight(after, Direction.DOWN) - weight(before, Direction.DOWN);
        if (ups == 0 && downs == 0) {
            return post.counters();
        }
        PostCounters counters = tx.posts().addVotes(post.id(), ups, downs);
        tx.posts().setRanks(post.id(), Ranking.ranks(counters, post.createdAt(), wilsonZ));
        return counters;
    }

    private static int weight(@Nullable VoteRecord vote, Direction direction) {
        return vote != null && vote.counted() && vote.direction() == direction ? 1 : 0;
    }

    private static VoteOutcome outcome(PostId post, @Nullable Direction yours, boolean counted, PostCounters c) {
        return new VoteOutcome(post, yours, counted, c.ups(), c.downs(), c.score());
    }
}
