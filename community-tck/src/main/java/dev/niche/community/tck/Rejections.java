package dev.niche.community.tck;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.Role;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.PostId;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Commands that a {@link RejectionWorld} must refuse: invalid, forbidden, conflicting, or aimed at
 * what the actor may not see.
 */
final class Rejections {
    private static final long THIRTY_DAYS = Duration.ofDays(30).getSeconds();

    private Rejections() {}

    /**
     * A command and the code it must fail with.
     *
     * @param description what it tries, for the report of a failed try
     * @param code        the code it must fail with
     * @param command     the command, in a given world
     */
    record Rejection(String description, ErrorCode code, Function<RejectionWorld, ThrowingCallable> command) {
        @Override
        public String toString() {
            return description + " -> " + code;
        }
    }

    static Arbitrary<Rejection> any() {
        return Arbitraries.oneOf(invalid(), forbidden(), conflicting(), notFound());
    }

    private static Rejection rejection(String description, ErrorCode code,
            Function<RejectionWorld, ThrowingCallable> command) {
        return new Rejection(description, code, command);
    }

    private static Rejection invalid(String description, Function<RejectionWorld, ThrowingCallable> command) {
        return rejection(description, ErrorCode.INVALID_INPUT, command);
    }

    private static Arbitrary<String> mixedCase(String... words) {
        return Combinators.combine(Arbitraries.of(words), Arbitraries.integers().between(0, 1 << 16))
                .as((word, mask) -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < word.length(); i++) {
                        char c = word.charAt(i);
                        out.append((mask >> (i % 16) & 1) == 1 ? Character.toUpperCase(c) : c);
                    }
                    return out.toString();
                });
    }

    /** Ids that exist nowhere, from the try's seed. */
    private static Arbitrary<UUID> ids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    private static CreateCommunity creation(String slug, Visibility visibility, JoinPolicy policy) {
        return EngineFixture.creation(slug, visibility, policy);
    }

    static Arbitrary<Rejection> invalid() {
        Arbitrary<Rejection> badHandle = Arbitraries.strings().withChars("abXY09_-!. @\u00e9").ofMaxLength(40)
                .filter(handle -> !handle.matches("[A-Za-z0-9_-]{3,32}"))
                .map(handle -> invalid("register malformed handle \"" + handle + "\"",
                        w -> () -> w.engine.identities().register(w.member.account(), new RegisterPseudonym(handle))));
        Arbitrary<Rejection> reserved = mixedCase("admin", "moderator", "system", "root", "staff", "deleted")
                .map(handle -> invalid("register reserved handle " + handle,
                        w -> () -> w.engine.identities()
                                .register(w.outsider.account(), new RegisterPseudonym(handle))));
        Arbitrary<Rejection> controlInTitle = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(20),
                        Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.strings().alpha().ofMaxLength(20))
                .as((before, control, after) -> invalid(
                        String.format(Locale.ROOT, "start a thread titled with U+%04X", (int) control),
                        w -> () -> w.engine.posts().startThread(w.member,
                                new StartThread(w.agora.id(), before + control + after, "", null))));
        Arbitrary<Rejection> longTitle = Arbitraries.integers().between(301, 400)
                .map(n -> invalid("start a thread with a title of " + n + " code points",
                        w -> () -> w.engine.posts()
                                .startThread(w.member, new StartThread(w.agora.id(), "t".repeat(n), "", null))));
        Arbitrary<Rejection> badReply = Arbitraries.oneOf(Arbitraries.just(""),
                        Arbitraries.integers().between(10_001, 10_050).map(n -> "b".repeat(n)))
                .map(body -> invalid("reply with a body of " + body.length() + " code points",
                        w -> () -> w.engine.posts().reply(w.member, new Reply(w.thread.id(), body))));
        Arbitrary<Rejection> badValidity = Arbitraries.oneOf(Arbitraries.longs().between(-600, 59),
                        Arbitraries.longs().between(THIRTY_DAYS + 1, 3 * THIRTY_DAYS))
                .map(seconds -> invalid("create an invite valid for " + seconds + " s",
                        w -> () -> w.engine.memberships().createInvite(w.owner,
                                new CreateInvite(w.invitation.id(), Duration.ofSeconds(seconds), 1))));
        Arbitrary<Rejection> badUses = Arbitraries.oneOf(Arbitraries.integers().between(-10, 0),
                        Arbitraries.integers().between(1001, 100_000))
                .map(uses -> invalid("create an invite for " + uses + " uses",
                        w -> () -> w.engine.memberships().createInvite(w.owner,
                                new CreateInvite(w.invitation.id(), Duration.ofDays(1), uses))));
        Arbitrary<Rejection> badSlug = Arbitraries.strings().withChars("abAB09-_ !").ofMaxLength(60)
                .filter(slug -> !slug.matches("[a-z0-9-]{3,48}"))
                .map(slug -> invalid("create a community with slug \"" + slug + "\"",
                        w -> () -> w.engine.communities()
                                .create(w.outsider, creation(slug, Visibility.PUBLIC, JoinPolicy.OPEN))));
        Arbitrary<Rejection> fixed = Arbitraries.of(List.of(
                invalid("reply below the maximum depth",
                        w -> () -> w.engine.posts().reply(w.member, new Reply(w.deep.id(), "deeper"))),
                invalid("start a thread with a javascript link", w -> () -> w.engine.posts()
                        .startThread(w.member, new StartThread(w.agora.id(), "Link", "", "javascript:alert(1)"))),
                invalid("start a thread with an ftp link", w -> () -> w.engine.posts()
                        .startThread(w.member, new StartThread(w.agora.id(), "Link", "", "ftp://example.org/f"))),
                invalid("create an OPEN RESTRICTED community", w -> () -> w.engine.communities()
                        .create(w.outsider, creation("fresh-slug", Visibility.RESTRICTED, JoinPolicy.OPEN))),
                invalid("give the OWNER role", w -> () -> w.engine.memberships()
                        .changeRole(w.owner, w.agora.id(), w.member.pseudonym(), Role.OWNER)),
                invalid("lock a reply", w -> () -> w.engine.posts().setLocked(w.owner, w.reply.id(), true)),
                invalid("edit a reply with a title", w -> () -> w.engine.posts()
                        .edit(w.owner, new EditPost(w.reply.id(), "Title", "Body", null)))));
        return Arbitraries.oneOf(
                badHandle, reserved, controlInTitle, longTitle, badReply, badValidity, badUses, badSlug, fixed);
    }

    static Arbitrary<Rejection> forbidden() {
        Arbitrary<Rejection> wrongCode = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64)
                .map(code -> rejection("join with made-up code " + code, ErrorCode.FORBIDDEN,
                        w -> () -> w.engine.memberships()
                                .join(w.outsider, JoinCommunity.withInvite(w.invitation.id(), code))));
        Arbitrary<Rejection> unknownPseudonym = ids()
                .map(uuid -> rejection("act under unknown pseudonym " + uuid, ErrorCode.FORBIDDEN,
                        w -> () -> w.engine.posts().startThread(
                                Actor.of(w.member.account(), PseudonymId.of(uuid.toString())),
                                new StartThread(w.agora.id(), "Who?", "", null))));
        Arbitrary<Rejection> fixed = Arbitraries.of(List.of(
                forbidden("outsider starts a thread", w -> () -> w.engine.posts()
                        .startThread(w.outsider, new StartThread(w.agora.id(), "Hi", "", null))),
                forbidden("outsider replies",
                        w -> () -> w.engine.posts().reply(w.outsider, new Reply(w.thread.id(), "Hi"))),
                forbidden("outsider votes",
                        w -> () -> w.engine.votes().cast(w.outsider, new CastVote(w.thread.id(), Direction.UP))),
                forbidden("applicant posts", w -> () -> w.engine.posts()
                        .startThread(w.applicant, new StartThread(w.approval.id(), "Hi", "", null))),
                forbidden("member promotes", w -> () -> w.engine.memberships()
                        .changeRole(w.member, w.agora.id(), w.banned.pseudonym(), Role.MODERATOR)),
                forbidden("moderator promotes", w -> () -> w.engine.memberships()
                        .changeRole(w.moderator, w.agora.id(), w.member.pseudonym(), Role.MODERATOR)),
                forbidden("member locks", w -> () -> w.engine.posts().setLocked(w.member, w.thread.id(), true)),
                forbidden("member invites", w -> () -> w.engine.memberships()
                        .createInvite(w.member, new CreateInvite(w.agora.id(), Duration.ofDays(1), 1))),
                forbidden("member updates",
                        w -> () -> w.engine.communities().update(w.member, EngineFixture.retitled(w.agora, "Mine"))),
                forbidden("moderator archives", w -> () -> w.engine.communities().archive(w.moderator, w.agora.id())),
                forbidden("moderator bans the owner", w -> () -> w.engine.memberships()
                        .ban(w.moderator, w.agora.id(), w.owner.pseudonym())),
                forbidden("member bans",
                        w -> () -> w.engine.memberships().ban(w.member, w.agora.id(), w.moderator.pseudonym())),
                forbidden("alias edits the member's thread", w -> () -> w.engine.posts()
                        .edit(w.alias, new EditPost(w.thread.id(), "Mine", "", null))),
                forbidden("alias deletes the member's thread",
                        w -> () -> w.engine.posts().delete(w.alias, w.thread.id())),
                forbidden("impostor uses the member's pseudonym", w -> () -> w.engine.posts().startThread(
                        Actor.of(w.outsider.account(), w.member.pseudonym()),
                        new StartThread(w.agora.id(), "Me", "", null))),
                forbidden("join invite-only without code", w -> () -> w.engine.memberships()
                        .join(w.outsider, JoinCommunity.of(w.invitation.id()))),
                forbidden("join with a used-up code", w -> () -> w.engine.memberships()
                        .join(w.outsider, JoinCommunity.withInvite(w.invitation.id(), w.usedUp.code()))),
                forbidden("join with a revoked code", w -> () -> w.engine.memberships()
                        .join(w.outsider, JoinCommunity.withInvite(w.invitation.id(), w.revoked.code()))),
                forbidden("banned votes",
                        w -> () -> w.engine.votes().cast(w.banned, new CastVote(w.thread.id(), Direction.UP))),
                forbidden("banned rejoins",
                        w -> () -> w.engine.memberships().join(w.banned, JoinCommunity.of(w.agora.id())))));
        return Arbitraries.oneOf(wrongCode, unknownPseudonym, fixed);
    }

    private static Rejection forbidden(String description, Function<RejectionWorld, ThrowingCallable> command) {
        return rejection(description, ErrorCode.FORBIDDEN, command);
    }

    private static Rejection conflict(String description, Function<RejectionWorld, ThrowingCallable> command) {
        return rejection(description, ErrorCode.CONFLICT, command);
    }

    static Arbitrary<Rejection> conflicting() {
        Arbitrary<Rejection> takenHandle = mixedCase("founder", "member-alias", "outsider")
                .map(handle -> conflict("register taken handle " + handle,
                        w -> () -> w.engine.identities()
                                .register(w.applicant.account(), new RegisterPseudonym(handle))));
        Arbitrary<Rejection> fixed = Arbitraries.of(List.of(
                conflict("register a sixth pseudonym", w -> () -> w.engine.identities()
                        .register(w.full.account(), new RegisterPseudonym("full-6"))),
                conflict("create a community with a taken slug", w -> () -> w.engine.communities()
                        .create(w.outsider, creation("agora", Visibility.PUBLIC, JoinPolicy.OPEN))),
                conflict("alias joins",
                        w -> () -> w.engine.memberships().join(w.alias, JoinCommunity.of(w.agora.id()))),
                conflict("member joins again",
                        w -> () -> w.engine.memberships().join(w.member, JoinCommunity.of(w.agora.id()))),
                conflict("reply to a deleted post",
                        w -> () -> w.engine.posts().reply(w.member, new Reply(w.deleted.id(), "Hi"))),
                conflict("reply in a locked thread",
                        w -> () -> w.engine.posts().reply(w.member, new Reply(w.locked.id(), "Hi"))),
                conflict("vote on a deleted post",
                        w -> () -> w.engine.votes().cast(w.member, new CastVote(w.deleted.id(), Direction.UP))),
                conflict("edit a deleted post",
                        w -> () -> w.engine.posts().edit(w.owner, EditPost.reply(w.deleted.id(), "Back"))),
                conflict("delete a deleted post", w -> () -> w.engine.posts().delete(w.owner, w.deleted.id())),
                conflict("owner leaves", w -> () -> w.engine.memberships().leave(w.owner, w.agora.id())),
                conflict("owner changes their own role", w -> () -> w.engine.memberships()
                        .changeRole(w.owner, w.agora.id(), w.owner.pseudonym(), Role.MEMBER)),
                conflict("start a thread in an archive", w -> () -> w.engine.posts()
                        .startThread(w.owner, new StartThread(w.archive.id(), "Late", "", null))),
                conflict("reply in an archive",
                        w -> () -> w.engine.posts().reply(w.owner, new Reply(w.archivedThread.id(), "Late"))),
                conflict("join an archive",
                        w -> () -> w.engine.memberships().join(w.outsider, JoinCommunity.of(w.archive.id()))),
                conflict("update an archive",
                        w -> () -> w.engine.communities().update(w.owner, EngineFixture.retitled(w.archive, "New"))),
                conflict("archive twice", w -> () -> w.engine.communities().archive(w.owner, w.archive.id()))));
        return Arbitraries.oneOf(takenHandle, fixed);
    }

    static Arbitrary<Rejection> notFound() {
        Arbitrary<Rejection> unknownPost = ids()
                .map(uuid -> rejection("reply to unknown post " + uuid, ErrorCode.NOT_FOUND,
                        w -> () -> w.engine.posts().reply(w.member, new Reply(PostId.of(uuid.toString()), "Hello?"))));
        Arbitrary<Rejection> fixed = Arbitraries.of(List.of(
                notFound("outsider joins a private community without invite", w -> () -> w.engine.memberships()
                        .join(w.outsider, JoinCommunity.of(w.club.id()))),
                notFound("outsider starts a private thread", w -> () -> w.engine.posts()
                        .startThread(w.outsider, new StartThread(w.club.id(), "Hi", "", null))),
                notFound("outsider replies in a private thread", w -> () -> w.engine.posts()
                        .reply(w.outsider, new Reply(w.clubThread.id(), "Hi"))),
                notFound("outsider leaves", w -> () -> w.engine.memberships().leave(w.outsider, w.agora.id())),
                notFound("approve someone not pending", w -> () -> w.engine.memberships()
                        .approve(w.owner, w.agora.id(), w.outsider.pseudonym())),
                notFound("promote an outsider", w -> () -> w.engine.memberships()
                        .changeRole(w.owner, w.agora.id(), w.outsider.pseudonym(), Role.MODERATOR)),
                notFound("hand ownership to an outsider", w -> () -> w.engine.memberships()
                        .transferOwnership(w.owner, w.agora.id(), w.outsider.pseudonym()))));
        return Arbitraries.oneOf(unknownPost, fixed);
    }

    private static Rejection notFound(String description, Function<RejectionWorld, ThrowingCallable> command) {
        return rejection(description, ErrorCode.NOT_FOUND, command);
    }
}
