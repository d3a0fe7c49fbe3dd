package dev.niche.community.spi;

/** The uniqueness invariants a store enforces. */
public enum UniqueKey {
    /** One community per slug. */
    COMMUNITY_SLUG,
    /** One pseudonym per handle, compared case-insensitively. */
    PSEUDONYM_HANDLE,
    /** One membership per (community, account). */
    MEMBERSHIP,
    /** One vote per (post, account). */
    VOTE,
    /** One invite per code. */
    INVITE_CODE,
    /** One row per id, for any table. */
    ID
}
