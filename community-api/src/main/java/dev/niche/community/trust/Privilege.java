package dev.niche.community.trust;

/**
 * What a member may do only from some trust level on. The level each privilege needs is part of the
 * community's {@link TrustPolicy}; owners and moderators hold every privilege whatever their level.
 *
 * <table>
 *   <caption>Default levels</caption>
 *   <tr><th>Privilege</th><th>Default level</th></tr>
 *   <tr><td>{@link #POST_LINKS}</td><td>{@link TrustLevel#BASIC}</td></tr>
 *   <tr><td>{@link #DOWNVOTE}</td><td>{@link TrustLevel#MEMBER}</td></tr>
 *   <tr><td>{@link #CREATE_INVITES}</td><td>{@link TrustLevel#MEMBER}</td></tr>
 * </table>
 */
public enum Privilege {
    /** Post a thread with a link, or a title or body that contains a web address. */
    POST_LINKS,
    /** Cast a down vote. */
    DOWNVOTE,
    /** Create invites to the community, as moderators always may. */
    CREATE_INVITES
}
