package dev.niche.benchmarks;

import dev.niche.benchmarks.SybilSchedule.Kind;
import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.InvalidInputException;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.IdGenerator;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One seeded world of the sybil attack simulation, built through the real engine on an
 * {@link InMemoryStore} with a clock that the schedule moves forward: an honest community of a year's
 * growth, and a ring of fresh accounts that joined in its last days.
 *
 * <p>The honest part depends on the seed alone: it is planned and driven by random streams of its own,
 * and honest members only ever pick honest posts, so every ring is attacked on the same honest world.
 * The only honest endorsements of the ring are the ring's attack edges.
 */
final class SybilWorld {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final long DAY = 86_400;
    static final long HOUR = 3_600;

    /** Activity of honest accounts falls off as rank^-0.8 (Zipf), times their time in the community. */
    static final double ACTIVITY_EXPONENT = 0.8;
    /** How much readers like an author's posts falls off as rank^-1.0 (Zipf). */
    static final double POPULARITY_EXPONENT = 1.0;
    /** Joins grow by 1.5% a day, so that about 3 in 10 members are long-standing at the end. */
    static final double GROWTH_PER_DAY = 0.015;
    /** The share of honest votes that are down votes. */
    static final double DOWN_SHARE = 0.12;
    /** The share of honest accounts with nothing planned that still post once; the others vote once. */
    static final double POSTING_SHARE = 0.85;
    /**
     * The share of honest votes and replies that go to posts found in the feed, ranked by hotness, where a
     * post's chance is its appeal times e^(-age/τ); the others find any post by its appeal alone.
     */
    static final double FEED_SHARE = 0.8;
    /** τ of the feed: 2 days. */
    static final double RECENCY_SECONDS = 2 * DAY;
    /** The most votes one honest account casts, so that the busiest do not exhaust the posts. */
    static final int VOTE_CAP = 3_000;

    /** Threads each ring account starts. */
    static final int RING_THREADS = 3;
    /** Ring mates whose every thread each ring account up-votes. */
    static final int RING_MATES = 50;
    /** Replies each ring account writes to other ring accounts' threads. */
    static final int RING_REPLIES = 5;
    /** Honest posts each ring account up-votes. */
    static final int RING_HONEST_VOTES = 20;

    /** The honest community's size. */
    record Shape(int accounts, int moderators, int threads, int replies, int votes, int days) {
        /** The size: 10,000 accounts and over 200,000 votes. */
        static final Shape FULL = new Shape(10_000, 5, 25_000, 15_000, 212_000, 365);
        /** A fifth of it, to try the simulation out. */
        static final Shape QUICK = new Shape(2_000, 3, 5_000, 3_000, 42_400, 365);
    }

    /**
     * A sybil ring of {@code size} accounts, and how many honest accounts, drawn at random while the world
     * is built, each up-vote it once; more can be added later with {@link #attackFromMostTrusted}.
     */
    record Ring(int size, int attackEdges) {}

    /** What was built. */
    record Counts(int honestThreads, int honestReplies, int honestUpvotes, int honestDownvotes, int honestSkipped,
            int longStanding, int idle, int ringThreads, int ringReplies, int ringUpvotes, int ringUpvotesOnHonest,
            int attackVotes) {}

    final CommunityEngine engine;
    /** The store under {@link #engine}, for {@link WorldCopy}. */
    final InMemoryStore store;
    final Worlds.SteppingClock clock;
    final Shape shape;
    final Ring ring;
    final Actor[] actors;
    final PostId[] ringThreads;
    /** Every post the world started or replied, in creation order, so every parent comes before its replies. */
    final List<PostId> posts = new ArrayList<>();
    /** Every vote cast, each (post, account) once: nobody votes twice on a post. */
    final List<WorldCopy.VoteKey> votes = new ArrayList<>();
    CommunityId community;

    private final long end;
    private final long[] joined;
    private final boolean[] tookPart;
    /** How many votes each honest account cast. */
    private final int[] votesCast;
    private final SybilSchedule schedule = new SybilSchedule();
    private final SplittableRandom honestRun;
    private final SplittableRandom ringRun;
    private final Set<Long> votedOnHonest = new HashSet<>();
    private final Set<Integer> endorsedRing = new HashSet<>();
    /** The honest accounts that endorsed the ring, in the order they were chosen. */
    final List<Integer> endorsers = new ArrayList<>();
    private double[] popularity = new double[0];
    /** Honest posts by how much readers like them. */
    private final WeightedSampler honestPosts;
    /** The same, times how recent they are, as a feed ranked by hotness shows them. */
    private final WeightedSampler recentHonestPosts;
    private final List<PostId> honestPostIds = new ArrayList<>();
    private final List<PostId> honestPostThreads = new ArrayList<>();
    private final List<Integer> honestPostAuthors = new ArrayList<>();
    private long now;
    private int honestThreads;
    private int honestReplies;
    private int honestUp;
    private int honestDown;
    private int honestSkipped;
    private int ringThreadCount;
    private int ringReplies;
    private int ringUp;
    private int ringUpOnHonest;
    private int attackVotes;

    @SuppressWarnings("NullAway.Init") // community is set by join(0), which build() runs before anything reads it
    private SybilWorld(long seed, Shape shape, Ring ring) {
        this.shape = shape;
        this.ring = ring;
        this.end = shape.days() * DAY;
        this.clock = new Worlds.SteppingClock(START);
        this.store = new InMemoryStore();
        this.engine = Niche.builder().store(store).clock(clock).idGenerator(IdGenerator.seeded(seed, clock)).build();
        this.actors = new Actor[shape.accounts() + ring.size()];
        this.joined = new long[shape.accounts() + ring.size()];
        this.tookPart = new boolean[shape.accounts()];
        this.votesCast = new int[shape.accounts()];
        this.ringThreads = new PostId[ring.size() * RING_THREADS];
        this.honestRun = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
        this.ringRun = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 31L * ring.size() + ring.attackEdges() + 2);
        this.honestPosts = new WeightedSampler(shape.threads() + shape.replies() + shape.accounts());
        this.recentHonestPosts = new WeightedSampler(shape.threads() + shape.replies() + shape.accounts());
    }

    /**
     * Plans and builds a world; {@code progress} hears how far the build got. The same seed builds the
     * same honest community for every ring.
     */
    static SybilWorld build(long seed, Shape shape, Ring ring, Consumer<String> progress) {
        SybilWorld world = new SybilWorld(seed, shape, ring);
        world.planHonest(new SplittableRandom(seed));
        world.planRing(new SplittableRandom(seed ^ (1_000_003L * ring.size() + ring.attackEdges())));
        world.run(progress);
        return world;
    }

    /** The owner. */
    Actor owner() {
        return actors[0];
    }

    /** What the build cast and posted. */
    Counts counts() {
        int longStanding = 0;
        for (int i = 0; i < shape.accounts(); i++) {
            if (joined[i] <= end - 90 * DAY) {
                longStanding++;
            }
        }
        int idle = 0;
        for (int i = 1; i < shape.accounts(); i++) {
            if (!tookPart[i]) {
                idle++;
            }
        }
        return new Counts(honestThreads, honestReplies, honestUp, honestDown, honestSkipped, longStanding, idle,
                ringThreadCount, ringReplies, ringUp, ringUpOnHonest, attackVotes);
    }

    /** Every account's trust score as {@code trust().standing(...)} reads it; {@code NaN} where none was computed. */
    double[] scores() {
        double[] scores = new double[actors.length];
        for (int i = 0; i < actors.length; i++) {
            Standing standing = engine.trust().standing(Viewer.of(actors[i].account()), community, actors[i].pseudonym());
            Double trust = standing.trust();
            scores[i] = trust == null ? Double.NaN : trust;
        }
        return scores;
    }

    /** Reputation of ring account {@code m} in the community. */
    long ringReputation(int m) {
        Actor member = actors[shape.accounts() + m];
        return engine.trust().standing(member.asViewer(), community, member.pseudonym()).reputation();
    }

    /** The counted up votes on ring account {@code m}'s threads. */
    int ringThreadUps(int m) {
        int ups = 0;
        for (int j = 0; j < RING_THREADS; j++) {
            ups += engine.posts().get(Viewer.anonymous(), ringThreads[m * RING_THREADS + j]).ups();
        }
        return ups;
    }

    /** The ring members whose every thread ring account {@code m} up-votes: the next {@link #RING_MATES} around the ring. */
    List<Integer> mates(int m) {
        int count = Math.min(RING_MATES, ring.size() - 1);
        List<Integer> mates = new ArrayList<>(count);
        for (int step = 1; step <= count; step++) {
            mates.add((m + step) % ring.size());
        }
        return mates;
    }

    /**
     * What a fresh round of ring votes did once the community weighed votes by trust.
     *
     * @param votes           up votes the ring cast on its members' new threads
     * @param counted         how many of them the engine counted ({@code VoteOutcome.counted()})
     * @param newThreadUps    the counted up votes on the new threads, read back with {@code posts().get}
     * @param threadsWithUps  new threads with at least one counted up vote
     * @param reputationGain  the ring's reputation gained in the round, summed over its accounts
     * @param firstRoundUps   for contrast, the counted up votes on the ring's first threads, cast before
     *                        votes were weighed
     * @param aboveFloor      ring accounts whose trust reached the floor, whose votes would count
     * @param floor           the floor
     * @param honestVoters    honest accounts that cast at least one vote
     * @param honestVotersAboveFloor those of them whose trust reached the floor
     * @param honestVotes     the votes honest accounts cast
     * @param honestVotesAboveFloor those cast by accounts whose trust reached the floor: the votes that
     *                        would still count if they were cast again with votes weighed
     */
    record Weighed(int votes, int counted, long newThreadUps, int threadsWithUps, long reputationGain,
            long firstRoundUps, int aboveFloor, double floor, int honestVoters, int honestVotersAboveFloor,
            long honestVotes, long honestVotesAboveFloor) {}

    /**
     * Turns on {@code Score.weighingVotes(true)}, then lets every ring account start a new thread and
     * up-vote its mates' new threads, one vote per author, and reads what counted. Call after
     * {@code trust().recompute}; {@code scores} are the scores it stored.
     */
    Weighed weighedRound(double[] scores) {
        TrustPolicy weighing = Worlds.VOTING_POLICY.withScore(Worlds.VOTING_POLICY.score().weighingVotes(true));
        engine.trust().setPolicy(owner(), community, weighing);
        int r = ring.size();
        int n = shape.accounts();
        long firstRoundUps = 0;
        long before = 0;
        int aboveFloor = 0;
        double floor = weighing.score().floor();
        int honestVoters = 0;
        int honestVotersAboveFloor = 0;
        long honestVotes = 0;
        long honestVotesAboveFloor = 0;
        for (int account = 0; account < n; account++) {
            if (votesCast[account] == 0) {
                continue;
            }
            honestVoters++;
            honestVotes += votesCast[account];
            if (scores[account] >= floor) {
                honestVotersAboveFloor++;
                honestVotesAboveFloor += votesCast[account];
            }
        }
        for (int m = 0; m < r; m++) {
            firstRoundUps += ringThreadUps(m);
            before += ringReputation(m);
            if (scores[n + m] >= weighing.score().floor()) {
                aboveFloor++;
            }
        }
        advance(Duration.ofHours(1));
        PostId[] fresh = new PostId[r];
        for (int m = 0; m < r; m++) {
            advance(Duration.ofSeconds(10));
            fresh[m] = startThread(actors[n + m], new StartThread(community, "Fresh deal " + m,
                    "Ring thread, second round", null)).id();
        }
        int votes = 0;
        int counted = 0;
        for (int m = 0; m < r; m++) {
            for (int mate : mates(m)) {
                advance(Duration.ofSeconds(1));
                VoteOutcome outcome = cast(actors[n + m], new CastVote(fresh[mate], Direction.UP));
                votes++;
                if (outcome.counted()) {
                    counted++;
                }
            }
        }
        long newThreadUps = 0;
        int threadsWithUps = 0;
        long after = 0;
        for (int m = 0; m < r; m++) {
            int ups = engine.posts().get(Viewer.anonymous(), fresh[m]).ups();
            newThreadUps += ups;
            if (ups > 0) {
                threadsWithUps++;
            }
            after += ringReputation(m);
        }
        return new Weighed(votes, counted, newThreadUps, threadsWithUps, after - before, firstRoundUps, aboveFloor,
                floor, honestVoters, honestVotersAboveFloor, honestVotes, honestVotesAboveFloor);
    }

    /** Moves the clock forward. */
    void advance(Duration step) {
        now += step.toSeconds();
        clock.advance(step);
    }

    private void planHonest(SplittableRandom plan) {
        int n = shape.accounts();
        long lastJoin = end - 5 * DAY;
        for (int i = 1; i <= shape.moderators(); i++) {
            joined[i] = 60 + plan.nextLong(7 * DAY);
        }
        double growth = GROWTH_PER_DAY / DAY;
        for (int i = shape.moderators() + 1; i < n; i++) {
            double u = plan.nextDouble();
            joined[i] = 60 + (long) (Math.log1p(u * Math.expm1(growth * lastJoin)) / growth);
        }
        double[] activity = zipf(plan, n, ACTIVITY_EXPONENT);
        WeightedSampler who = new WeightedSampler(n);
        for (int i = 0; i < n; i++) {
            who.add(activity[i] * (end - joined[i]));
        }
        int[] threads = new int[n];
        int[] replies = new int[n];
        int[] votes = new int[n];
        for (int t = 0; t < shape.threads(); t++) {
            threads[who.draw(plan)]++;
        }
        for (int t = 0; t < shape.replies(); t++) {
            replies[who.draw(plan)]++;
        }
        for (int t = 0; t < shape.votes(); t++) {
            int voter = who.draw(plan);
            if (++votes[voter] == VOTE_CAP) {
                who.set(voter, 0);
            }
        }
        for (int i = 0; i < n; i++) {
            if (threads[i] + replies[i] == 0 && plan.nextDouble() < POSTING_SHARE) {
                if (plan.nextDouble() < 0.6) {
                    threads[i]++;
                } else {
                    replies[i]++;
                }
            }
            if (threads[i] + replies[i] + votes[i] == 0) {
                votes[i]++;
            }
        }
        popularity = zipf(plan, n, POPULARITY_EXPONENT);
        for (int i = 0; i < n; i++) {
            schedule.add(Kind.JOIN, i, 0, joined[i]);
            long from = joined[i] + 60;
            for (int t = 0; t < threads[i]; t++) {
                schedule.add(Kind.THREAD, i, 0, between(plan, from, end - 60));
            }
            for (int t = 0; t < replies[i]; t++) {
                schedule.add(Kind.REPLY, i, 0, between(plan, from + 60, end - 60));
            }
            for (int t = 0; t < votes[i]; t++) {
                schedule.add(Kind.VOTE, i, 0, between(plan, from + 60, end - 60));
            }
        }
    }

    private void planRing(SplittableRandom plan) {
        int n = shape.accounts();
        int r = ring.size();
        long votingFrom = end - 2 * DAY;
        for (int m = 0; m < r; m++) {
            int actor = n + m;
            joined[actor] = end - 3 * DAY + plan.nextLong(12 * HOUR);
            schedule.add(Kind.RING_JOIN, actor, 0, joined[actor]);
            for (int j = 0; j < RING_THREADS; j++) {
                schedule.add(Kind.RING_THREAD, actor, m * RING_THREADS + j, between(plan, joined[actor] + 600, votingFrom));
            }
            for (int mate : mates(m)) {
                for (int j = 0; j < RING_THREADS; j++) {
                    schedule.add(Kind.RING_VOTE, actor, mate * RING_THREADS + j, between(plan, votingFrom, end - HOUR));
                }
            }
            for (int t = 0; t < RING_REPLIES; t++) {
                int other = (m + 1 + plan.nextInt(r - 1)) % r;
                schedule.add(Kind.RING_REPLY, actor, other * RING_THREADS + plan.nextInt(RING_THREADS),
                        between(plan, votingFrom, end - HOUR));
            }
            for (int t = 0; t < RING_HONEST_VOTES; t++) {
                schedule.add(Kind.RING_HONEST_VOTE, actor, 0, between(plan, votingFrom, end - HOUR));
            }
        }
        // Attack edges: distinct honest members drawn at random (not the owner or a moderator) who joined
        // before the attack, each up-voting the first thread of a distinct ring account.
        while (endorsers.size() < ring.attackEdges()) {
            int candidate = shape.moderators() + 1 + plan.nextInt(n - shape.moderators() - 1);
            if (joined[candidate] < end - 2 * DAY && !endorsers.contains(candidate)) {
                endorsers.add(candidate);
                schedule.add(Kind.ATTACK_VOTE, candidate, unendorsedRingAccount(plan) * RING_THREADS,
                        between(plan, end - DAY, end - HOUR));
            }
        }
    }

    /**
     * Adds {@code edges} attack edges from the most trusted honest members: the honest accounts other
     * than the owner and the moderators with the highest {@code scores} that have not endorsed the ring
     * yet, each up-voting, one minute apart, the first thread of a ring account no honest member
     * endorsed yet. Passing the same scores again extends the same ranking.
     */
    void attackFromMostTrusted(int edges, double[] scores) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = shape.moderators() + 1; i < shape.accounts(); i++) {
            candidates.add(i);
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
        int wanted = endorsers.size() + edges;
        for (int candidate : candidates) {
            if (endorsers.size() == wanted) {
                break;
            }
            if (!endorsers.contains(candidate)) {
                advance(Duration.ofMinutes(1));
                cast(actors[candidate],
                        new CastVote(ringThreads[unendorsedRingAccount(ringRun) * RING_THREADS], Direction.UP));
                endorsers.add(candidate);
                attackVotes++;
            }
        }
    }

    private int unendorsedRingAccount(SplittableRandom random) {
        int target;
        do {
            target = random.nextInt(ring.size());
        } while (!endorsedRing.add(target));
        return target;
    }

    private void run(Consumer<String> progress) {
        long[] order = schedule.order();
        for (int e = 0; e < order.length; e++) {
            int event = SybilSchedule.event(order[e]);
            long at = SybilSchedule.second(order[e]);
            if (at > now) {
                advance(Duration.ofSeconds(at - now));
            }
            perform(schedule.kind(event), schedule.actor(event), schedule.target(event));
            if ((e + 1) % 50_000 == 0) {
                progress.accept(String.format("%,d of %,d events, day %d", e + 1, order.length, now / DAY));
            }
        }
        advance(Duration.ofSeconds(end - now));
    }

    private void perform(Kind kind, int actor, int target) {
        switch (kind) {
            case JOIN -> join(actor, "honest-" + actor);
            case THREAD -> {
                PostView post = startThread(actors[actor], new StartThread(community,
                        "Thread by " + actor, "Honest thread", null));
                addHonestPost(post, actor, popularity[actor] * Math.exp(honestRun.nextGaussian()));
                tookPart[actor] = true;
                honestThreads++;
            }
            case REPLY -> honestReply(actor);
            case VOTE -> honestVote(actor);
            case RING_JOIN -> join(actor, "ring-" + (actor - shape.accounts()));
            case RING_THREAD -> {
                ringThreads[target] = startThread(actors[actor], new StartThread(community,
                        "Great deal " + target, "Ring thread", null)).id();
                ringThreadCount++;
            }
            case RING_REPLY -> {
                reply(actors[actor], new Reply(ringThreads[target], "So true"));
                ringReplies++;
            }
            case RING_VOTE -> {
                if (!wrote(actors[actor], ringThreads[target])) {
                    cast(actors[actor], new CastVote(ringThreads[target], Direction.UP));
                    ringUp++;
                }
            }
            case RING_HONEST_VOTE -> {
                if (castOnHonest(actor, ringRun, Direction.UP)) {
                    ringUpOnHonest++;
                }
            }
            case ATTACK_VOTE -> {
                if (!wrote(actors[actor], ringThreads[target])) {
                    cast(actors[actor], new CastVote(ringThreads[target], Direction.UP));
                    attackVotes++;
                }
            }
        }
    }

    private void join(int actor, String handle) {
        AccountId account = AccountId.of("sybil-sim-" + handle);
        actors[actor] = Actor.of(account, engine.identities().register(account, new RegisterPseudonym(handle)).id());
        if (actor == 0) {
            community = engine.communities().create(actors[0], new CreateCommunity("sybil-sim", "Sybil simulation",
                    "An honest niche community under attack.", List.of(), List.of(), Visibility.PUBLIC,
                    JoinPolicy.OPEN)).id();
            engine.trust().setPolicy(actors[0], community, Worlds.VOTING_POLICY);
            return;
        }
        engine.memberships().join(actors[actor], JoinCommunity.of(community));
        if (actor <= shape.moderators()) {
            engine.memberships().changeRole(actors[0], community, actors[actor].pseudonym(), Role.MODERATOR);
        }
    }

    /** Who wrote each thread, so that no account is made to vote on its own. */
    private final Map<PostId, AccountId> authors = new HashMap<>();

    private PostView startThread(Actor author, StartThread thread) {
        PostView post = engine.posts().startThread(author, thread);
        posts.add(post.id());
        authors.put(post.id(), author.account());
        return post;
    }

    /** Whether the actor's account wrote the thread: the engine refuses a vote on one's own post. */
    private boolean wrote(Actor actor, PostId thread) {
        return actor.account().equals(authors.get(thread));
    }

    private PostView reply(Actor author, Reply reply) {
        PostView post = engine.posts().reply(author, reply);
        posts.add(post.id());
        return post;
    }

    private VoteOutcome cast(Actor voter, CastVote vote) {
        VoteOutcome outcome = engine.votes().cast(voter, vote);
        votes.add(new WorldCopy.VoteKey(vote.post(), voter.account()));
        return outcome;
    }

    private void addHonestPost(PostView post, int author, double weight) {
        honestPosts.add(weight);
        // Weighing each new post up by e^(t/τ) is weighing every older one down by its age.
        recentHonestPosts.add(weight * Math.exp((double) now / RECENCY_SECONDS));
        honestPostIds.add(post.id());
        honestPostThreads.add(post.thread());
        honestPostAuthors.add(author);
    }

    private void honestReply(int actor) {
        if (honestPosts.isEmpty()) {
            // Nothing to answer yet: the member opens a thread instead.
            perform(Kind.THREAD, actor, 0);
            return;
        }
        int parent = drawHonestPost(honestRun);
        PostView reply;
        try {
            reply = reply(actors[actor], new Reply(honestPostIds.get(parent), "Honest reply"));
        } catch (InvalidInputException tooDeep) {
            reply = reply(actors[actor], new Reply(honestPostThreads.get(parent), "Honest reply"));
        }
        addHonestPost(reply, actor, 0.5 * popularity[actor] * Math.exp(honestRun.nextGaussian()));
        tookPart[actor] = true;
        honestReplies++;
    }

    private void honestVote(int actor) {
        Direction direction = honestRun.nextDouble() < DOWN_SHARE ? Direction.DOWN : Direction.UP;
        if (!castOnHonest(actor, honestRun, direction)) {
            honestSkipped++;
            return;
        }
        tookPart[actor] = true;
        votesCast[actor]++;
        if (direction == Direction.UP) {
            honestUp++;
        } else {
            honestDown++;
        }
    }

    /**
     * Casts a vote on an honest post drawn by popularity that the actor did not write and has not voted
     * on; gives up after 30 draws.
     */
    private boolean castOnHonest(int actor, SplittableRandom random, Direction direction) {
        if (honestPosts.isEmpty()) {
            return false;
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            int post = drawHonestPost(random);
            if (honestPostAuthors.get(post) != actor && votedOnHonest.add(((long) actor << 32) | post)) {
                cast(actors[actor], new CastVote(honestPostIds.get(post), direction));
                return true;
            }
        }
        return false;
    }

    /** An honest post, drawn from the recent ones with probability {@link #FEED_SHARE}, else from all. */
    private int drawHonestPost(SplittableRandom random) {
        return random.nextDouble() < FEED_SHARE ? recentHonestPosts.draw(random) : honestPosts.draw(random);
    }

    /** Zipf weights rank^-exponent, dealt to the accounts in a random order. */
    private static double[] zipf(SplittableRandom random, int n, double exponent) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rank[i];
            rank[i] = rank[j];
            rank[j] = swap;
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(rank[i] + 1, -exponent);
        }
        return weights;
    }

    private static long between(SplittableRandom random, long from, long to) {
        return to <= from ? from : from + random.nextLong(to - from);
    }
}
