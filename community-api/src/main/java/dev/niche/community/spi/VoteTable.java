package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.post.PostId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Votes. */
public interface VoteTable {

    /** The account's vote on a post. */
    Optional<VoteRecord> find(PostId post, AccountId account);

    /**
     * Stores a new vote.
     *
     * @throws DuplicateKeyException with {@link UniqueKey#VOTE} if the account already has a vote
     *         on the post
     */
    void insert(VoteRecord vote);

    /**
     * Replaces the voter, direction, {@code counted} and {@code castAt} of the account's vote on the
     * post.
     *
     * @throws IllegalStateException if there is no such vote
     */
    void update(VoteRecord vote);

    /** Deletes the account's vote on a post; returns whether there was one. */
    boolean delete(PostId post, AccountId account);

    /** The account's votes on those of {@code posts} it voted on, by post; one query for them all. */
    Map<PostId, VoteRecord> ofAccount(AccountId account, Collection<PostId> posts);

    /** Recounts a post's counted votes from the vote rows. */
    VoteTally tally(PostId post);
}
