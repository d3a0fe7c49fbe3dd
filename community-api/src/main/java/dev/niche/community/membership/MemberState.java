package dev.niche.community.membership;

/** Where a membership stands. */
public enum MemberState {
    /** A full member. */
    ACTIVE,
    /** Asked to join an APPROVAL community; waits for a moderator. */
    PENDING,
    /** Banned by a moderator; cannot take part or rejoin until unbanned. */
    BANNED,
    /** Left, or was rejected; may join again. */
    LEFT
}
