package dev.niche.community.membership;

/** What a member may do in a community beyond taking part. */
public enum Role {
    /** Holds the community: everything a moderator may, plus settings, roles, archive and transfer. */
    OWNER,
    /** Approves members, creates invites, locks threads and bans members. */
    MODERATOR,
    /** Takes part: posts, replies and votes. */
    MEMBER;

    /** Whether this role moderates: OWNER or MODERATOR. */
    public boolean moderates() {
        return this != MEMBER;
    }
}
