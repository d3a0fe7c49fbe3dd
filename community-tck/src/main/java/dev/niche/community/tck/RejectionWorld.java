package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small, busy world in which every kind of command can be refused: members in every state,
 * communities of every kind, deleted, locked and deepest posts, dead invites. Replies nest at most
 * {@value #MAX_DEPTH} deep here.
 */
final class RejectionWorld {
    static final int MAX_DEPTH = 3;

    final Sandbox box;
    final CommunityEngine engine;
    final Actor owner;
    final Actor moderator;
    final Actor member;
    final Actor alias;
    final Actor outsider;
    final Actor applicant;
    final Actor banned;
    final Actor full;
    final CommunityView agora;
    final CommunityView invitation;
    final CommunityView club;
    final CommunityView archive;
    final CommunityView approval;
    final PostView thread;
    final PostView reply;
    final PostView deleted;
    final PostView locked;
    final PostView deep;
    final PostView clubThread;
    final PostView archivedThread;
    final InviteView usedUp;
    final InviteView revoked;
    final InviteView live;

    RejectionWorld(Sandbox box) {
        this.box = box;
        box.engine = box.newEngine(5, MAX_DEPTH);
        engine = box.engine;
        owner = box.person("founder");
        agora = box.openCommunity(owner, "agora");
        invitation = box.community(owner, "invitation", Visibility.PUBLIC, JoinPolicy.INVITE_ONLY);
        club = box.community(owner, "club", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY);
        archive = box.openCommunity(owner, "archive");
        moderator = box.member(agora, owner, "moderator-1");
        engine.memberships().changeRole(owner, agora.id(), moderator.pseudonym(), Role.MODERATOR);
        member = box.member(agora, owner, "member");
        alias = box.otherIdentity(member, "member-alias");
        outsider = box.person("outsider");
        applicant = box.person("applicant");
        banned = box.member(agora, owner, "banned");
        full = box.person("full-1");
        for (int i = 2; i <= 5; i++) {
            box.otherIdentity(full, "full-" + i);
        }
        thread = box.thread(member, agora);
        reply = box.reply(owner, thread);
        deleted = box.reply(owner, thread);
        locked = box.thread(member, agora);
        PostView post = thread;
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            post = box.reply(member, post);
        }
        deep = post;
        clubThread = box.thread(owner, club);
        archivedThread = box.thread(owner, archive);
        engine.votes().cast(member, new CastVote(reply.id(), Direction.UP));
        engine.votes().cast(owner, new CastVote(thread.id(), Direction.DOWN));
        engine.posts().delete(owner, deleted.id());
        engine.posts().setLocked(owner, locked.id(), true);
        engine.memberships().ban(owner, agora.id(), banned.pseudonym());
        engine.communities().archive(owner, archive.id());
        usedUp = box.invite(owner, invitation, 1);
        engine.memberships().join(box.person("first-guest"), JoinCommunity.withInvite(invitation.id(), usedUp.code()));
        revoked = engine.memberships().revokeInvite(owner, box.invite(owner, invitation, 5).id());
        live = box.invite(owner, club, 5);
        approval = box.community(owner, "by-approval", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        engine.memberships().join(applicant, JoinCommunity.of(approval.id()));
    }

    /** Everything readable about this world's accounts, communities and invites. */
    StoreSnapshot snapshot() {
        List<AccountId> accounts = Stream.of(owner, moderator, member, outsider, applicant, banned, full)
                .map(Actor::account).toList();
        List<CommunityId> communities = Stream.of(agora, invitation, club, archive, approval)
                .map(CommunityView::id).toList();
        List<InviteId> invites = List.of(usedUp.id(), revoked.id(), live.id());
        return StoreSnapshot.of(box.store, accounts, communities, invites);
    }
}
