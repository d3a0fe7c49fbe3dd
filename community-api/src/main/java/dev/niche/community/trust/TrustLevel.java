package dev.niche.community.trust;

/**
 * How far a member has come in one community. Levels 0 to 3 are earned from recorded activity by the
 * rules of the community's {@link TrustPolicy}; {@link #LEADER} is granted only by the owner.
 */
public enum TrustLevel {
    /** Level 0: just joined. */
    NEW,
    /** Level 1: has read around. */
    BASIC,
    /** Level 2: has come back, read and taken part. */
    MEMBER,
    /** Level 3: has stayed active over the recent window; kept while activity stays near the bar. */
    REGULAR,
    /** Level 4: granted by the owner, never earned automatically. */
    LEADER;

    /** The level's number, 0 to 4. */
    public int number() {
        return ordinal();
    }

    /** Whether this level is at least {@code other}. */
    public boolean atLeast(TrustLevel other) {
        return compareTo(other) >= 0;
    }
}
