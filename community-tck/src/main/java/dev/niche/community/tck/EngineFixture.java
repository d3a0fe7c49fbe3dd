package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.NicheException;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.UpdateCommunity;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.IdGenerator;
import dev.niche.community.core.Niche;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every scenario family starts from: a fresh store, a clock that moves only when told, an
 * engine that records its events, and short ways to make people, communities and posts.
 */
abstract class EngineFixture {
    static final Instant START = Instant.parse("2031-03-01T09:00:00Z");

    final List<CommunityEvent> events = new CopyOnWriteArrayList<>();
    private final Supplier<CommunityStore> stores;
    private final Consumer<CommunityStore> cleanUp;
    CommunityStore store;
    MutableClock clock;
    CommunityEngine engine;
    private long seed = 42;
    private final AtomicInteger accounts = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();

    EngineFixture(EngineScenarios suite) {
        this(suite::newStore, suite::cleanUp);
    }

    EngineFixture(Supplier<CommunityStore> stores, Consumer<CommunityStore> cleanUp) {
        this.stores = stores;
        this.cleanUp = cleanUp;
    }

    @BeforeEach
    final void startEngine() {
        store = stores.get();
        clock = new MutableClock(START);
        engine = newEngine(5, 64);
    }

    @AfterEach
    final void releaseStore() {
        cleanUp.accept(store);
    }

    /** Another engine on the same store, clock and event list, with other limits. */
    final CommunityEngine newEngine(int maxPseudonymsPerAccount, int maxReplyDepth) {
        return builder().maxPseudonymsPerAccount(maxPseudonymsPerAccount).maxReplyDepth(maxReplyDepth).build();
    }

    /** Another engine on the same store, clock and event list, whose BEST sort uses confidence {@code z}. */
    final CommunityEngine newEngine(double bestConfidence) {
        return builder().bestConfidence(bestConfidence).build();
    }

    private Niche.Builder builder() {
        return Niche.builder()
                .store(store)
                .clock(clock)
                .idGenerator(IdGenerator.seeded(seed++, clock))
                .listener(events::add)
                .trustPolicy(trustPolicy());
    }

    /**
     * The trust policy of the fixture's communities. The scenarios of posts, votes, listings and trees
     * post links and cast down votes from fresh members to test texts, counters and ranks, not
     * privileges, so by default the fixture lets level 0 do both; the trust scenarios override this
     * with the real defaults.
     */
    TrustPolicy trustPolicy() {
        return TrustPolicy.defaults()
                .withPrivilege(Privilege.DOWNVOTE, TrustLevel.NEW)
                .withPrivilege(Privilege.POST_LINKS, TrustLevel.NEW);
    }

    /** A new account holding one pseudonym with {@code handle}, acting under it. */
    final Actor person(String handle) {
        AccountId account = AccountId.of("acct-" + accounts.incrementAndGet() + "-" + handle);
        return identity(account, handle);
    }

    /** Another pseudonym of {@code actor}'s account, acting under it. */
    final Actor otherIdentity(Actor actor, String handle) {
        return identity(actor.account(), handle);
    }

    final Actor identity(AccountId account, String handle) {
        PseudonymView view = engine.identities().register(account, new RegisterPseudonym(handle));
        return Actor.of(account, view.id());
    }

    final PseudonymView pseudonym(Actor actor) {
        return engine.identities().get(actor.pseudonym());
    }

    static CreateCommunity creation(String slug, Visibility visibility, JoinPolicy policy) {
        return new CreateCommunity(slug, "Title of " + slug, "All about " + slug + ".",
                List.of("niche"), List.of("Be kind."), visibility, policy);
    }

    final CommunityView community(Actor owner, String slug, Visibility visibility, JoinPolicy policy) {
        return engine.communities().create(owner, creation(slug, visibility, policy));
    }

    final CommunityView openCommunity(Actor owner, String slug) {
        return community(owner, slug, Visibility.PUBLIC, JoinPolicy.OPEN);
    }

    /** The update that keeps everything of {@code community} but its title. */
    static UpdateCommunity retitled(CommunityView community, String title) {
        return new UpdateCommunity(community.id(), title, community.description(), community.tags(),
                community.rules(), community.visibility(), community.joinPolicy());
    }

    final InviteView invite(Actor moderator, CommunityView community, int maxUses) {
        return engine.memberships().createInvite(moderator,
                new CreateInvite(community.id(), Duration.ofDays(7), maxUses));
    }

    /** Makes {@code who} an active member: by joining an open community, else with an invite from {@code owner}. */
    final Actor admit(CommunityView community, Actor owner, Actor who) {
        boolean open = community.joinPolicy() == JoinPolicy.OPEN && community.visibility() != Visibility.PRIVATE;
        JoinCommunity join = open
                ? JoinCommunity.of(community.id())
                : JoinCommunity.withInvite(community.id(), invite(owner, community, 1).code());
        engine.memberships().join(who, join);
        return who;
    }

    /** A new person who is an active member of {@code community}. */
    final Actor member(CommunityView community, Actor owner, String handle) {
        return admit(community, owner, person(handle));
    }

    final PostView thread(Actor author, CommunityView community) {
        int n = posts.incrementAndGet();
        return engine.posts().startThread(author, new StartThread(community.id(), "Thread " + n, "Body " + n, null));
    }

    final PostView reply(Actor author, PostView parent) {
        return engine.posts().reply(author, new Reply(parent.id(), "Reply " + posts.incrementAndGet()));
    }

    /** {@code count} new people who are active members of {@code community}, named {@code handle-0} and on. */
    final List<Actor> members(CommunityView community, Actor owner, String handle, int count) {
        List<Actor> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(member(community, owner, handle + "-" + i));
        }
        return made;
    }

    /**
     * Casts {@code ups} up votes and then {@code downs} down votes on {@code post}, one by each of
     * {@code voters} in turn, none of whom may be its author.
     *
     * @return the post as an anonymous reader sees it after the votes
     */
    final PostView votes(PostView post, List<Actor> voters, int ups, int downs) {
        assertThat(ups + downs).as("votes wanted of %d voters", voters.size()).isLessThanOrEqualTo(voters.size());
        for (int i = 0; i < ups + downs; i++) {
            engine.votes().cast(voters.get(i), new CastVote(post.id(), i < ups ? Direction.UP : Direction.DOWN));
        }
        PostView now = reread(post);
        assertThat(now.score()).as("score of %s after the votes", post.id()).isEqualTo(post.score() + ups - downs);
        return now;
    }

    /** A post as an anonymous reader sees it now. */
    final PostView reread(PostView post) {
        return engine.posts().get(Viewer.anonymous(), post.id());
    }

    /** A community as an anonymous reader sees it now. */
    final CommunityView reread(CommunityView community) {
        return engine.communities().get(Viewer.anonymous(), community.id());
    }

    final void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    final <E extends CommunityEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    final <E extends CommunityEvent> E lastEvent(Class<E> type) {
        List<E> found = eventsOf(type);
        assertThat(found).as("published %s events", type.getSimpleName()).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /**
     * Runs a command that must fail with {@code code}, and checks that it published no event.
     *
     * @return the failure, for further checks of its message
     */
    final NicheException assertRejected(ErrorCode code, ThrowingCallable command) {
        int published = events.size();
        Throwable thrown = catchThrowable(command);
        assertThat(thrown).as("the failure of a command expected to fail with %s", code)
                .isInstanceOf(NicheException.class);
        NicheException failure = (NicheException) thrown;
        assertThat(failure.code()).as("code of the failure \"%s\"", failure.getMessage()).isEqualTo(code);
        assertThat(events.subList(published, events.size())).as("events published by a failed command").isEmpty();
        return failure;
    }

    /**
     * Runs a command that must fail with INVALID_INPUT on {@code field}.
     *
     * @return the violation on {@code field}
     */
    final FieldViolation assertInvalid(String field, ThrowingCallable command) {
        InvalidInputException failure = (InvalidInputException) assertRejected(ErrorCode.INVALID_INPUT, command);
        assertThat(failure.violations()).extracting(FieldViolation::field).as(failure.getMessage()).contains(field);
        return failure.violations().stream().filter(v -> v.field().equals(field)).findFirst().orElseThrow();
    }
}
