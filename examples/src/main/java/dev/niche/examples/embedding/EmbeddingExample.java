package dev.niche.examples.embedding;

// The lines between the markers are the README's "Embed it" class, word for word; a test keeps the
// two equal. A newcomer saves them as src/main/java/EmbeddingExample.java of a project of their own.
// README:begin
import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;

/** Builds an engine on the in-memory store, opens a community and prints one thread of it. */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    /** Prints the thread's title and its one reply's score. */
    public static void main(String[] args) {
        ThreadView tree = run();
        System.out.println(tree.root().title() + ": " + tree.replies().size() + " reply, scored "
                + tree.replies().get(0).post().score());
    }

    /** Runs the example and returns the thread it builds, as Bob sees it. */
    public static ThreadView run() {
        CommunityEngine engine = Niche.builder()
                .store(new InMemoryStore())
                .listener(event -> System.out.println("event: " + event))
                .build();

        // Your users keep their own accounts; Niche only sees an opaque key.
        AccountId aliceAccount = AccountId.of("user-1001");
        AccountId bobAccount = AccountId.of("user-1002");
        PseudonymView alice = engine.identities().register(aliceAccount, new RegisterPseudonym("calm_pilot"));
        PseudonymView bob = engine.identities().register(bobAccount, new RegisterPseudonym("white-knuckles"));
        Actor aliceActs = Actor.of(aliceAccount, alice.id());
        Actor bobActs = Actor.of(bobAccount, bob.id());

        CommunityView flyers = engine.communities().create(aliceActs, new CreateCommunity(
                "fearful-flyers", "Fearful flyers", "Flying with less fear, together.",
                List.of("travel", "anxiety"), List.of("Be kind.", "No medical advice."),
                Visibility.PUBLIC, JoinPolicy.OPEN));
        engine.memberships().join(bobActs, JoinCommunity.of(flyers.id()));

        PostView thread = engine.posts().startThread(bobActs, new StartThread(
                flyers.id(), "First flight in ten years", "Any tips for take-off?", null));
        PostView reply = engine.posts().reply(aliceActs, new Reply(thread.id(), "Count the seconds: it is over in 40."));
        engine.votes().cast(bobActs, new CastVote(reply.id(), Direction.UP));

        ThreadView tree = engine.posts().thread(Viewer.of(bobAccount), thread.id(), TreeRequest.of(ReplySort.OLD));
        return tree;
    }
}
// README:end
