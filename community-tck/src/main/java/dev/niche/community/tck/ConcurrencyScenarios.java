package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.NicheException;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's invariants hold when 8 threads act at once. If these fail, check that the store
 * enforces its unique keys itself and serialises units of work that lock the same account.
 */
abstract class ConcurrencyScenarios extends EngineFixture {

    ConcurrencyScenarios(EngineScenarios suite) {
        super(suite);
    }

    private static long count(List<? extends Race.Outcome<?>> outcomes, ErrorCode code) {
        return outcomes.stream()
                .filter(o -> o.failure() instanceof NicheException e && e.code() == code)
                .count();
    }

    private static long successes(List<? extends Race.Outcome<?>> outcomes) {
        return outcomes.stream().filter(Race.Outcome::succeeded).count();
    }

    @Test
    @DisplayName("8 pseudonyms of one account joining at once make exactly one membership")
    void oneMembershipUnderRace() {
        CommunityEngine roomy = newEngine(Race.THREADS, 64);
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "contested");
        AccountId account = AccountId.of("acct-racer");
        List<Actor> identities = Race.range()
                .mapToObj(i -> roomy.identities().register(account, new RegisterPseudonym("racer-" + i)))
                .map(pseudonym -> Actor.of(account, pseudonym.id()))
                .toList();

        List<Race.Outcome<MembershipView>> outcomes = Race.run(Race.THREADS,
                i -> engine.memberships().join(identities.get(i), JoinCommunity.of(community.id())));

        assertThat(successes(outcomes)).as("joins that succeeded").isOne();
        assertThat(count(outcomes, ErrorCode.CONFLICT)).as("joins refused as conflicts").isEqualTo(Race.THREADS - 1);
        assertThat(reread(community).memberCount()).isEqualTo(2);
        assertThat(engine.memberships().members(Viewer.anonymous(), community.id(), MemberState.ACTIVE,
                PageRequest.first(20)).items()).hasSize(2);
    }

    @Test
    @DisplayName("8 accounts claiming one handle in different cases at once: exactly one gets it")
    void oneHandleUnderRace() {
        List<String> claims = List.of("dave", "Dave", "DAVE", "dAve", "daVe", "davE", "DAve", "daVE");

        List<Race.Outcome<PseudonymView>> outcomes = Race.run(Race.THREADS,
                i -> engine.identities().register(AccountId.of("acct-dave-" + i), new RegisterPseudonym(claims.get(i))));

        assertThat(successes(outcomes)).isOne();
        assertThat(count(outcomes, ErrorCode.CONFLICT)).isEqualTo(Race.THREADS - 1);
        PseudonymView winner = outcomes.stream().filter(Race.Outcome::succeeded).findFirst().orElseThrow().value();
        assertThat(engine.identities().findByHandle("DAVE")).contains(winner);
    }

    @Test
    @DisplayName("one account registering 8 pseudonyms at once gets exactly its limit of 5")
    void pseudonymLimitUnderRace() {
        AccountId account = AccountId.of("acct-greedy");

        List<Race.Outcome<PseudonymView>> outcomes = Race.run(Race.THREADS,
                i -> engine.identities().register(account, new RegisterPseudonym("greedy-" + i)));

        assertThat(successes(outcomes)).isEqualTo(5);
        assertThat(count(outcomes, ErrorCode.CONFLICT)).isEqualTo(Race.THREADS - 5);
        assertThat(engine.identities().ownedBy(account)).hasSize(5);
    }

    @Test
    @DisplayName("8 threads replying at once: reply counts equal the tree")
    void replyCountsUnderRace() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "chatty");
        PostView root = thread(owner, community);
        List<PostView> parents = new ArrayList<>(List.of(root));
        for (int i = 0; i < 3; i++) {
            parents.add(reply(owner, root));
        }
        List<Actor> repliers = Race.range().mapToObj(i -> member(community, owner, "replier-" + i)).toList();

        List<Race.Outcome<Integer>> outcomes = Race.run(Race.THREADS, worker -> {
            Random random = new Random(worker);
            for (int n = 0; n < 25; n++) {
                reply(repliers.get(worker), parents.get(random.nextInt(parents.size())));
            }
            return 25;
        });

        Race.assertAllSucceeded(outcomes);
        // 203 replies: room for all of them on one page.
        ThreadView tree = engine.posts().thread(Viewer.anonymous(), root.id(),
                new TreeRequest(ReplySort.OLD, TreeRequest.MAX_REPLIES, TreeRequest.DEFAULT_DEPTH));
        assertThat(tree.root().threadReplyCount()).isEqualTo(3 + Race.THREADS * 25);
        assertThat(tree.root().replyCount()).isEqualTo(tree.replies().size());
        for (ReplyNode node : tree.replies()) {
            assertThat(node.post().replyCount()).isEqualTo(node.replies().size());
        }
        assertThat(tree.replies().stream().mapToInt(node -> 1 + node.descendantCount()).sum())
                .isEqualTo(3 + Race.THREADS * 25);
    }

    @Test
    @DisplayName("8 threads joining and leaving at once: the member count equals the active members")
    void memberCountUnderRace() {
        Actor owner = person("founder");
        CommunityView community = openCommunity(owner, "revolving");
        List<List<Actor>> people = Race.range()
                .mapToObj(i -> List.of(person("joiner-" + i + "-a"), person("joiner-" + i + "-b"),
                        person("joiner-" + i + "-c")))
                .toList();

        List<Race.Outcome<Integer>> outcomes = Race.run(Race.THREADS, worker -> {
            for (Actor actor : people.get(worker)) {
                engine.memberships().join(actor, JoinCommunity.of(community.id()));
            }
            engine.memberships().leave(people.get(worker).get(1), community.id());
            return 2;
        });

        Race.assertAllSucceeded(outcomes);
        assertThat(reread(community).memberCount()).isEqualTo(1 + Race.THREADS * 2);
        assertThat(engine.memberships().members(Viewer.anonymous(), community.id(), MemberState.ACTIVE,
                PageRequest.first(100)).items()).hasSize(1 + Race.THREADS * 2);
    }
}
