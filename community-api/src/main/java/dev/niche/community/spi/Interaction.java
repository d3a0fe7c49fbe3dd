package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.vote.Direction;
import java.util.Objects;

/**
 * How often one account acted on another account's posts in a community, counted per distinct value
 * of every fact the engine's endorsement rule looks at. A store counts and groups; it never decides
 * which interactions endorse: the engine does (docs/trust.md).
 *
 * <p>For a vote, {@code from} is the voter and {@code to} the voted post's author. For a reply,
 * {@code from} is the reply's author and {@code to} the author of the post it answers. {@code from}
 * and {@code to} may be the same account; the store reports such rows like any other.
 *
 * @param from        the acting account
 * @param to          the account whose post was voted on or replied to
 * @param kind        what the act was
 * @param counted     for a vote, whether it counts ({@link VoteRecord#counted()}); for a reply, {@code true}
 * @param replyDeleted for a reply, whether the reply is a tombstone; for a vote, {@code false}
 * @param postDeleted whether the post voted on, or replied to, is a tombstone
 * @param count       how many such acts, at least 1
 * @since 0.2
 */
public record Interaction(AccountId from, AccountId to, Kind kind, boolean counted, boolean replyDeleted,
        boolean postDeleted, long count) {

    /** What one account did to another's post. */
    public enum Kind {
        /** An up vote. */
        UP_VOTE,
        /** A down vote. */
        DOWN_VOTE,
        /** A reply. */
        REPLY
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if an account or the kind is null
     * @throws IllegalArgumentException if {@code count} is below 1, or a vote says it was deleted, or a
     *                                  reply that it was not counted
     */
    public Interaction {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("an interaction counts at least one act, not " + count);
        }
        if (kind == Kind.REPLY ? !counted : replyDeleted) {
            throw new IllegalArgumentException(kind == Kind.REPLY
                    ? "a reply is always counted" : "a vote is never a deleted reply");
        }
    }

    /** {@code count} votes by {@code voter} on posts by {@code author}, grouped by whether they count and the post is deleted. */
    public static Interaction vote(AccountId voter, AccountId author, Direction direction, boolean counted,
            boolean postDeleted, long count) {
        return new Interaction(voter, author, direction == Direction.UP ? Kind.UP_VOTE : Kind.DOWN_VOTE, counted, false,
                postDeleted, count);
    }

    /** {@code count} replies by {@code author} to posts by {@code parentAuthor}, grouped by which of the two are deleted. */
    public static Interaction reply(AccountId author, AccountId parentAuthor, boolean replyDeleted,
            boolean parentDeleted, long count) {
        return new Interaction(author, parentAuthor, Kind.REPLY, true, replyDeleted, parentDeleted, count);
    }
}
