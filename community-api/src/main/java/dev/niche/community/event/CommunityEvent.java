package dev.niche.community.event;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.time.Instant;

/**
 * A fact the engine appends to the durable feed ({@link EventFeed}) in the unit of work of the
 * command that caused it, and publishes to host {@link EventListener}s after that command
 * committed. Events name pseudonyms, never accounts, and never link two pseudonyms of one account.
 * Each type has a stored JSON form of its own, listed with its version in docs/events.md.
 *
 * <pre>{@code
 * EventListener listener = event -> {
 *     if (event instanceof CommunityEvent.ReplyPosted reply) {
 *         notifications.replyArrived(reply.thread(), reply.reply());
 *     }
 * };
 * }</pre>
 */
public sealed interface CommunityEvent {

    /** When the command that caused it ran, by the engine's clock. */
    Instant at();

    /** A pseudonym was registered. */
    record PseudonymRegistered(PseudonymId pseudonym, String handle, Instant at) implements CommunityEvent {}

    /** Host staff revealed the account behind a pseudonym; the audit trail of that call. */
    record AccountRevealed(PseudonymId pseudonym, String reason, Instant at) implements CommunityEvent {}

    /** A community was created by its owner. */
    record CommunityCreated(CommunityId community, String slug, PseudonymId owner, Instant at) implements CommunityEvent {}

    /** A community's settings were replaced. */
    record CommunityUpdated(CommunityId community, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A community was archived. */
    record CommunityArchived(CommunityId community, PseudonymId by, Instant at) implements CommunityEvent {}

    /** Someone joined, as an active member or, in an APPROVAL community, as a pending one. */
    record MemberJoined(CommunityId community, PseudonymId member, MemberState state, Instant at) implements CommunityEvent {}

    /** A moderator approved a pending member. */
    record MemberApproved(CommunityId community, PseudonymId member, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A moderator rejected a pending member. */
    record MemberRejected(CommunityId community, PseudonymId member, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A member left. */
    record MemberLeft(CommunityId community, PseudonymId member, Instant at) implements CommunityEvent {}

    /** A moderator banned a member. */
    record MemberBanned(CommunityId community, PseudonymId member, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A moderator lifted a ban. */
    record MemberUnbanned(CommunityId community, PseudonymId member, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A member's role changed, by promotion, demotion or ownership transfer. */
    record RoleChanged(CommunityId community, PseudonymId member, Role role, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A moderator created an invite. The event does not carry the secret code. */
    record InviteCreated(CommunityId community, InviteId invite, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A moderator revoked an invite. */
    record InviteRevoked(CommunityId community, InviteId invite, PseudonymId by, Instant at) implements CommunityEvent {}

    /** A thread was started. */
    record ThreadStarted(CommunityId community, PostId thread, PseudonymId author, Instant at) implements CommunityEvent {}

    /** A reply was posted. */
    record ReplyPosted(CommunityId community, PostId thread, PostId parent, PostId reply, PseudonymId author, Instant at)
            implements CommunityEvent {}

    /** A post was edited by its author. */
    record PostEdited(CommunityId community, PostId post, PseudonymId author, Instant at) implements CommunityEvent {}

    /** A post was deleted by its author and is now a tombstone. */
    record PostDeleted(CommunityId community, PostId post, Instant at) implements CommunityEvent {}

    /** A moderator locked or unlocked a thread. */
    record ThreadLockChanged(CommunityId community, PostId thread, boolean locked, PseudonymId by, Instant at)
            implements CommunityEvent {}

    /**
     * A vote was cast or changed. Whether it counts is deliberately left out: a vote that does not
     * count would reveal that the voter and the author share an account.
     */
    record VoteCast(CommunityId community, PostId post, PseudonymId voter, Direction direction, Instant at)
            implements CommunityEvent {}

    /** A vote was retracted. */
    record VoteRetracted(CommunityId community, PostId post, PseudonymId voter, Instant at) implements CommunityEvent {}

    /**
     * A member's trust level changed: earned by the rules, kept or lost at level 3, or granted or taken
     * back by the owner.
     */
    record TrustLevelChanged(CommunityId community, PseudonymId member, TrustLevel from, TrustLevel to, Instant at)
            implements CommunityEvent {}

    /** A community's trust scores were recomputed for {@code members} accounts. */
    record TrustRecomputed(CommunityId community, int members, Instant at) implements CommunityEvent {}
}
