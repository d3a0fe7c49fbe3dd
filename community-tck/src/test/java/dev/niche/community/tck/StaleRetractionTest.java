package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.StartThread;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTable;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Retracting a vote trusts the store's answer to the delete")
class StaleRetractionTest {

    /**
     * A store without row versions, as it looks to a unit of work that races another: its read of a
     * vote can still see a row that another unit already deleted, so only the delete's answer tells.
     */
    static final class StaleVoteReadStore implements CommunityStore {
        private final ReferenceStore inner = new ReferenceStore();
        private final Map<List<Object>, VoteRecord> seen = new ConcurrentHashMap<>();

        @Override
        public <T> T read(StoreWork<T> work) {
            return inner.read(work);
        }

        @Override
        public <T> T write(StoreWork<T> work) {
            return inner.write(tx -> work.run(Intercepted.transaction(tx, VoteTable.class, "find", (votes, args) -> {
                List<Object> key = List.of(args[0], args[1]);
                Optional<VoteRecord> found = votes.find((PostId) args[0], (AccountId) args[1]);
                found.ifPresent(vote -> seen.put(key, vote));
                return found.isPresent() ? found : Optional.ofNullable(seen.get(key));
            })));
        }
    }

    @Nested
    @DisplayName("when the vote was already gone")
    class AlreadyGone {
        @Test
        @DisplayName("a second retraction moves no counter, though the store's read still showed the vote")
        void countersMoveOnce() {
            CommunityEngine engine = Niche.builder().store(new StaleVoteReadStore()).build();
            Actor owner = actor(engine, "owner-1", "founder");
            Actor voter = actor(engine, "voter-1", "voter");
            CommunityView community = engine.communities().create(owner, new CreateCommunity("stale", "Stale", "",
                    List.of(), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN));
            engine.memberships().join(voter, JoinCommunity.of(community.id()));
            PostView post = engine.posts().startThread(owner, new StartThread(community.id(), "Title", "", null));

            engine.votes().cast(voter, new CastVote(post.id(), Direction.UP));
            VoteOutcome first = engine.votes().retract(voter, post.id());
            VoteOutcome second = engine.votes().retract(voter, post.id());

            assertThat(first.ups()).isZero();
            assertThat(second.ups()).as("ups after retracting a vote that was gone").isZero();
            assertThat(engine.posts().get(voter.asViewer(), post.id()).ups()).isZero();
            assertThat(engine.trust().reputation(owner.pseudonym())).as("reversed once").isZero();
        }
    }

    private static Actor actor(CommunityEngine engine, String account, String handle) {
        AccountId id = AccountId.of(account);
        return Actor.of(id, engine.identities().register(id, new RegisterPseudonym(handle)).id());
    }
}
