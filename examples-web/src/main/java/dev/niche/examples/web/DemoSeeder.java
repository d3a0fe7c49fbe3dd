package dev.niche.examples.web;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.NotFoundException;
import dev.niche.community.Viewer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start, registers the demo accounts' pseudonyms and seeds three communities with a few
 * threads: one with more replies than a page holds and a chain deeper than a page shows, so that
 * "more replies" and "continue this thread" appear. On later starts it sees the first community and
 * does nothing, so the data of an H2 file or a PostgreSQL database is kept.
 */
@Component
public class DemoSeeder implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final String FLYERS = "fearful-flyers";

    private final CommunityEngine engine;
    private final DemoAccounts accounts;

    public DemoSeeder(CommunityEngine engine, DemoAccounts accounts) {
        this.engine = engine;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Actor> as = registerPseudonyms();
        try {
            engine.communities().getBySlug(Viewer.anonymous(), FLYERS);
            log.info("Demo communities found; not seeding again");
            return;
        } catch (NotFoundException firstStart) {
            log.info("First start: seeding the demo communities");
        }
        seed(as);
    }

    private Map<String, Actor> registerPseudonyms() {
        Map<String, Actor> as = new HashMap<>();
        for (DemoAccounts.DemoAccount demo : accounts.all()) {
            AccountId account = demo.account();
            List<PseudonymView> owned = engine.identities().ownedBy(account);
            for (String handle : demo.handles()) {
                PseudonymView pseudonym = owned.stream()
                        .filter(p -> p.handle().equals(handle))
                        .findFirst()
                        .orElseGet(() -> engine.identities().register(account, new RegisterPseudonym(handle)));
                as.put(handle, Actor.of(account, pseudonym.id()));
            }
        }
        return as;
    }

    private void seed(Map<String, Actor> as) {
        Actor pilot = as.get("calm_pilot");
        Actor baker = as.get("alice_bakes");
        Actor noir = as.get("noir_fan");
        Actor reader = as.get("carol_reads");
        if (pilot == null || baker == null || noir == null || reader == null) {
            throw new IllegalStateException("the demo accounts lack a seeded pseudonym");
        }
        CommunityView flyers = engine.communities().create(pilot, new CreateCommunity(FLYERS, "Fearful flyers",
                "Flying with less fear, together: tips, stories and company for nervous passengers.",
                List.of("travel", "anxiety"), List.of("Be kind.", "No medical advice."),
                Visibility.PUBLIC, JoinPolicy.OPEN));
        CommunityView bakers = engine.communities().create(baker, new CreateCommunity("vegan-bakers", "Vegan bakers",
                "Egg-free, butter-free, joy-full baking.", List.of("baking", "vegan", "food"),
                List.of("Share recipes, not ads."), Visibility.PUBLIC, JoinPolicy.OPEN));
        engine.communities().create(noir, new CreateCommunity("noir-club", "Film noir club",
                "Shadows, fedoras and femmes fatales. Members by invitation.", List.of("film", "noir"),
                List.of("Spoilers behind a warning."), Visibility.PUBLIC, JoinPolicy.INVITE_ONLY));

        engine.memberships().join(reader, JoinCommunity.of(flyers.id()));
        engine.memberships().join(reader, JoinCommunity.of(bakers.id()));

        PostView turbulence = engine.posts().startThread(pilot, new StartThread(flyers.id(),
                "Turbulence is uncomfortable, not dangerous", "What helped you the first time it got bumpy?", null));
        PostView chain = turbulence;
        for (int depth = 1; depth <= 6; depth++) {
            Actor author = depth % 2 == 0 ? pilot : reader;
            chain = engine.posts().reply(author, new Reply(chain.id(),
                    "Level " + depth + ": breathing out slowly, longer than breathing in, helps me."));
        }
        PostView tips = engine.posts().startThread(reader, new StartThread(flyers.id(),
                "Your best tip for take-off", "One tip per reply, please.", null));
        for (int i = 1; i <= 15; i++) {
            Actor author = i % 2 == 0 ? pilot : reader;
            PostView tip = engine.posts().reply(author, new Reply(tips.id(), "Tip " + i + ": " + TIPS.get(i % TIPS.size())));
            if (i % 3 == 0) {
                engine.votes().cast(author == pilot ? reader : pilot, new CastVote(tip.id(), Direction.UP));
            }
        }
        engine.votes().cast(reader, new CastVote(turbulence.id(), Direction.UP));
        engine.posts().startThread(baker, new StartThread(bakers.id(), "Aquafaba meringues that hold",
                "Whip the chickpea water with a little cream of tartar, then add sugar slowly.", null));
        log.info("Seeded {}, {} and noir-club", flyers.slug(), bakers.slug());
    }

    private static final List<String> TIPS = List.of(
            "count the seconds, it is over in forty",
            "watch the cabin crew: they are bored, so all is well",
            "sit over the wings, where it moves least",
            "tell the crew you are nervous; they help",
            "a podcast you know well drowns the noises");
}
