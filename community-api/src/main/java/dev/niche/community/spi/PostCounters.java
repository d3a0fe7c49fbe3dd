package dev.niche.community.spi;

/**
 * A post's counters, which a store changes only atomically, through {@link PostTable#addVotes} and
 * {@link PostTable#addReply}.
 *
 * @param ups              counted up votes
 * @param downs            counted down votes
 * @param replyCount       direct replies
 * @param threadReplyCount for a root, replies in the whole thread; 0 for a reply
 */
public record PostCounters(int ups, int downs, int replyCount, int threadReplyCount) {
    /** The counters of a new post. */
    public static final PostCounters ZERO = new PostCounters(0, 0, 0, 0);

    /** {@code ups - downs}. */
    public int score() {
        return ups - downs;
    }
}
