package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostView;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.Trust;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the reputation and trust scenarios share: the real default policy (the fixture's other
 * scenarios let level 0 down vote), short ways to vote, read the ledger and raise a member's level,
 * and a snapshot of everything the store holds about some people, to show that a refused command
 * wrote nothing.
 */
abstract class TrustScenarios extends EngineFixture {

    TrustScenarios(EngineScenarios suite) {
        super(suite);
    }

    /** The engine's documented defaults: links from level 1, down votes and invites from level 2. */
    @Override
    TrustPolicy trustPolicy() {
        return TrustPolicy.defaults();
    }

    final Trust trust() {
        return engine.trust();
    }

    final VoteOutcome vote(Actor voter, PostView post, Direction direction) {
        return engine.votes().cast(voter, new CastVote(post.id(), direction));
    }

    final VoteOutcome up(Actor voter, PostView post) {
        return vote(voter, post, Direction.UP);
    }

    /** The pseudonym's reputation total in the community, as the store keeps it. */
    final long total(CommunityView community, Actor member) {
        return store.read(tx -> tx.reputation().total(community.id(), member.pseudonym()));
    }

    /**
     * Checks that {@code member}'s reputation in the community is {@code expected}, as the store's
     * total, as the recount of its ledger, and as its standing shows it.
     */
    final void assertReputation(CommunityView community, Actor member, long expected) {
        long recount = store.read(tx -> tx.reputation().recount(community.id(), member.pseudonym()));
        assertThat(total(community, member)).as("stored total of %s", member.pseudonym()).isEqualTo(expected);
        assertThat(recount).as("recount of the ledger of %s", member.pseudonym()).isEqualTo(expected);
        assertThat(standing(community, member).reputation()).as("standing of %s", member.pseudonym()).isEqualTo(expected);
    }

    /** What the account's votes on a post still hold in the ledger. */
    final long voteNet(PostView post, Actor voter) {
        return store.read(tx -> tx.reputation().voteNet(post.id(), voter.account()));
    }

    /** The member's standing, as the member itself reads it. */
    final Standing standing(CommunityView community, Actor member) {
        return trust().standing(member.asViewer(), community.id(), member.pseudonym());
    }

    final TrustLevel level(CommunityView community, Actor member) {
        return standing(community, member).level();
    }

    /** {@code count} threads by {@code author}. */
    final List<PostView> threads(Actor author, CommunityView community, int count) {
        List<PostView> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(thread(author, community));
        }
        return made;
    }

    /**
     * Raises a NEW member to BASIC by the default rules: it reads 5 of {@code threads}, 6 posts for 2
     * minutes each, which makes 30 posts in 10 minutes.
     */
    final void raiseToBasic(CommunityView community, Actor member, List<PostView> threads) {
        assertThat(threads).as("threads to read").hasSizeGreaterThanOrEqualTo(5);
        TrustLevel reached = TrustLevel.NEW;
        for (int i = 0; i < 5; i++) {
            reached = trust().recordReading(member, threads.get(i).id(), 6, Duration.ofMinutes(2));
        }
        assertThat(reached).as("level after reading 5 threads").isEqualTo(TrustLevel.BASIC);
        assertThat(level(community, member)).isEqualTo(TrustLevel.BASIC);
    }

    /**
     * Raises a NEW member to MEMBER by the default rules: it replies in 3 of {@code threads} (all by
     * {@code owner}) and up-votes one of them, {@code owner} up-votes its reply, it reads all 20 threads
     * (5 posts and 3 minutes each: 100 posts in an hour) and it visits on 15 days. Moves the clock 14
     * days on.
     */
    final void raiseToMember(CommunityView community, Actor owner, Actor member, List<PostView> threads) {
        assertThat(threads).as("threads to read").hasSizeGreaterThanOrEqualTo(20);
        PostView reply = reply(member, threads.get(0));
        reply(member, threads.get(1));
        reply(member, threads.get(2));
        up(member, threads.get(0));
        up(owner, reply);
        for (int i = 0; i < 20; i++) {
            trust().recordReading(member, threads.get(i).id(), 5, Duration.ofMinutes(3));
        }
        assertThat(level(community, member)).as("level after reading").isEqualTo(TrustLevel.BASIC);
        TrustLevel reached = TrustLevel.BASIC;
        for (int day = 0; day < 15; day++) {
            if (day > 0) {
                clock.advance(Duration.ofDays(1));
            }
            reached = trust().recordVisit(member, community.id());
        }
        assertThat(reached).as("level after 15 days of visits").isEqualTo(TrustLevel.MEMBER);
    }

    /**
     * Everything the store can read about {@code people}'s accounts in {@code communities}, trust and
     * reputation tables included (see {@link StoreSnapshot}). Equal before and after a command exactly
     * when it wrote none of it.
     */
    final List<Object> storeState(Collection<CommunityView> communities, Collection<Actor> people) {
        Set<AccountId> accounts = new LinkedHashSet<>();
        people.forEach(actor -> accounts.add(actor.account()));
        List<CommunityId> ids = communities.stream().map(CommunityView::id).toList();
        return StoreSnapshot.of(store, accounts, ids, List.of()).rows();
    }
}
