package dev.niche.community.community;

/** How an account becomes a member. A valid invite admits at once under every policy. */
public enum JoinPolicy {
    /** Joining makes an active member at once. */
    OPEN,
    /** Joining makes a pending member until a moderator approves or rejects. */
    APPROVAL,
    /** Joining needs a valid invite code. */
    INVITE_ONLY
}
