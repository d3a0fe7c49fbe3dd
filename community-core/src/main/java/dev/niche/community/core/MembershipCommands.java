package dev.niche.community.core;

import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.ForbiddenException;
import dev.niche.community.NotFoundException;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.membership.Memberships;
import dev.niche.community.membership.Role;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Joining, leaving, approvals, invites, roles and bans. */
final class MembershipCommands implements Memberships {
    private static final String BAD_INVITE = "the invite code is not valid: it may be mistyped, expired, used up or revoked";

    private final Context context;

    MembershipCommands(Context context) {
        this.context = context;
    }

    @Override
    public MembershipView join(Actor actor, JoinCommunity command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        return context.work().command("join community", (tx, outbox) -> {
            PseudonymRecord member = context.facts().actor(tx, actor);
            CommunityRecord community = tx.communities().byId(command.community())
                    .orElseThrow(() -> Access.communityNotFound(command.community().value()));
            Optional<InviteRecord> invite = command.inviteCode() == null
                    ? Optional.empty()
                    : Optional.of(validInvite(tx, command.inviteCode(), community));
            if (invite.isEmpty() && !Access.canRead(tx, actor.account(), community)) {
                throw Access.communityNotFound(community.id().value());
            }
            Access.open(community);
            Optional<MembershipRecord> existing = tx.memberships().find(community.id(), actor.account());
            existing.ifPresent(m -> refuseRejoin(m, actor));
            if (invite.isEmpty() && community.joinPolicy() == JoinPolicy.INVITE_ONLY) {
                throw new ForbiddenException("community " + community.slug() + " admits only members with an invite code");
            }
            invite.ifPresent(i -> {
                if (!tx.invites().use(i.id(), i.maxUses())) {
                    throw new ForbiddenException(BAD_INVITE);
                }
            });
            MemberState state = invite.isEmpty() && community.joinPolicy() == JoinPolicy.APPROVAL
                    ? MemberState.PENDING : MemberState.ACTIVE;
            Instant now = context.now();
            MembershipRecord joined = new MembershipRecord(community.id(), actor.account(), member.id(), Role.MEMBER, state, now);
            if (existing.isPresent()) {
                if (!existing.get().pseudonym().equals(member.id())) {
                    NewFaces.startOver(tx, community.id(), actor.account(), now);
                }
                tx.memberships().update(joined);
            } else {
                tx.memberships().insert(joined);
            }
            if (state == MemberState.ACTIVE) {
                tx.communities().addToMemberCount(community.id(), 1);
            }
            outbox.add(new CommunityEvent.MemberJoined(community.id(), member.id(), state, now));
            return Views.membership(joined, member);
        });
    }

    private InviteRecord validInvite(StoreTransaction tx, String code, CommunityRecord community) {
        return tx.invites().byCode(code)
                .filter(i -> i.community().equals(community.id()))
                .filter(i -> !i.revoked() && i.uses() < i.maxUses() && context.now().isBefore(i.expiresAt()))
                .orElseThrow(() -> new ForbiddenException(BAD_INVITE));
    }

    /** Why an account with a membership in some state may not join again, if it may not. */
    private static void refuseRejoin(MembershipRecord existing, Actor actor) {
        switch (existing.state()) {
            case ACTIVE, PENDING -> {
                if (existing.pseudonym().equals(actor.pseudonym())) {
                    throw new ConflictException("pseudonym " + actor.pseudonym() + " is already "
                            + (existing.state() == MemberState.ACTIVE ? "a member" : "waiting for approval"));
                }
                // Naming the other pseudonym would link two identities of one account.
                throw new ConflictException("this account is already a member of the community through another identity");
            }
            case BANNED -> throw new ForbiddenException("this account is banned from the community");
            case LEFT -> { }
        }
    }

    @Override
    public MembershipView leave(Actor actor, CommunityId communityId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(communityId, "community");
        return context.work().command("leave community", (tx, outbox) -> {
            PseudonymRecord member = context.facts().actor(tx, actor);
            CommunityRecord community = tx.communities().byId(communityId)
                    .orElseThrow(() -> Access.communityNotFound(communityId.value()));
            MembershipRecord current = tx.memberships().find(communityId, actor.account())
                    .filter(m -> m.pseudonym().equals(actor.pseudonym()))
                    .filter(m -> m.state() == MemberState.ACTIVE || m.state() == MemberState.PENDING)
                    .orElseThrow(() -> new NotFoundException("pseudonym " + actor.pseudonym()
                            + " is not a member of community " + communityId));
            if (current.role() == Role.OWNER) {
                throw new ConflictException("the owner cannot leave community " + community.slug()
                        + "; transfer ownership first");
            }
            Instant now = context.now();
            MembershipRecord left = current.withRole(Role.MEMBER).withState(MemberState.LEFT, now);
            tx.memberships().update(left);
            if (current.state() == MemberState.ACTIVE) {
                tx.communities().addToMemberCount(communityId, -1);
            }
            outbox.add(new CommunityEvent.MemberLeft(communityId, member.id(), now));
            return Views.membership(left, member);
        });
    }

    @Override
    public MembershipView approve(Actor moderator, CommunityId community, PseudonymId applicant) {
        return decideApplication(moderator, community, applicant, true);
    }

    @Override
    public MembershipView reject(Actor moderator, CommunityId community, PseudonymId applicant) {
        return decideApplication(moderator, community, applicant, false);
    }

    private MembershipView decideApplication(Actor moderator, CommunityId communityId, PseudonymId applicant, boolean approve) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(applicant, "applicant");
        return context.work().command(approve ? "approve member" : "reject member", (tx, outbox) -> {
            context.facts().actor(tx, moderator);
            CommunityRecord community = Access.readable(tx, moderator.asViewer(), communityId);
            Access.moderator(tx, moderator, community);
            if (approve) {
                Access.open(community);
            }
            MembershipRecord pending = tx.memberships().findByPseudonym(communityId, applicant)
                    .filter(m -> m.state() == MemberState.PENDING)
                    .orElseThrow(() -> new NotFoundException("pseudonym " + applicant
                            + " has no pending request to join community " + community.slug()));
            Instant now = context.now();
            MembershipRecord decided = pending.withState(approve ? MemberState.ACTIVE : MemberState.LEFT, now);
            tx.memberships().update(decided);
            if (approve) {
                tx.communities().addToMemberCount(communityId, 1);
                outbox.add(new CommunityEvent.MemberApproved(communityId, applicant, moderator.pseudonym(), now));
            } else {
                outbox.add(new CommunityEvent.MemberRejected(communityId, applicant, moderator.pseudonym(), now));
            }
            return Views.membership(decided, holder(tx, decided));
        });
    }

    @Override
    public InviteView createInvite(Actor actor, CreateInvite command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        if (command.validFor().compareTo(CreateInvite.MIN_VALIDITY) < 0
                || command.validFor().compareTo(CreateInvite.MAX_VALIDITY) > 0) {
            throw InputValidator.invalid("validFor", command.validFor(), "must be between 1 minute and 30 days");
        }
        return context.work().command("create invite", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            CommunityRecord community = Access.readable(tx, actor.asViewer(), command.community());
            MembershipRecord member = Access.participant(tx, actor, community);
            Access.open(community);
            TrustPolicy policy = Policies.of(tx, community.id(), context.settings().trustPolicy());
            Policies.require(tx, policy, community, member, Privilege.CREATE_INVITES);
            Instant now = context.now();
            InviteRecord invite = new InviteRecord(new InviteId(context.ids().newId()), community.id(),
                    context.ids().newSecretCode(), actor.pseudonym(), now, now.plus(command.validFor()),
                    command.maxUses(), 0, false);
            tx.invites().insert(invite);
            outbox.add(new CommunityEvent.InviteCreated(community.id(), invite.id(), actor.pseudonym(), now));
            return view(invite);
        });
    }

    @Override
    public InviteView revokeInvite(Actor moderator, InviteId inviteId) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(inviteId, "invite");
        return context.work().command("revoke invite", (tx, outbox) -> {
            context.facts().actor(tx, moderator);
            NotFoundException notFound = new NotFoundException("invite " + inviteId + " does not exist");
            InviteRecord invite = tx.invites().byId(inviteId).orElseThrow(() -> notFound);
            CommunityRecord community = tx.communities().byId(invite.community()).orElseThrow(() -> notFound);
            if (!Access.canRead(tx, moderator.account(), community)) {
                throw notFound;
            }
            Access.moderator(tx, moderator, community);
            tx.invites().revoke(inviteId);
            outbox.add(new CommunityEvent.InviteRevoked(community.id(), inviteId, moderator.pseudonym(), context.now()));
            return view(tx.invites().byId(inviteId).orElseThrow());
        });
    }

    @Override
    public MembershipView changeRole(Actor owner, CommunityId communityId, PseudonymId memberId, Role role) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(memberId, "member");
        Objects.requireNonNull(role, "role");
        if (role == Role.OWNER) {
            throw InputValidator.invalid("role", role, "cannot be given by a role change; use transferOwnership");
        }
        return context.work().command("change role", (tx, outbox) -> {
            context.facts().actor(tx, owner);
            CommunityRecord community = Access.readable(tx, owner.asViewer(), communityId);
            Access.owner(tx, owner, community);
            Access.open(community);
            MembershipRecord target = activeMember(tx, community, memberId);
            if (target.role() == Role.OWNER) {
                throw new ConflictException("the owner's role changes only by transferring ownership");
            }
            MembershipRecord changed = target.withRole(role);
            tx.memberships().update(changed);
            outbox.add(new CommunityEvent.RoleChanged(communityId, memberId, role, owner.pseudonym(), context.now()));
            return Views.membership(changed, holder(tx, changed));
        });
    }

    @Override
    public MembershipView transferOwnership(Actor owner, CommunityId communityId, PseudonymId newOwnerId) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(newOwnerId, "newOwner");
        return context.work().command("transfer ownership", (tx, outbox) -> {
            context.facts().actor(tx, owner);
            CommunityRecord community = Access.readable(tx, owner.asViewer(), communityId);
            MembershipRecord current = Access.owner(tx, owner, community);
            Access.open(community);
            MembershipRecord successor = activeMember(tx, community, newOwnerId);
            if (successor.role() == Role.OWNER) {
                throw new ConflictException("pseudonym " + newOwnerId + " already owns community " + community.slug());
            }
            MembershipRecord promoted = successor.withRole(Role.OWNER);
            tx.memberships().update(current.withRole(Role.MODERATOR));
            tx.memberships().update(promoted);
            Instant now = context.now();
            outbox.add(new CommunityEvent.RoleChanged(communityId, owner.pseudonym(), Role.MODERATOR, owner.pseudonym(), now));
            outbox.add(new CommunityEvent.RoleChanged(communityId, newOwnerId, Role.OWNER, owner.pseudonym(), now));
            return Views.membership(promoted, holder(tx, promoted));
        });
    }

    @Override
    public MembershipView ban(Actor moderator, CommunityId communityId, PseudonymId memberId) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(memberId, "member");
        return context.work().command("ban member", (tx, outbox) -> {
            context.facts().actor(tx, moderator);
            CommunityRecord community = Access.readable(tx, moderator.asViewer(), communityId);
            MembershipRecord acting = Access.moderator(tx, moderator, community);
            MembershipRecord target = tx.memberships().findByPseudonym(communityId, memberId)
                    .filter(m -> m.state() != MemberState.BANNED)
                    .orElseThrow(() -> new NotFoundException("pseudonym " + memberId
                            + " has no membership to ban in community " + community.slug()));
            if (target.role() == Role.OWNER) {
                throw new ForbiddenException("nobody can ban the owner of community " + community.slug());
            }
            if (target.role() == Role.MODERATOR && acting.role() != Role.OWNER) {
                throw new ForbiddenException("only the owner of community " + community.slug() + " may ban a moderator");
            }
            Instant now = context.now();
            MembershipRecord banned = target.withRole(Role.MEMBER).withState(MemberState.BANNED, now);
            tx.memberships().update(banned);
            if (target.state() == MemberState.ACTIVE) {
                tx.communities().addToMemberCount(communityId, -1);
            }
            outbox.add(new CommunityEvent.MemberBanned(communityId, memberId, moderator.pseudonym(), now));
            return Views.membership(banned, holder(tx, banned));
        });
    }

    @Override
    public MembershipView unban(Actor moderator, CommunityId communityId, PseudonymId memberId) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(memberId, "member");
        return context.work().command("unban member", (tx, outbox) -> {
            context.facts().actor(tx, moderator);
            CommunityRecord community = Access.readable(tx, moderator.asViewer(), communityId);
            Access.moderator(tx, moderator, community);
            MembershipRecord target = tx.memberships().findByPseudonym(communityId, memberId)
                    .filter(m -> m.state() == MemberState.BANNED)
                    .orElseThrow(() -> new NotFoundException("pseudonym " + memberId
                            + " is not banned from community " + community.slug()));
            Instant now = context.now();
            MembershipRecord lifted = target.withState(MemberState.LEFT, now);
            tx.memberships().update(lifted);
            outbox.add(new CommunityEvent.MemberUnbanned(communityId, memberId, moderator.pseudonym(), now));
            return Views.membership(lifted, holder(tx, lifted));
        });
    }

    @Override
    public Optional<MembershipView> membership(Actor actor, CommunityId communityId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(communityId, "community");
        return context.work().query("get own membership", tx -> {
            context.facts().actor(tx, actor);
            return tx.memberships().find(communityId, actor.account()).map(m -> Views.membership(m, holder(tx, m)));
        });
    }

    @Override
    public Page<MembershipView> members(Viewer viewer, CommunityId communityId, MemberState state, PageRequest page) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(page, "page");
        MemberKey after = page.after().map(c -> Cursors.membersAfter(communityId, state, c)).orElse(null);
        return context.work().query("list members", tx -> {
            CommunityRecord community = Access.readable(tx, viewer, communityId);
            if (state != MemberState.ACTIVE && !moderates(tx, viewer, community)) {
                throw new ForbiddenException("only moderators of community " + community.slug()
                        + " may list " + state + " members");
            }
            List<MembershipRecord> found = tx.memberships().page(communityId, state, after, page.size() + 1);
            boolean more = found.size() > page.size();
            List<MembershipRecord> items = more ? found.subList(0, page.size()) : found;
            MembershipRecord last = items.isEmpty() ? null : items.get(items.size() - 1);
            String next = more && last != null ? Cursors.ofMembers(communityId, state, new MemberKey(last.since(), last.pseudonym())) : null;
            return new Page<>(Views.memberships(tx, items), next);
        });
    }

    private static boolean moderates(StoreTransaction tx, Viewer viewer, CommunityRecord community) {
        return viewer.account()
                .flatMap(account -> tx.memberships().find(community.id(), account))
                .filter(m -> m.state() == MemberState.ACTIVE && m.role().moderates())
                .isPresent();
    }

    private static MembershipRecord activeMember(StoreTransaction tx, CommunityRecord community, PseudonymId member) {
        return tx.memberships().findByPseudonym(community.id(), member)
                .filter(m -> m.state() == MemberState.ACTIVE)
                .orElseThrow(() -> new NotFoundException("pseudonym " + member
                        + " is not an active member of community " + community.slug()));
    }

    private static PseudonymRecord holder(StoreTransaction tx, MembershipRecord membership) {
        return tx.pseudonyms().byId(membership.pseudonym()).orElseThrow();
    }

    private static InviteView view(InviteRecord r) {
        return new InviteView(r.id(), r.community(), r.code(), r.expiresAt(), r.maxUses(), r.uses(), r.revoked());
    }
}
