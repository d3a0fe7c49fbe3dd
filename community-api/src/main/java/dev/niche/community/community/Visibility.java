package dev.niche.community.community;

/** Who may read a community. */
public enum Visibility {
    /** Anyone reads; active members post. */
    PUBLIC,
    /**
     * Anyone reads; only members a moderator approved, or who came with an invite, post. A
     * RESTRICTED community therefore has the join policy {@link JoinPolicy#APPROVAL} or
     * {@link JoinPolicy#INVITE_ONLY}, never {@link JoinPolicy#OPEN}.
     */
    RESTRICTED,
    /**
     * Only active members see anything, even that the community or its threads exist; everyone else
     * is answered NOT_FOUND. PRIVATE communities appear in discovery only to their members.
     */
    PRIVATE
}
