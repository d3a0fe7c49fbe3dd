package dev.niche.community.core;

import dev.niche.community.CommunityEngine;
import dev.niche.community.community.Communities;
import dev.niche.community.event.EventFeed;
import dev.niche.community.event.EventListener;
import dev.niche.community.identity.Identities;
import dev.niche.community.membership.Memberships;
import dev.niche.community.post.Posts;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Trust;
import dev.niche.community.vote.Votes;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: its facets, sharing one context. */
final class Engine implements CommunityEngine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Identities identities;
    private final Communities communities;
    private final Memberships memberships;
    private final Posts posts;
    private final Votes votes;
    private final Trust trust;
    private final EventFeed events;

    Engine(CommunityStore store, Clock clock, IdGenerator ids, List<EventListener> listeners, Settings settings,
            Retention retention) {
        UnitOfWork work = new UnitOfWork(store, listeners, settings.maxAttempts(), ids);
        Context context = new Context(work, new InputValidator(), clock, ids, settings, new Facts());
        this.identities = new IdentityCommands(context);
        this.communities = new CommunityCommands(context);
        this.memberships = new MembershipCommands(context);
        this.posts = new PostCommands(context);
        this.votes = new VoteCommands(context);
        this.trust = new TrustCommands(context);
        this.events = new Feed(work, clock, retention);
        log.info("Niche engine started on {} with {} listener(s)", store.getClass().getSimpleName(), listeners.size());
    }

    @Override
    public Identities identities() {
        return identities;
    }

    @Override
    public Communities communities() {
        return communities;
    }

    @Override
    public Memberships memberships() {
        return memberships;
    }

    @Override
    public Posts posts() {
        return posts;
    }

    @Override
    public Votes votes() {
        return votes;
    }

    @Override
    public Trust trust() {
        return trust;
    }

    @Override
    public EventFeed events() {
        return events;
    }
}
