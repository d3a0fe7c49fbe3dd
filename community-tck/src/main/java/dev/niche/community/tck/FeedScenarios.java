package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.FeedCursor;
import dev.niche.community.event.FeedEntry;
import dev.niche.community.event.FeedPage;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.Role;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoredEvent;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The durable feed: every committed command's events, in commit order, and nothing of a failed one. */
abstract class FeedScenarios extends EngineFixture {
    FeedScenarios(EngineScenarios suite) {
        super(suite);
    }

    private final List<Actor> people = new ArrayList<>();

    private Actor someone(String handle) {
        Actor actor = person(handle);
        people.add(actor);
        return actor;
    }

    /** Runs one command of every kind that has an event, each once at least. */
    private void everyKindOfCommand() {
        Actor owner = someone("founder");
        CommunityView community = openCommunity(owner, "fed");
        community = engine.communities().update(owner, retitled(community, "Renamed"));
        Actor member = member(community, owner, "member");
        people.add(member);
        engine.memberships().changeRole(owner, community.id(), member.pseudonym(), Role.MODERATOR);
        PostView thread = thread(owner, community);
        PostView reply = reply(member, thread);
        engine.votes().cast(member, new CastVote(thread.id(), Direction.UP));
        engine.votes().cast(member, new CastVote(thread.id(), Direction.DOWN));
        engine.votes().retract(member, thread.id());
        engine.posts().edit(member, EditPost.reply(reply.id(), "Edited"));
        engine.posts().delete(member, reply.id());
        engine.posts().setLocked(member, thread.id(), true);
        Actor leaver = member(community, owner, "leaver");
        people.add(leaver);
        engine.memberships().leave(leaver, community.id());
        Actor troll = member(community, owner, "troll");
        people.add(troll);
        engine.memberships().ban(owner, community.id(), troll.pseudonym());
        engine.memberships().unban(owner, community.id(), troll.pseudonym());
        CommunityView gated = community(owner, "gated", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        Actor applicant = someone("applicant");
        Actor refused = someone("refused");
        engine.memberships().join(applicant, JoinCommunity.of(gated.id()));
        engine.memberships().join(refused, JoinCommunity.of(gated.id()));
        engine.memberships().approve(owner, gated.id(), applicant.pseudonym());
        engine.memberships().reject(owner, gated.id(), refused.pseudonym());
        InviteView invite = invite(owner, gated, 3);
        engine.memberships().revokeInvite(owner, invite.id());
        engine.trust().grantLeader(owner, community.id(), member.pseudonym());
        engine.trust().recompute(community.id());
        engine.identities().revealAccount(member.pseudonym(), "abuse report 17");
        engine.communities().archive(owner, gated.id());
    }

    private List<FeedEntry> wholeFeed(CommunityEngine reader) {
        List<FeedEntry> entries = new ArrayList<>();
        FeedCursor cursor = FeedCursor.START;
        while (true) {
            FeedPage page = reader.events().after(cursor, 7);
            if (page.entries().isEmpty()) {
                return entries;
            }
            entries.addAll(page.entries());
            cursor = page.next();
        }
    }

    @Test
    @DisplayName("the feed holds exactly the events the listeners received, in the same order, at dense positions")
    void feedEqualsListeners() {
        everyKindOfCommand();

        List<FeedEntry> feed = wholeFeed(engine);

        assertThat(feed).extracting(FeedEntry::event).containsExactlyElementsOf(events);
        assertThat(feed).extracting(FeedEntry::position).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(feed).extracting(FeedEntry::id).doesNotHaveDuplicates();
        assertThat(feed).allSatisfy(entry -> {
            assertThat(entry.type()).isEqualTo(entry.event().getClass().getSimpleName());
            assertThat(entry.version()).isEqualTo(1);
            assertThat(entry.at()).isEqualTo(entry.event().at());
        });
        assertThat(feed).extracting(FeedEntry::event).extracting(event -> event.getClass().getSimpleName())
                .contains("CommunityUpdated", "MemberApproved", "MemberRejected", "MemberLeft", "MemberBanned",
                        "MemberUnbanned", "InviteCreated", "InviteRevoked", "TrustLevelChanged", "TrustRecomputed",
                        "AccountRevealed", "CommunityArchived");
        assertThat(engine.events().latest().position()).isEqualTo(events.size());
    }

    @Test
    @DisplayName("no stored event carries an account id, in its payload or anywhere else")
    void noAccountIds() {
        everyKindOfCommand();

        List<StoredEvent> stored = store.read(tx -> tx.events().after(0, 10_000));

        assertThat(stored).hasSize(events.size());
        for (StoredEvent event : stored) {
            EventRecord record = event.event();
            String whole = record.id() + record.type() + record.community() + record.payload();
            for (Actor actor : people) {
                assertThat(whole).as("stored event %s", record.type()).doesNotContain(actor.account().value());
            }
        }
    }

    @Test
    @DisplayName("a failed command leaves no event in the feed, and the next one continues at the next position")
    void failedCommandsAppendNothing() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "fed");
        Actor outsider = person("outsider");
        long before = engine.events().latest().position();

        assertRejected(ErrorCode.FORBIDDEN, () -> thread(outsider, community));
        assertRejected(ErrorCode.CONFLICT, () -> openCommunity(outsider, "fed"));
        assertRejected(ErrorCode.CONFLICT, () -> engine.memberships().join(owner, JoinCommunity.of(community.id())));

        assertThat(engine.events().latest().position()).isEqualTo(before);
        engine.memberships().join(outsider, JoinCommunity.of(community.id()));
        FeedPage page = engine.events().after(FeedCursor.of(before), 10);
        assertThat(page.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(before + 1);
            assertThat(entry.event()).isInstanceOf(CommunityEvent.MemberJoined.class);
            assertThat(entry.community()).isEqualTo(community.id());
        });
    }

    @Test
    @DisplayName("another engine on the same store reads the same feed: the same ids at the same positions")
    void anyEngineReadsIt() {
        everyKindOfCommand();
        CommunityEngine other = Niche.builder().store(store).build();

        assertThat(wholeFeed(other)).containsExactlyElementsOf(wholeFeed(engine));
        assertThat(other.events().oldest()).isEqualTo(FeedCursor.START);
    }

    @Test
    @DisplayName("retention by age prunes the run of old events from the start, and a reader behind it hears NOT_FOUND")
    void retentionByAge() {
        CommunityEngine aging = Niche.builder().store(store).clock(clock).eventRetention(java.time.Duration.ofDays(1)).build();
        for (int i = 0; i < 3; i++) {
            aging.identities().register(dev.niche.community.AccountId.of("acct-old-" + i),
                    new dev.niche.community.identity.RegisterPseudonym("old" + i));
        }
        clock.advance(java.time.Duration.ofDays(2));
        for (int i = 0; i < 2; i++) {
            aging.identities().register(dev.niche.community.AccountId.of("acct-new-" + i),
                    new dev.niche.community.identity.RegisterPseudonym("new" + i));
        }

        assertThat(aging.events().prune()).isEqualTo(3);
        assertThat(aging.events().prune()).isZero();

        assertThat(aging.events().oldest()).isEqualTo(FeedCursor.of(3));
        assertThat(aging.events().after(aging.events().oldest(), 10).entries()).extracting(FeedEntry::position)
                .containsExactly(4L, 5L);
        assertRejected(ErrorCode.NOT_FOUND, () -> aging.events().after(FeedCursor.of(1), 10));
        assertThat(engine.events().prune()).as("an engine without retention prunes nothing").isZero();
    }

    @Test
    @DisplayName("a cursor beyond the latest event, or a page size outside 1 to 1,000, is INVALID_INPUT")
    void badCursors() {
        person("founder");
        long latest = engine.events().latest().position();

        assertRejected(ErrorCode.INVALID_INPUT, () -> engine.events().after(FeedCursor.of(latest + 1), 10));
        assertRejected(ErrorCode.INVALID_INPUT, () -> engine.events().after(FeedCursor.START, 0));
        assertRejected(ErrorCode.INVALID_INPUT, () -> engine.events().after(FeedCursor.START, 1001));
        assertRejected(ErrorCode.INVALID_INPUT, () -> FeedCursor.of(-1));
        assertThat(engine.events().after(FeedCursor.of(latest), 10).entries()).isEmpty();
        assertThat(engine.events().after(FeedCursor.of(latest), 10).next()).isEqualTo(FeedCursor.of(latest));
    }
}
