package dev.niche.community;

import dev.niche.community.community.Communities;
import dev.niche.community.event.EventFeed;
import dev.niche.community.identity.Identities;
import dev.niche.community.membership.Memberships;
import dev.niche.community.post.Posts;
import dev.niche.community.trust.Trust;
import dev.niche.community.vote.Votes;

/**
 * The community engine, grouped by feature. Build one with {@code Niche.builder()} from
 * {@code community-core}; it is thread-safe, and one instance serves a whole application.
 *
 * <pre>{@code
 * CommunityEngine engine = Niche.builder().store(new InMemoryStore()).build();
 * AccountId account = AccountId.of("user-42");
 * PseudonymView alice = engine.identities().register(account, new RegisterPseudonym("alice"));
 * Actor actor = Actor.of(account, alice.id());
 * CommunityView bakers = engine.communities().create(actor, new CreateCommunity("vegan-bakers",
 *         "Vegan bakers", "Egg-free, butter-free, joy-full.", List.of("baking"), List.of(),
 *         Visibility.PUBLIC, JoinPolicy.OPEN));
 * }</pre>
 *
 * <p>Each command runs as one unit of work: it validates its input, checks the actor's rights,
 * decides, writes through the store and commits, then publishes its events. A command that throws
 * a {@link NicheException} has written nothing.
 *
 * <p><b>Nulls.</b> Every parameter of an engine method is non-null (these packages are
 * {@code @NullMarked}), so a null argument is a programming error: a null command, query, actor or
 * viewer throws {@link NullPointerException} whose message is the parameter's name
 * ({@code "command"}, {@code "query"}, {@code "actor"}, {@code "viewer"}), before any store is touched. A null <em>inside</em> a command is input: a null
 * field, or a null element of a list field, is refused with {@link ErrorCode#INVALID_INPUT} and a
 * {@link FieldViolation} naming it, for example {@code title} or {@code tags[2]}, unless the field
 * is documented as optional ({@code @Nullable}). Both hold on every store, because the engine
 * checks them before it calls one.
 */
public interface CommunityEngine {

    /** Pseudonyms: registering and looking them up. */
    Identities identities();

    /** Communities: creating, updating, reading and discovering them. */
    Communities communities();

    /** Memberships: joining, approvals, invites, roles and bans. */
    Memberships memberships();

    /** Threads and reply trees. */
    Posts posts();

    /** Votes on posts. */
    Votes votes();

    /** Reputation, trust levels and trust scores. */
    Trust trust();

    /**
     * The durable feed of committed events, in commit order: a host-level API, without an actor
     * ({@link EventFeed}).
     *
     * @since 0.2
     */
    EventFeed events();
}
