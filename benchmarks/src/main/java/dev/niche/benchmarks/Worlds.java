package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.IdGenerator;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded worlds for benchmarks, built through the engine so that every row, counter and rank key
 * is what real use would leave. The same seed builds the same world.
 */
final class Worlds {
    /**
     * The trust policy of benchmark engines: the defaults, except that fresh members may down vote,
     * since the benchmarks measure voting, ranking and reading, not the privilege that gates it.
     */
    static final TrustPolicy VOTING_POLICY = TrustPolicy.defaults().withPrivilege(Privilege.DOWNVOTE, TrustLevel.NEW);

    /** A clock that a world's builder moves forward. */
    static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final CommunityEngine engine;
    final SteppingClock clock;
    final List<Actor> members = new ArrayList<>();
    /** Who wrote each post: the engine refuses a vote on one's own. */
    private final Map<PostId, AccountId> authors = new HashMap<>();
    final SplittableRandom random;
    CommunityId community;

    Worlds(CommunityStore store, long seed, int memberCount) {
        this.clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));
        this.random = new SplittableRandom(seed);
        this.engine = Niche.builder().store(store).clock(clock).idGenerator(IdGenerator.seeded(seed, clock)).trustPolicy(Worlds.VOTING_POLICY).build();
        for (int i = 0; i < memberCount; i++) {
            AccountId account = AccountId.of("bench-account-" + i);
            var pseudonym = engine.identities().register(account, new RegisterPseudonym("bench-" + i));
            members.add(Actor.of(account, pseudonym.id()));
        }
        community = engine.communities().create(members.get(0), new CreateCommunity("bench", "Benchmark", "",
                List.of(), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN)).id();
        for (int i = 1; i < memberCount; i++) {
            engine.memberships().join(members.get(i), JoinCommunity.of(community));
        }
    }

    private PostId wrote(Actor author, PostId post) {
        authors.put(post, author.account());
        return post;
    }

    Actor anyMember() {
        return members.get(random.nextInt(members.size()));
    }

    /** Starts {@code count} threads a few seconds apart. */
    List<PostId> threads(int count) {
        List<PostId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofSeconds(1 + random.nextInt(60)));
            Actor author = anyMember();
            ids.add(wrote(author, engine.posts().startThread(author, new StartThread(community, "Thread " + i, "", null)).id()));
        }
        return ids;
    }

    /**
     * Grows a reply tree under {@code root}: each reply answers the root with probability
     * {@code topShare}, else a reply chosen at random, favouring recent ones, as conversations do.
     */
    List<PostId> replies(PostId root, int count, double topShare) {
        List<PostId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMillis(100 + random.nextInt(5000)));
            PostId parent = ids.isEmpty() || random.nextDouble() < topShare
                    ? root
                    : ids.get(ids.size() - 1 - (int) Math.min(ids.size() - 1, Math.abs(random.nextGaussian()) * ids.size() / 4));
            Actor author = anyMember();
            try {
                ids.add(wrote(author, engine.posts().reply(author, new Reply(parent, "Reply " + i)).id()));
            } catch (dev.niche.community.InvalidInputException tooDeep) {
                ids.add(wrote(author, engine.posts().reply(author, new Reply(root, "Reply " + i)).id()));
            }
        }
        return ids;
    }

    /** Casts {@code count} random votes, mostly up, on posts drawn with a heavy head. */
    void votes(List<PostId> posts, int count) {
        for (int i = 0; i < count; i++) {
            int index = (int) Math.min(posts.size() - 1, Math.abs(random.nextGaussian()) * posts.size() / 3);
            Direction direction = random.nextInt(4) == 0 ? Direction.DOWN : Direction.UP;
            Actor voter = anyMember();
            if (voter.account().equals(authors.get(posts.get(index)))) {
                voter = members.get((members.indexOf(voter) + 1) % members.size()); // never one's own post
            }
            engine.votes().cast(voter, new CastVote(posts.get(index), direction));
        }
    }
}
