package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.ForbiddenException;
import dev.niche.community.NotFoundException;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.Visibility;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostDecision;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import java.util.Optional;

/**
 * Who may see and do what. Each check reads what it needs in the caller's unit of work and throws
 * the error the API documents; none writes.
 */
final class Access {
    private Access() {}

    /** A community the viewer may read; PRIVATE ones exist only for their active members. */
    static CommunityRecord readable(StoreTransaction tx, Viewer viewer, CommunityId id) {
        CommunityRecord community = tx.communities().byId(id).orElseThrow(() -> communityNotFound(id.value()));
        if (!canRead(tx, viewer.account().orElse(null), community)) {
            throw communityNotFound(id.value());
        }
        return community;
    }

    /** Whether an account (or, for {@code null}, anybody) may read a community. */
    static boolean canRead(StoreTransaction tx, @org.jspecify.annotations.Nullable AccountId account, CommunityRecord community) {
        if (community.visibility() != Visibility.PRIVATE) {
            return true;
        }
        return account != null && canRead(community, tx.memberships().find(community.id(), account).orElse(null));
    }

    /**
     * Whether an account whose membership in the community is {@code membership} (or nobody, for
     * {@code null}) may read it: PRIVATE communities exist only for their active members.
     */
    static boolean canRead(CommunityRecord community, @org.jspecify.annotations.Nullable MembershipRecord membership) {
        return community.visibility() != Visibility.PRIVATE
                || membership != null && membership.state() == MemberState.ACTIVE;
    }

    /**
     * The post of a decision read whose community the actor may read, with that community; the
     * same answers as {@link #readablePostIn}.
     */
    static PostInCommunity readablePostIn(PostDecision decision) {
        PostRecord post = decision.post();
        CommunityRecord community = decision.community();
        if (community == null || !canRead(community, decision.membership())) {
            throw postNotFound(post.id());
        }
        return new PostInCommunity(post, community);
    }

    /** A post with the community it belongs to, read once for both the visibility check and the rules. */
    record PostInCommunity(PostRecord post, CommunityRecord community) {}

    /** A post whose community the viewer may read. */
    static PostRecord readablePost(StoreTransaction tx, Viewer viewer, PostId id) {
        return readablePostIn(tx, viewer, id).post();
    }

    /** A post whose community the viewer may read, with that community. */
    static PostInCommunity readablePostIn(StoreTransaction tx, Viewer viewer, PostId id) {
        PostRecord post = tx.posts().byId(id).orElseThrow(() -> postNotFound(id));
        CommunityRecord community = tx.communities().byId(post.community()).orElseThrow(() -> postNotFound(id));
        if (!canRead(tx, viewer.account().orElse(null), community)) {
            throw postNotFound(id);
        }
        return new PostInCommunity(post, community);
    }

    static NotFoundException communityNotFound(String idOrSlug) {
        return new NotFoundException("community " + idOrSlug + " does not exist");
    }

    static NotFoundException postNotFound(PostId id) {
        return new NotFoundException("post " + id + " does not exist");
    }

    /**
     * The active membership the actor's pseudonym holds in a community it may read. Taking part
     * (posting, moderating) is done under the pseudonym that holds the account's membership.
     */
    static MembershipRecord participant(StoreTransaction tx, Actor actor, CommunityRecord community) {
        return participant(actor, community, tx.memberships().find(community.id(), actor.account()).orElse(null));
    }

    /** {@link #participant(StoreTransaction, Actor, CommunityRecord)} on the account's membership, already read. */
    static MembershipRecord participant(Actor actor, CommunityRecord community,
            @org.jspecify.annotations.Nullable MembershipRecord membership) {
        if (membership == null || membership.state() != MemberState.ACTIVE
                || !membership.pseudonym().equals(actor.pseudonym())) {
            if (!canRead(community, membership)) {
                throw communityNotFound(community.id().value());
            }
            throw new ForbiddenException("pseudonym " + actor.pseudonym() + " must be an active member of community "
                    + community.slug() + " to do this");
        }
        return membership;
    }

    /**
     * Refuses every write by an account banned from the community, whichever of its pseudonyms acts:
     * a ban stops edits and deletions of one's own posts too, not only new posts and votes. A member
     * who left may still change what they wrote.
     */
    static void notBanned(Actor actor, CommunityRecord community,
            @org.jspecify.annotations.Nullable MembershipRecord membership) {
        if (membership != null && membership.state() == MemberState.BANNED) {
            throw new ForbiddenException("pseudonym " + actor.pseudonym() + " is banned from community "
                    + community.slug());
        }
    }

    /** The actor's active membership, held by a moderating role. */
    static MembershipRecord moderator(StoreTransaction tx, Actor actor, CommunityRecord community) {
        return moderator(actor, community, tx.memberships().find(community.id(), actor.account()).orElse(null));
    }

    /** {@link #moderator(StoreTransaction, Actor, CommunityRecord)} on the account's membership, already read. */
    static MembershipRecord moderator(Actor actor, CommunityRecord community,
            @org.jspecify.annotations.Nullable MembershipRecord found) {
        MembershipRecord membership = participant(actor, community, found);
        if (!membership.role().moderates()) {
            throw new ForbiddenException("only moderators of community " + community.slug() + " may do this");
        }
        return membership;
    }

    /** The actor's active membership, as the owner. */
    static MembershipRecord owner(StoreTransaction tx, Actor actor, CommunityRecord community) {
        MembershipRecord membership = participant(tx, actor, community);
        if (membership.role() != Role.OWNER) {
            throw new ForbiddenException("only the owner of community " + community.slug() + " may do this");
        }
        return membership;
    }

    /** Refuses changes to an archived community. */
    static CommunityRecord open(CommunityRecord community) {
        if (community.archived()) {
            throw new ConflictException("community " + community.slug() + " is archived; it takes no changes");
        }
        return community;
    }
}
