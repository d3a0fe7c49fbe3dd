package dev.niche.community.core;

import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.ForbiddenException;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostDecision;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import dev.niche.community.vote.Votes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Casting, changing and retracting votes. The account votes, under the pseudonym that holds its
 * membership, so one account holds at most one vote per post; a vote on a post by any pseudonym of
 * the same account is refused, and so is changing or retracting a vote cast under another pseudonym. Counters change only by atomic deltas. Each change of direction also goes to the author's
 * reputation ledger ({@link Ledger}); down votes need the DOWNVOTE privilege.
 */
final class VoteCommands implements Votes {
    private final Context context;

    VoteCommands(Context context) {
        this.context = context;
    }

    @Override
    public VoteOutcome cast(Actor actor, CastVote command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        return context.work().command("cast vote", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            Votable target = votable(tx, actor, command.post());
            PostRecord post = target.post();
            if (post.authorAccount().equals(actor.account())) {
                // Refused rather than kept uncounted: a published vote that moves no counter would tell
                // everyone that voter and author are one account. Only the acting account reads this.
                throw new ForbiddenException("post " + post.id() + " was written by one of the acting account's"
                        + " pseudonyms; an account cannot vote on its own posts");
            }
            Direction direction = command.direction();
            Optional<VoteRecord> existing = Optional.ofNullable(target.vote());
            Instant now = context.now();
            PostCounters counters = post.counters();
            if (existing.isPresent() && existing.get().direction() == direction) {
                // Nothing changes, and nothing is published: not even when the vote was cast under a
                // pseudonym that held the account's membership before it left and rejoined, since a
                // second VoteCast that moves no counter would tie the two pseudonyms together.
                return outcome(post.id(), direction, existing.get().counted(), counters);
            }
            requireCastThrough(actor, existing.orElse(null));
            TrustPolicy policy = Policies.of(context.facts(), target.policy(), context.settings().trustPolicy());
            if (direction == Direction.DOWN) {
                Policies.require(tx, policy, target.community(), target.membership(), Privilege.DOWNVOTE);
            }
            Ledger.Judgement judgement = Ledger.judge(tx, policy, post, actor, target.membership().role(), direction, now);
            VoteRecord vote = new VoteRecord(post.id(), actor.account(), actor.pseudonym(), direction,
                    judgement.counted(), now);
            if (existing.isEmpty()) {
                tx.votes().insert(vote);
            } else {
                tx.votes().update(vote);
            }
            counters = apply(tx, post, existing.orElse(null), vote, context.settings().wilsonZ());
            if (existing.isPresent()) {
                Ledger.reverse(tx, post, actor, judgement.held(), now);
            }
            Ledger.record(tx, policy, post, actor, judgement, now);
            outbox.add(new CommunityEvent.VoteCast(post.community(), post.id(), actor.pseudonym(), direction, now));
            return outcome(post.id(), direction, judgement.counted(), counters);
        });
    }

    @Override
    public VoteOutcome retract(Actor actor, PostId postId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(postId, "post");
        return context.work().command("retract vote", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            Votable target = votable(tx, actor, postId);
            PostRecord post = target.post();
            Optional<VoteRecord> existing = Optional.ofNullable(target.vote());
            if (existing.isEmpty()) {
                return outcome(postId, null, false, post.counters());
            }
            requireCastThrough(actor, existing.get());
            if (!tx.votes().delete(postId, actor.account())) {
                // Another unit of work retracted it first and moved the counters; moving them again
                // would count the retraction twice.
                return outcome(postId, null, false, post.counters());
            }
            PostCounters counters = apply(tx, post, existing.get(), null, context.settings().wilsonZ());
            Ledger.reverse(tx, post, actor, context.now());
            outbox.add(new CommunityEvent.VoteRetracted(post.community(), postId, actor.pseudonym(), context.now()));
            return outcome(postId, null, false, counters);
        });
    }

    /**
     * Refuses to change or retract a vote that was cast under another pseudonym of the account (one
     * that held its membership before it left and rejoined): a VoteCast or VoteRetracted under the new
     * pseudonym that moves the old one's vote would tell everyone that the two are one account. Only
     * the acting account reads the refusal.
     */
    private static void requireCastThrough(Actor actor, @Nullable VoteRecord existing) {
        if (existing != null && !existing.voter().equals(actor.pseudonym())) {
            throw new ForbiddenException("the acting account's vote on post " + existing.post() + " was cast under"
                    + " another of its pseudonyms; it stays as it was, and cannot be changed or retracted under this one");
        }
    }

    /**
     * A post the actor may vote on, its community, the actor's membership there, the account's vote
     * on the post, and the community's stored policy.
     */
    private record Votable(PostRecord post, CommunityRecord community, MembershipRecord membership,
            @Nullable VoteRecord vote, @Nullable String policy) {}

    /**
     * A post the actor's account may vote on: readable, live, in an open community it belongs to;
     * everything the vote decides on comes from one decision read.
     */
    private static Votable votable(StoreTransaction tx, Actor actor, PostId id) {
        PostDecision decision = tx.postDecision(id, actor.account()).orElseThrow(() -> Access.postNotFound(id));
        Access.PostInCommunity found = Access.readablePostIn(decision);
        PostRecord post = found.post();
        CommunityRecord community = found.community();
        MembershipRecord membership = Access.participant(actor, community, decision.membership());
        Access.open(community);
        if (post.deleted()) {
            throw new ConflictException("post " + id + " was deleted; its votes are frozen");
        }
        return new Votable(post, community, membership, decision.vote(), decision.policy());
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
        return tx.posts().moveVotes(post, ups, downs, moved -> Ranking.ranks(moved, post.createdAt(), wilsonZ));
    }

    private static int weight(@Nullable VoteRecord vote, Direction direction) {
        return vote != null && vote.counted() && vote.direction() == direction ? 1 : 0;
    }

    private static VoteOutcome outcome(PostId post, @Nullable Direction yours, boolean counted, PostCounters c) {
        return new VoteOutcome(post, yours, counted, c.ups(), c.downs(), c.score());
    }
}
