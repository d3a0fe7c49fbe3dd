package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ConflictException;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import dev.niche.community.vote.VoteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one database: two engines, each over a JdbcStore with a pool of its own,
 * race each other with real threads. Every invariant of DESIGN.md must come out exact, since no lock
 * in one JVM can hold them here.
 */
@DisplayName("Two nodes, each an engine with its own pool, share one database")
class SeveralNodesTest extends OnEveryDatabase {
    /** Thread {@code t} on node A races thread {@code t + PAIRS} on node B, over the same accounts. */
    private static final int PAIRS = Concurrently.THREADS / 2;
    private static final int ACCOUNTS_PER_PAIR = 3;
    private static final int ROUNDS = 40;
    private static final long SEED = 20_261_125L;

    /** An account with one pseudonym registered through each node. */
    private record Person(AccountId account, Actor onA, Actor onB) {
        Actor on(int node) {
            return node == 0 ? onA : onB;
        }
    }

    /** A reply that was posted, and where. */
    private record Posted(PostId id, PostId parent, PostId thread, AccountId author) {}

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<CommunityEngine> nodes = new ArrayList<>();

    @BeforeEach
    void startNodes() {
        for (String name : List.of("node-a", "node-b")) {
            HikariDataSource pool = database().newPool(name, PAIRS + 1);
            pools.add(pool);
            // Fresh members vote down here too: the race is the point, not the trust level down votes need.
            nodes.add(Niche.builder().store(JdbcStore.builder(pool).build())
                    .trustPolicy(TrustPolicy.defaults().withPrivilege(Privilege.DOWNVOTE, TrustLevel.NEW))
                    .build());
        }
    }

    @AfterEach
    void stopNodes() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        nodes.clear();
    }

    private static int nodeOf(int thread) {
        return thread < PAIRS ? 0 : 1;
    }

    @Test
    @DisplayName("concurrent joins, votes and replies from both nodes leave one membership and one vote per account,"
            + " and every counter equal to its recount")
    void invariantsHold() throws Exception {
        String run = Records.unique("");
        Actor owner = register(nodes.get(0), AccountId.of("owner-" + run), "owner-" + run);
        CommunityView community = nodes.get(0).communities().create(owner, new CreateCommunity("nodes-" + run,
                "Two nodes", "", List.of(), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN));
        List<PostId> roots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            roots.add(nodes.get(i % 2).posts().startThread(owner,
                    new StartThread(community.id(), "Thread " + i, "Body " + i, null)).id());
        }
        List<List<Person>> people = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            List<Person> ofPair = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS_PER_PAIR; i++) {
                AccountId account = AccountId.of("acct-" + pair + "-" + i + "-" + run);
                String handle = "p" + pair + "-" + i + "-" + run;
                ofPair.add(new Person(account, register(nodes.get(0), account, handle + "-a"),
                        register(nodes.get(1), account, handle + "-b")));
            }
            people.add(ofPair);
        }

        // Both nodes join each account at once, through its two pseudonyms: one must win, one must be told no.
        List<Object> joins = Concurrently.run(thread -> {
            int node = nodeOf(thread);
            Map<AccountId, PseudonymId> won = new HashMap<>();
            for (Person person : people.get(thread % PAIRS)) {
                try {
                    nodes.get(node).memberships().join(person.on(node), JoinCommunity.of(community.id()));
                    won.put(person.account(), person.on(node).pseudonym());
                } catch (ConflictException e) {
                    assertThat(e).hasMessageContaining("already a member");
                }
            }
            return won;
        });
        Map<AccountId, PseudonymId> holders = new HashMap<>();
        for (Object outcome : joins) {
            assertThat(outcome).as("a joining thread's outcome").isInstanceOf(Map.class);
            ((Map<?, ?>) outcome).forEach((account, holder) -> assertThat(
                    holders.put((AccountId) account, (PseudonymId) holder)).as("a second winner").isNull());
        }
        assertThat(holders).hasSize(PAIRS * ACCOUNTS_PER_PAIR);

        // Then both nodes vote on the same posts through the same accounts, and reply, all at once. Each
        // account acts through the pseudonym that won its membership, and never votes on its own replies.
        List<Object> work = Concurrently.run(thread -> {
            int node = nodeOf(thread);
            CommunityEngine engine = nodes.get(node);
            Random random = new Random(SEED + thread);
            List<Person> mine = people.get(thread % PAIRS);
            List<Posted> posted = new ArrayList<>();
            for (int n = 0; n < ROUNDS; n++) {
                Person person = mine.get(random.nextInt(mine.size()));
                Actor holder = Actor.of(person.account(), holders.get(person.account()));
                Posted reply = target(random, posted);
                PostId target = reply == null ? roots.get(random.nextInt(roots.size())) : reply.id();
                boolean own = reply != null && reply.author().equals(person.account());
                int roll = random.nextInt(10);
                if (roll < 6 && !own) {
                    Direction direction = roll < 4 ? Direction.UP : Direction.DOWN;
                    VoteOutcome outcome = engine.votes().cast(holder, new CastVote(target, direction));
                    assertThat(outcome.yourVote()).isEqualTo(direction);
                    assertThat(outcome.score()).isEqualTo(outcome.ups() - outcome.downs());
                } else if (roll < 8) {
                    assertThat(engine.votes().retract(holder, target).yourVote()).isNull();
                } else {
                    PostView answer = engine.posts().reply(holder, new Reply(target, "Reply " + n + " of " + thread));
                    posted.add(new Posted(answer.id(), target, answer.thread(), person.account()));
                }
            }
            return posted;
        });
        List<Posted> replies = new ArrayList<>();
        for (Object outcome : work) {
            assertThat(outcome).as("a racing thread's outcome").isInstanceOf(List.class);
            ((List<?>) outcome).forEach(reply -> replies.add((Posted) reply));
        }

        assertOneMembershipEach(community, owner, people, holders);
        List<AccountId> accounts = new ArrayList<>(holders.keySet());
        accounts.add(owner.account());
        for (PostId root : roots) {
            assertRepliesCounted(root, replies);
        }
        for (PostId post : posts(roots, replies)) {
            assertVotesCounted(post, accounts);
        }
        assertReputationRecounted(community, posts(roots, replies));
    }

    /** One of this thread's replies, or {@code null} for a root. */
    private static @Nullable Posted target(Random random, List<Posted> posted) {
        if (posted.isEmpty() || random.nextInt(3) > 0) {
            return null;
        }
        return posted.get(random.nextInt(posted.size()));
    }

    private static List<PostId> posts(List<PostId> roots, List<Posted> replies) {
        List<PostId> all = new ArrayList<>(roots);
        replies.forEach(reply -> all.add(reply.id()));
        return all;
    }

    private void assertOneMembershipEach(CommunityView community, Actor owner, List<List<Person>> people,
            Map<AccountId, PseudonymId> holders) {
        List<MembershipRecord> active = store().read(tx -> tx.memberships().page(community.id(), MemberState.ACTIVE,
                null, 1_000));
        Map<PseudonymId, AccountId> accountOf = new HashMap<>();
        accountOf.put(owner.pseudonym(), owner.account());
        people.stream().flatMap(List::stream).forEach(person -> {
            accountOf.put(person.onA().pseudonym(), person.account());
            accountOf.put(person.onB().pseudonym(), person.account());
        });
        Map<AccountId, Long> perAccount = active.stream()
                .collect(Collectors.groupingBy(m -> accountOf.get(m.pseudonym()), Collectors.counting()));
        assertThat(perAccount).as("active memberships per account").hasSize(holders.size() + 1)
                .allSatisfy((account, count) -> assertThat(count).isEqualTo(1));
        holders.forEach((account, holder) -> assertThat(active)
                .filteredOn(m -> m.account().equals(account)).extracting(MembershipRecord::pseudonym)
                .as("the pseudonym that holds an account's membership").containsExactly(holder));
        int memberCount = store().read(tx -> tx.communities().byId(community.id())).orElseThrow().memberCount();
        assertThat(memberCount).as("member count against the recount").isEqualTo(active.size());
    }

    private void assertRepliesCounted(PostId root, List<Posted> posted) {
        List<PostRecord> stored = store().read(tx -> {
            // The whole tree below the root, level by level, each post's replies in one listing.
            List<PostRecord> tree = new ArrayList<>();
            List<PostId> level = List.of(root);
            while (!level.isEmpty()) {
                List<PostId> next = new ArrayList<>();
                for (PostId parent : level) {
                    List<PostRecord> children = tx.posts().children(parent, ReplySort.OLD, null, 10_000);
                    tree.addAll(children);
                    children.forEach(child -> next.add(child.id()));
                }
                level = next;
            }
            return tree;
        });
        List<Posted> inThread = posted.stream().filter(reply -> reply.thread().equals(root)).toList();
        assertThat(stored).extracting(PostRecord::id).as("replies stored in a thread")
                .containsExactlyInAnyOrderElementsOf(inThread.stream().map(Posted::id).toList());
        Map<PostId, Long> direct = inThread.stream().collect(Collectors.groupingBy(Posted::parent, Collectors.counting()));
        Map<PostId, PostRecord> posts = store().read(tx -> tx.posts().byIds(posts(List.of(root), inThread)));
        assertThat(posts.get(root).counters().threadReplyCount()).as("replies counted in thread %s", root)
                .isEqualTo(inThread.size());
        posts.values().forEach(post -> assertThat(post.counters().replyCount())
                .as("direct replies counted on %s", post.id())
                .isEqualTo(direct.getOrDefault(post.id(), 0L).intValue()));
    }

    private void assertVotesCounted(PostId post, List<AccountId> accounts) {
        PostRecord stored = store().read(tx -> tx.posts().byId(post)).orElseThrow();
        VoteTally tally = store().read(tx -> tx.votes().tally(post));
        Map<AccountId, Optional<VoteRecord>> votes = store().read(tx -> accounts.stream()
                .collect(Collectors.toMap(Function.identity(), account -> tx.votes().find(post, account))));
        int ups = 0;
        int downs = 0;
        for (Map.Entry<AccountId, Optional<VoteRecord>> vote : votes.entrySet()) {
            if (vote.getValue().isPresent()) {
                VoteRecord row = vote.getValue().get();
                assertThat(row.counted()).as("counted flag of a vote on %s", post)
                        .isEqualTo(!vote.getKey().equals(stored.authorAccount()));
                ups += row.counted() && row.direction() == Direction.UP ? 1 : 0;
                downs += row.counted() && row.direction() == Direction.DOWN ? 1 : 0;
            }
        }
        assertThat(tally).as("recount of the vote rows of %s", post).isEqualTo(new VoteTally(ups, downs));
        assertThat(new VoteTally(stored.counters().ups(), stored.counters().downs()))
                .as("counters of %s against the recount", post).isEqualTo(tally);
    }

    /** Each author's reputation total, moved by both nodes at once, against the sum of its ledger. */
    private void assertReputationRecounted(CommunityView community, List<PostId> posts) {
        Set<PseudonymId> authors = store().read(tx -> tx.posts().byIds(posts)).values().stream()
                .map(PostRecord::author).collect(Collectors.toSet());
        long earned = store().read(tx -> {
            long sum = 0;
            for (PseudonymId author : authors) {
                long total = tx.reputation().total(community.id(), author);
                assertThat(total).as("reputation of %s against its ledger", author)
                        .isEqualTo(tx.reputation().recount(community.id(), author));
                sum += total;
            }
            return sum;
        });
        assertThat(earned).as("reputation earned from the votes, twice as many up as down").isPositive();
    }

    private static Actor register(CommunityEngine node, AccountId account, String handle) {
        return Actor.of(account, node.identities().register(account, new RegisterPseudonym(handle)).id());
    }
}
