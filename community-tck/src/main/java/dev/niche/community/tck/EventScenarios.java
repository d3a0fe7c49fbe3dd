package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.CommunityEvent.CommunityCreated;
import dev.niche.community.event.CommunityEvent.MemberJoined;
import dev.niche.community.event.CommunityEvent.PostDeleted;
import dev.niche.community.event.CommunityEvent.PostEdited;
import dev.niche.community.event.CommunityEvent.PseudonymRegistered;
import dev.niche.community.event.CommunityEvent.ReplyPosted;
import dev.niche.community.event.CommunityEvent.RoleChanged;
import dev.niche.community.event.CommunityEvent.ThreadLockChanged;
import dev.niche.community.event.CommunityEvent.ThreadStarted;
import dev.niche.community.event.CommunityEvent.VoteCast;
import dev.niche.community.event.CommunityEvent.VoteRetracted;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.Role;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.PostView;
import dev.niche.community.post.StartThread;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Events reach listeners after commit, in order, only for commands that succeeded. */
abstract class EventScenarios extends EngineFixture {
    EventScenarios(EngineScenarios suite) {
        super(suite);
    }

    @Test
    @DisplayName("a session of commands publishes one event each, in the order the commands ran")
    void eventsInOrder() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "eventful");
        Actor member = member(community, owner, "member");
        engine.memberships().changeRole(owner, community.id(), member.pseudonym(), Role.MODERATOR);
        PostView thread = thread(owner, community);
        PostView reply = reply(member, thread);
        engine.votes().cast(member, new CastVote(thread.id(), Direction.UP));
        engine.votes().retract(member, thread.id());
        engine.posts().edit(member, EditPost.reply(reply.id(), "Edited"));
        engine.posts().delete(member, reply.id());
        engine.posts().setLocked(member, thread.id(), true);

        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "PseudonymRegistered", "CommunityCreated", "PseudonymRegistered", "MemberJoined", "RoleChanged",
                "ThreadStarted", "ReplyPosted", "VoteCast", "VoteRetracted", "PostEdited", "PostDeleted",
                "ThreadLockChanged");
        assertThat(events).allSatisfy(event -> assertThat(event.at()).isEqualTo(START));
        assertThat(events.get(0)).isEqualTo(new PseudonymRegistered(owner.pseudonym(), "founder", START));
        assertThat(events.get(1)).isEqualTo(new CommunityCreated(community.id(), "eventful", owner.pseudonym(), START));
        assertThat(events.get(3)).isInstanceOf(MemberJoined.class);
        assertThat(events.get(4)).isEqualTo(
                new RoleChanged(community.id(), member.pseudonym(), Role.MODERATOR, owner.pseudonym(), START));
        assertThat(events.get(5)).isEqualTo(new ThreadStarted(community.id(), thread.id(), owner.pseudonym(), START));
        assertThat(events.get(6)).isEqualTo(
                new ReplyPosted(community.id(), thread.id(), thread.id(), reply.id(), member.pseudonym(), START));
        assertThat(events.get(7)).isEqualTo(
                new VoteCast(community.id(), thread.id(), member.pseudonym(), Direction.UP, START));
        assertThat(events.get(8)).isEqualTo(new VoteRetracted(community.id(), thread.id(), member.pseudonym(), START));
        assertThat(events.get(9)).isEqualTo(new PostEdited(community.id(), reply.id(), member.pseudonym(), START));
        assertThat(events.get(10)).isEqualTo(new PostDeleted(community.id(), reply.id(), START));
        assertThat(events.get(11)).isEqualTo(
                new ThreadLockChanged(community.id(), thread.id(), true, member.pseudonym(), START));
    }

    @Test
    @DisplayName("listeners run after commit, on the thread that ran the command: what they read is already there")
    void publishedAfterCommit() {
        AtomicReference<CommunityEngine> self = new AtomicReference<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread caller = Thread.currentThread();
        CommunityEngine observed = Niche.builder().store(store).clock(clock).listener(event -> {
            if (event instanceof ThreadStarted started) {
                PostView stored = Objects.requireNonNull(self.get(), "set once built").posts().get(Viewer.anonymous(), started.thread());
                seen.add(stored.title() + " on " + (Thread.currentThread() == caller ? "caller" : "other"));
            }
        }).build();
        self.set(observed);
        AccountId account = AccountId.of("acct-observed");
        Actor owner = Actor.of(account, observed.identities().register(account, new RegisterPseudonym("founder")).id());
        CommunityView community = observed.communities()
                .create(owner, creation("observed", Visibility.PUBLIC, JoinPolicy.OPEN));

        observed.posts().startThread(owner, new StartThread(community.id(), "Committed", "", null));

        assertThat(seen).containsExactly("Committed on caller");
    }

    @Test
    @DisplayName("a listener that throws neither undoes the command nor stops later listeners")
    void throwingListener() {
        List<CommunityEvent> later = new CopyOnWriteArrayList<>();
        CommunityEngine fragile = Niche.builder().store(store).clock(clock)
                .listener(event -> {
                    throw new IllegalStateException("listener failure on purpose");
                })
                .listener(later::add)
                .build();
        AccountId account = AccountId.of("acct-fragile");

        PseudonymView registered = fragile.identities().register(account, new RegisterPseudonym("survivor"));

        assertThat(engine.identities().get(registered.id()).handle()).isEqualTo("survivor");
        assertThat(later).containsExactly(new PseudonymRegistered(registered.id(), "survivor", START));
    }

    @Test
    @DisplayName("a failed command publishes nothing, and the next command publishes only its own event")
    void failedCommandsPublishNothing() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "eventful");
        Actor outsider = person("outsider");
        int before = events.size();

        assertRejected(ErrorCode.FORBIDDEN, () -> thread(outsider, community));
        assertRejected(ErrorCode.CONFLICT, () -> openCommunity(outsider, "eventful"));
        assertRejected(ErrorCode.CONFLICT,
                () -> engine.memberships().join(owner, JoinCommunity.of(community.id())));
        engine.memberships().join(outsider, JoinCommunity.of(community.id()));

        assertThat(events.subList(before, events.size())).singleElement().isInstanceOf(MemberJoined.class);
    }
}
