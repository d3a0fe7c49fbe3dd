package dev.niche.examples.quickstart;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A first look at Niche on the in-memory store: a community of vegan bakers, a few pseudonymous
 * members, one thread with nested replies and votes, printed as a tree.
 *
 * <p>Run it from the repository root with
 * {@code mvn -B -q -pl examples -am -DskipTests package exec:java -Dexec.mainClass=dev.niche.examples.quickstart.QuickstartDemo}
 * (without {@code -Dexec.mainClass}, that command runs the community simulation).
 */
public final class QuickstartDemo {
    private final CommunityEngine engine = Niche.builder().store(new InMemoryStore()).build();
    private final Map<String, Actor> members = new LinkedHashMap<>();

    public static void main(String[] args) {
        new QuickstartDemo().run(System.out);
    }

    /** Tells the story and prints it; returns the thread so that tests can check the story. */
    public ThreadView run(PrintStream out) {
        Actor owner = member("crumb_queen");
        CommunityView bakers = engine.communities().create(owner, new CreateCommunity("vegan-bakers",
                "Vegan bakers", "Egg-free, butter-free, joy-full baking.", List.of("baking", "vegan"),
                List.of("Share recipes, not ads.", "Be kind to beginners."), Visibility.PUBLIC, JoinPolicy.OPEN));
        for (String handle : List.of("aquafaba_andy", "rye_not", "proofing_pat", "flax_egg_fan")) {
            engine.memberships().join(member(handle), JoinCommunity.of(bakers.id()));
        }

        PostView thread = engine.posts().startThread(registered("aquafaba_andy"), new StartThread(bakers.id(),
                "My meringues weep. Help?", "Aquafaba whipped to stiff peaks, then puddles in the oven.", null));
        PostView sugar = reply("crumb_queen", thread, "Add the sugar slowly, a spoon at a time, once it foams.");
        PostView oven = reply("rye_not", thread, "Your oven may run hot. Try 100 °C for two hours.");
        PostView thanks = reply("aquafaba_andy", sugar, "Slowly! That must be it. I dumped it all at once.");
        reply("proofing_pat", thanks, "Cream of tartar helps too: a pinch per 100 ml.");
        reply("flax_egg_fan", oven, "An oven thermometer paid for itself in a week.");

        vote("rye_not", thread, Direction.UP);
        vote("proofing_pat", thread, Direction.UP);
        vote("flax_egg_fan", thread, Direction.UP);
        vote("aquafaba_andy", sugar, Direction.UP);
        vote("rye_not", sugar, Direction.UP);
        vote("proofing_pat", sugar, Direction.UP);
        vote("crumb_queen", oven, Direction.DOWN); // the owner may down vote from the start
        vote("crumb_queen", oven, Direction.UP); // and changed their mind: still one vote
        vote("flax_egg_fan", oven, Direction.UP);

        CommunityView community = engine.communities().get(Viewer.anonymous(), bakers.id());
        out.printf("Community %s (%s): %d members, tags %s%n", community.title(), community.slug(),
                community.memberCount(), community.tags());
        for (PostView listed : engine.posts().threads(Viewer.anonymous(), bakers.id(), ThreadOrder.HOT, PageRequest.first(10)).items()) {
            out.printf("Thread: %s  [score %+d, %d replies]%n", listed.title(), listed.score(), listed.threadReplyCount());
        }
        ThreadView tree = engine.posts().thread(Viewer.anonymous(), thread.id(), TreeRequest.of(ReplySort.OLD));
        out.println();
        out.printf("%s  (by %s, score %+d)%n", tree.root().title(), handleOf(tree.root()), tree.root().score());
        out.println("  " + tree.root().body());
        print(out, tree.replies(), 1);
        return tree;
    }

    private Actor member(String handle) {
        AccountId account = AccountId.of("host-user-" + handle.hashCode());
        var pseudonym = engine.identities().register(account, new RegisterPseudonym(handle));
        Actor actor = Actor.of(account, pseudonym.id());
        members.put(handle, actor);
        return actor;
    }

    private Actor registered(String handle) {
        return Objects.requireNonNull(members.get(handle), handle + " is registered");
    }

    private PostView reply(String handle, PostView parent, String body) {
        return engine.posts().reply(registered(handle), new Reply(parent.id(), body));
    }

    private void vote(String handle, PostView post, Direction direction) {
        engine.votes().cast(registered(handle), new CastVote(post.id(), direction));
    }

    private static String handleOf(PostView post) {
        return post.author() == null ? "[deleted]" : post.author().handle();
    }

    private static void print(PrintStream out, List<ReplyNode> nodes, int depth) {
        for (ReplyNode node : nodes) {
            PostView post = node.post();
            String indent = "  ".repeat(depth);
            out.printf("%s└ %s (score %+d): %s%n", indent, handleOf(post), post.score(), post.deleted() ? "[deleted]" : post.body());
            print(out, node.replies(), depth + 1);
        }
    }
}
