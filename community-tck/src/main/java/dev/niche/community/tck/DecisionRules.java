package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.CommunityDecision;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostDecision;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.SortKey;
import dev.niche.community.spi.VoteHistory;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for the calls that read or write what a command decides on at once
 * ({@link dev.niche.community.spi.StoreTransaction#postDecision},
 * {@link dev.niche.community.spi.StoreTransaction#communityDecision},
 * {@link dev.niche.community.spi.ReputationTable#voteHistory},
 * {@link dev.niche.community.spi.PostTable#moveVotes}): whatever a store does to answer in fewer
 * round trips, each answers exactly what the separate calls would.
 */
abstract class DecisionRules extends RuleFamily {
    private final PseudonymRecord author = Rows.pseudonym(Rows.account(), "decided_author");
    private final PseudonymRecord member = Rows.pseudonym(Rows.account(), "decided_member");
    private final PseudonymRecord stranger = Rows.pseudonym(Rows.account(), "decided_stranger");
    private final CommunityRecord community = Rows.community("decisions");
    private final CommunityRecord elsewhere = Rows.community("elsewhere");
    private final PostRecord thread = Rows.thread(community, author, Rows.T0);

    DecisionRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeCommunitiesAndThread() {
        given(tx -> {
            for (PseudonymRecord pseudonym : new PseudonymRecord[] {author, member, stranger}) {
                tx.pseudonyms().insert(pseudonym);
            }
            tx.communities().insert(community);
            tx.communities().insert(elsewhere);
            tx.posts().insert(thread);
        });
    }

    /** The decision as the separate reads answer it, in a unit of work of its own. */
    private PostDecision oneByOne(PostId post, AccountId account) {
        return write(tx -> {
            PostRecord found = tx.posts().byId(post).orElseThrow();
            return new PostDecision(found, tx.communities().byId(found.community()).orElse(null),
                    tx.memberships().find(found.community(), account).orElse(null),
                    tx.votes().find(post, account).orElse(null), tx.trust().policy(found.community()).orElse(null));
        });
    }

    /** If this fails, check that postDecision joins the post's community, the account's membership there and vote on the post, and the policy, each left out (null) when absent. */
    @Test
    @DisplayName("a post's decision names its community, and nothing else for an account with no membership, vote or policy")
    void bareDecision() {
        PostDecision decision = write(tx -> tx.postDecision(thread.id(), stranger.account()).orElseThrow());

        assertThat(decision).isEqualTo(new PostDecision(thread, community, null, null, null));
        assertThat(decision).isEqualTo(oneByOne(thread.id(), stranger.account()));
    }

    /** If this fails, check that postDecision matches the membership and the vote on the acting account only, and the policy on the post's community. */
    @Test
    @DisplayName("a post's decision carries the account's own membership and vote and the community's policy, never another account's")
    void fullDecision() {
        MembershipRecord membership = Rows.membership(community, member, MemberState.ACTIVE, Rows.at(5));
        VoteRecord vote = Rows.vote(thread, member, Direction.UP);
        given(tx -> {
            tx.memberships().insert(membership);
            tx.memberships().insert(Rows.membership(community, stranger, MemberState.BANNED, Rows.at(6)));
            tx.memberships().insert(Rows.membership(elsewhere, member, MemberState.ACTIVE, Rows.at(7)));
            tx.votes().insert(vote);
            tx.votes().insert(Rows.vote(thread, stranger, Direction.DOWN));
            tx.trust().putPolicy(community.id(), "niche-trust-policy 1\n");
            tx.trust().putPolicy(elsewhere.id(), "niche-trust-policy 1\nother=1\n");
        });

        PostDecision decision = write(tx -> tx.postDecision(thread.id(), member.account()).orElseThrow());

        assertThat(decision).isEqualTo(new PostDecision(thread, community, membership, vote, "niche-trust-policy 1\n"));
        assertThat(decision).isEqualTo(oneByOne(thread.id(), member.account()));
        assertThat(committed().postDecision(thread.id(), member.account())).contains(decision);
    }

    /** If this fails, check that postDecision answers empty, not a row of nulls, for a post that does not exist. */
    @Test
    @DisplayName("there is no decision about a post that does not exist")
    void missingPost() {
        java.util.Optional<PostDecision> inWrite = write(tx -> tx.postDecision(PostId.of(Rows.newId()), member.account()));
        assertThat(inWrite).isEmpty();
        assertThat(committed().postDecision(PostId.of(Rows.newId()), member.account())).isEmpty();
    }

    /** If this fails, check that postDecision reads the unit's own writes, as every read of a unit does. */
    @Test
    @DisplayName("a post's decision sees what its own unit of work wrote before")
    void seesOwnWrites() {
        MembershipRecord membership = Rows.membership(community, member, MemberState.ACTIVE, Rows.at(5));
        VoteRecord vote = Rows.vote(thread, member, Direction.DOWN);

        PostDecision decision = write(tx -> {
            tx.memberships().insert(membership);
            tx.votes().insert(vote);
            return tx.postDecision(thread.id(), member.account()).orElseThrow();
        });

        assertThat(decision.membership()).isEqualTo(membership);
        assertThat(decision.vote()).isEqualTo(vote);
    }

    /** If this fails, check that communityDecision joins the account's membership and the policy, each null when absent, and answers empty for a missing community. */
    @Test
    @DisplayName("a community's decision carries the account's own membership and the policy, or nothing")
    void communityDecision() {
        MembershipRecord membership = Rows.membership(community, member, MemberState.PENDING, Rows.at(5));
        given(tx -> {
            tx.memberships().insert(membership);
            tx.trust().putPolicy(community.id(), "niche-trust-policy 1\n");
        });

        java.util.Optional<CommunityDecision> inWrite = write(tx -> tx.communityDecision(community.id(), member.account()));
        assertThat(inWrite).contains(new CommunityDecision(community, membership, "niche-trust-policy 1\n"));
        assertThat(committed().communityDecision(elsewhere.id(), member.account()))
                .contains(new CommunityDecision(elsewhere, null, null));
        assertThat(committed().communityDecision(CommunityId.of(Rows.newId()), member.account())).isEmpty();
    }

    /** If this fails, check that voteHistory sums what votesSince, upvoteGains and voteNet sum, each with its own filter. */
    @Test
    @DisplayName("a vote's history is what the three ledger reads answer one by one")
    void voteHistory() {
        Instant at = Rows.at(60);
        long day = at.getEpochSecond() / 86_400;
        PostRecord other = Rows.thread(community, author, Rows.T0);
        given(tx -> {
            tx.posts().insert(other);
            tx.reputation().append(entry(thread, member, LedgerKind.UPVOTE, 10, at));
            tx.reputation().append(entry(thread, member, LedgerKind.REVERSAL, -10, at.plusSeconds(1)));
            tx.reputation().append(entry(other, member, LedgerKind.SERIAL_VOTE, 0, at.plusSeconds(2)));
            tx.reputation().append(entry(other, stranger, LedgerKind.UPVOTE, 10, at.plusSeconds(3)));
            tx.reputation().append(entry(thread, member, LedgerKind.UPVOTE, 10, at.minusSeconds(3_600)));
        });

        VoteHistory history = committed().reputation().voteHistory(thread.id(), community.id(), member.account(),
                author.account(), author.id(), at, day);

        VoteHistory expected = new VoteHistory(
                committed().reputation().votesSince(community.id(), member.account(), author.account(), at),
                committed().reputation().upvoteGains(community.id(), author.id(), day),
                committed().reputation().voteNet(thread.id(), member.account()));
        assertThat(history).isEqualTo(expected).isEqualTo(new VoteHistory(2, 30, 10));
    }

    /** If this fails, check that moveVotes adds to the counters, and writes the rank keys of the counters after the move, whether or not the unit read the post first. */
    @Test
    @DisplayName("moving votes adds to the counters and ranks the post by the counters after the move")
    void moveVotes() {
        given(tx -> tx.posts().addVotes(thread.id(), 3, 1));

        PostCounters afterRead = write(tx -> {
            PostRecord read = tx.posts().byId(thread.id()).orElseThrow();
            return tx.posts().moveVotes(read, 1, -1, counters -> new Ranks(counters.ups(), counters.downs(), 7.5));
        });
        PostCounters blind = write(tx -> tx.posts().moveVotes(thread, 0, 2,
                counters -> new Ranks(counters.score(), 0.25, counters.ups() + counters.downs())));

        assertThat(afterRead).isEqualTo(new PostCounters(4, 0, 0, 0));
        assertThat(blind).isEqualTo(new PostCounters(4, 2, 0, 0));
        PostRecord stored = committed().posts().byId(thread.id()).orElseThrow();
        assertThat(stored.counters()).isEqualTo(blind);
        assertThat(stored.ranks()).isEqualTo(new Ranks(2, 0.25, 6));
    }

    /** If this fails, check that threadsOf answers, for every community, exactly the list that threads answers, in its order, and leaves out communities without threads. */
    @Test
    @DisplayName("the thread lists of several communities at once are each community's own list, in order")
    void threadsOfSeveralCommunities() {
        CommunityRecord empty = Rows.community("no-threads");
        given(tx -> {
            tx.communities().insert(empty);
            for (int i = 1; i <= 7; i++) {
                PostRecord here = Rows.thread(community, author, Rows.at(i * 60L));
                PostRecord there = Rows.thread(elsewhere, author, Rows.at(i * 61L));
                tx.posts().insert(here);
                tx.posts().insert(there);
                tx.posts().addVotes(here.id(), i % 3, 0);
                tx.posts().setRanks(here.id(), new Ranks(i % 4, 0, 0));
                tx.posts().setRanks(there.id(), new Ranks(7 - i, 0, 0));
            }
        });
        java.util.List<CommunityId> ids = java.util.List.of(community.id(), elsewhere.id(), empty.id());

        for (ThreadSort sort : ThreadSort.values()) {
            java.util.Map<CommunityId, java.util.List<PostRecord>> together =
                    committed().posts().threadsOf(ids, sort, Rows.at(120), null, 4);
            assertThat(together).as("%s", sort).containsOnlyKeys(community.id(), elsewhere.id());
            for (CommunityId id : java.util.List.of(community.id(), elsewhere.id())) {
                assertThat(together.get(id)).as("%s of %s", sort, id)
                        .containsExactlyElementsOf(committed().posts().threads(id, sort, Rows.at(120), null, 4));
            }
            PostRecord last = java.util.Objects.requireNonNull(together.get(community.id()), "listed above").get(3);
            SortKey after = SortKey.of(last, sort);
            assertThat(committed().posts().threadsOf(ids, sort, null, after, 3).get(community.id())).as("%s after", sort)
                    .containsExactlyElementsOf(committed().posts().threads(community.id(), sort, null, after, 3));
        }
    }

    /** If this fails, check that childrenOf answers, for every parent, exactly the list that children answers from the first reply, in its order, and leaves out parents without replies. */
    @Test
    @DisplayName("the first replies of several posts at once are each post's own first replies, in order")
    void childrenOfSeveralParents() {
        java.util.List<PostRecord> parents = new java.util.ArrayList<>();
        given(tx -> {
            for (int i = 1; i <= 4; i++) {
                PostRecord parent = Rows.reply(thread, i % 2 == 0 ? author : member, Rows.at(i * 10L));
                tx.posts().insert(parent);
                parents.add(parent);
                for (int j = 1; j <= i + 2; j++) {
                    PostRecord reply = Rows.reply(parent, j % 2 == 0 ? member : author, Rows.at(i * 10L + j));
                    tx.posts().insert(reply);
                    tx.posts().addVotes(reply.id(), (i * j) % 4, j % 2);
                    tx.posts().setRanks(reply.id(), new Ranks(0, (i * j) % 3, j % 2));
                }
            }
        });
        java.util.List<PostId> ids = new java.util.ArrayList<>();
        parents.forEach(parent -> ids.add(parent.id()));
        PostRecord lonely = Rows.reply(thread, stranger, Rows.at(100));
        given(tx -> tx.posts().insert(lonely));
        ids.add(lonely.id());

        for (dev.niche.community.post.ReplySort sort : dev.niche.community.post.ReplySort.values()) {
            java.util.Map<PostId, java.util.List<PostRecord>> together =
                    committed().posts().childrenOf(ids, sort, 3);
            assertThat(together).as("%s", sort).doesNotContainKey(lonely.id()).hasSize(parents.size());
            for (PostRecord parent : parents) {
                assertThat(together.get(parent.id())).as("%s of %s", sort, parent.id())
                        .containsExactlyElementsOf(committed().posts().children(parent.id(), sort, null, 3));
            }
        }
    }

    /** If this fails, check that byIds looks up every id given and leaves out the missing ones. */
    @Test
    @DisplayName("a batch lookup of communities returns those that exist, keyed by id")
    void communitiesById() {
        CommunityId missing = CommunityId.of(Rows.newId());
        assertThat(committed().communities().byIds(java.util.List.of(community.id(), missing, elsewhere.id())))
                .containsOnlyKeys(community.id(), elsewhere.id())
                .containsEntry(community.id(), community)
                .containsEntry(elsewhere.id(), elsewhere);
        assertThat(committed().communities().byIds(java.util.List.of())).isEmpty();
    }

    private static LedgerEntry entry(PostRecord on, PseudonymRecord source, LedgerKind kind, int points, Instant at) {
        return new LedgerEntry(on.community(), on.author(), on.authorAccount(), kind, points, on.id(),
                source.account(), source.id(), at.getEpochSecond() / 86_400, at);
    }
}
