package dev.niche.community.vote;

import dev.niche.community.Actor;
import dev.niche.community.post.PostId;

/**
 * Votes: at most one per account per post, cast under the pseudonym that holds the account's
 * membership.
 *
 * <pre>{@code
 * engine.votes().cast(bob, new CastVote(thread.id(), Direction.UP));
 * engine.votes().cast(bob, new CastVote(thread.id(), Direction.DOWN)); // changes it
 * engine.votes().retract(bob, thread.id());                             // takes it back
 * }</pre>
 *
 * <p>Voting needs an active membership in the post's community, which must not be archived, and the
 * actor's pseudonym must be the one that holds it; any other pseudonym of the account is FORBIDDEN.
 * An account that left and rejoined under another pseudonym still holds its one vote on each post,
 * as it was cast: the new pseudonym may repeat it (which changes and publishes nothing) but not change
 * or retract it, which is FORBIDDEN, since a vote moved under the new pseudonym would show everyone
 * that the two pseudonyms are one account.
 * A vote on a post written by the same account (through any of its pseudonyms) is FORBIDDEN: it is
 * refused, not kept uncounted, because a published vote that moves no counter would show everyone
 * that voter and author are one account. Counters stay exact under any concurrency.
 */
public interface Votes {

    /**
     * Casts or changes the account's vote on a post.
     *
     * @throws dev.niche.community.ConflictException if the post is deleted
     * @throws dev.niche.community.ForbiddenException if the actor's pseudonym holds no active membership
     *         in the post's community, the post was written by the actor's account, or the account's
     *         vote on it was cast under another of its pseudonyms and this one would change it
     */
    VoteOutcome cast(Actor actor, CastVote command);

    /**
     * Retracts the account's vote on a post; retracting when there is none changes nothing.
     *
     * @throws dev.niche.community.ForbiddenException if the actor's pseudonym holds no active membership
     *         in the post's community, or the account's vote was cast under another of its pseudonyms
     */
    VoteOutcome retract(Actor actor, PostId post);
}
