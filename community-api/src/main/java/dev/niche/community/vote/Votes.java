package dev.niche.community.vote;

import dev.niche.community.Actor;
import dev.niche.community.post.PostId;

/**
 * Votes: at most one per account per post, whichever pseudonym casts it.
 *
 * <pre>{@code
 * engine.votes().cast(bob, new CastVote(thread.id(), Direction.UP));
 * engine.votes().cast(bob, new CastVote(thread.id(), Direction.DOWN)); // changes it
 * engine.votes().retract(bob, thread.id());                             // takes it back
 * }</pre>
 *
 * <p>Voting needs an active membership in the post's community, which must not be archived. A
 * vote through another pseudonym of the same account replaces the account's vote rather than adding
 * one. A vote on a post written by the same account (through any of its pseudonyms) is kept but
 * never counted. Counters stay exact under any concurrency.
 */
public interface Votes {

    /**
     * Casts or changes the account's vote on a post.
     *
     * @throws dev.niche.community.ConflictException if the post is deleted
     */
    VoteOutcome cast(Actor actor, CastVote command);

    /** Retracts the account's vote on a post; retracting when there is none changes nothing. */
    VoteOutcome retract(Actor actor, PostId post);
}
