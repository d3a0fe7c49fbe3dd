package dev.niche.community.community;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;

/**
 * Communities: small groups around a niche.
 *
 * <pre>{@code
 * CommunityView flyers = engine.communities().create(owner, new CreateCommunity(
 *         "fearful-flyers", "Fearful flyers", "Flying with less fear, together.",
 *         List.of("travel", "anxiety"), List.of("Be kind."), Visibility.PUBLIC, JoinPolicy.OPEN));
 * }</pre>
 */
public interface Communities {

    /**
     * Creates a community. The actor becomes its OWNER and first active member.
     *
     * @throws dev.niche.community.InvalidInputException if a field is malformed, or a RESTRICTED
     *         community is to be OPEN
     * @throws dev.niche.community.ConflictException if the slug is taken
     */
    CommunityView create(Actor actor, CreateCommunity command);

    /**
     * Replaces a community's settings; its owner and moderators may.
     *
     * @throws dev.niche.community.ForbiddenException if the actor is neither
     * @throws dev.niche.community.ConflictException if the community is archived
     */
    CommunityView update(Actor actor, UpdateCommunity command);

    /**
     * Archives a community: it stays readable, but takes no new posts, votes or members. Only its
     * owner may; archiving is final.
     */
    CommunityView archive(Actor actor, CommunityId community);

    /**
     * A community by id.
     *
     * @throws dev.niche.community.NotFoundException if there is none, or it is PRIVATE and the
     *         viewer is not an active member
     */
    CommunityView get(Viewer viewer, CommunityId community);

    /** A community by slug, with the same visibility rule as {@link #get}. */
    CommunityView getBySlug(Viewer viewer, String slug);

    /**
     * Finds communities by tag and words, in slug order. PRIVATE communities appear only to their
     * active members.
     */
    Page<CommunityView> discover(Viewer viewer, DiscoveryQuery query, PageRequest page);
}
