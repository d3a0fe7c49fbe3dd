package dev.niche.community.spring;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.List;

/** A few commands through the public API: two members, a thread, a reply, a vote. */
public final class Story {
    final Actor owner;
    final Actor member;
    final CommunityView community;
    final PostView thread;
    final PostView reply;

    private Story(CommunityEngine engine) {
        owner = actor(engine, "account-owner", "calm_pilot");
        member = actor(engine, "account-member", "white-knuckles");
        community = engine.communities().create(owner, new CreateCommunity(
                "fearful-flyers", "Fearful flyers", "Flying with less fear.", List.of("travel"),
                List.of("Be kind."), Visibility.PUBLIC, JoinPolicy.OPEN));
        engine.memberships().join(member, JoinCommunity.of(community.id()));
        thread = engine.posts().startThread(member, new StartThread(
                community.id(), "First flight in ten years", "Any tips?", null));
        reply = engine.posts().reply(owner, new Reply(thread.id(), "Count the seconds."));
        engine.votes().cast(member, new CastVote(reply.id(), Direction.UP));
    }

    public static Story tell(CommunityEngine engine) {
        return new Story(engine);
    }

    static Actor actor(CommunityEngine engine, String account, String handle) {
        AccountId id = AccountId.of(account);
        PseudonymView pseudonym = engine.identities().register(id, new RegisterPseudonym(handle));
        return Actor.of(id, pseudonym.id());
    }
}
