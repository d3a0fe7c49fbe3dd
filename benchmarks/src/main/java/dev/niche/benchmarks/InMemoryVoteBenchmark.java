package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.StartThread;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Votes per second through the whole engine (validation, authorization, one unit of work, counters)
 * on the in-memory store, from two threads. Each vote is cast, changed or retracted by a random
 * member on a random post; after each trial the counters are checked against a recount, so a fast
 * but wrong run fails instead of reporting a number.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class InMemoryVoteBenchmark {
    @Param("2000")
    int members;

    @Param("200")
    int posts;

    private InMemoryStore store;
    private CommunityEngine engine;
    private Actor[] actors;
    private PostId[] postIds;

    @Setup(Level.Trial)
    public void setUp() {
        store = new InMemoryStore();
        engine = Niche.builder().store(store).trustPolicy(Worlds.VOTING_POLICY).build();
        actors = new Actor[members];
        for (int i = 0; i < members; i++) {
            AccountId account = AccountId.of("account-" + i);
            var pseudonym = engine.identities().register(account, new RegisterPseudonym("member-" + i));
            actors[i] = Actor.of(account, pseudonym.id());
        }
        CommunityView community = engine.communities().create(actors[0], new CreateCommunity("bench", "Benchmark",
                "", List.of(), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN));
        for (int i = 1; i < members; i++) {
            engine.memberships().join(actors[i], JoinCommunity.of(community.id()));
        }
        postIds = new PostId[posts];
        for (int i = 0; i < posts; i++) {
            postIds[i] = engine.posts().startThread(actors[i % members],
                    new StartThread(community.id(), "Thread " + i, "", null)).id();
        }
    }

    @State(Scope.Thread)
    public static class Dice {
        final SplittableRandom random = new SplittableRandom(System.nanoTime());
    }

    @Benchmark
    public void vote(Dice dice, Blackhole sink) {
        int member = dice.random.nextInt(actors.length);
        Actor actor = actors[member];
        int index = dice.random.nextInt(postIds.length);
        if (index % actors.length == member) {
            index = (index + 1) % postIds.length; // thread i is by member i % members: never one's own
        }
        PostId post = postIds[index];
        int roll = dice.random.nextInt(10);
        if (roll == 0) {
            sink.consume(engine.votes().retract(actor, post));
        } else {
            sink.consume(engine.votes().cast(actor, new CastVote(post, roll < 7 ? Direction.UP : Direction.DOWN)));
        }
    }

    @TearDown(Level.Trial)
    public void checkCounters() {
        for (PostId post : postIds) {
            var view = engine.posts().get(dev.niche.community.Viewer.anonymous(), post);
            VoteTally tally = store.read(tx -> tx.votes().tally(post));
            if (view.ups() != tally.ups() || view.downs() != tally.downs()) {
                throw new IllegalStateException("counters of post " + post + " drifted from the recount: "
                        + view.ups() + "/" + view.downs() + " against " + tally.ups() + "/" + tally.downs());
            }
        }
    }
}
