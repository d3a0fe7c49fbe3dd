package dev.niche.examples.simulation;

import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import java.util.List;
import java.util.Map;

/** The communities of the story and what their members say. */
final class Themes {
    private Themes() {}

    static final Theme FEARFUL_FLYERS = new Theme(
            "fearful-flyers", "Fearful flyers", "Flying with less fear, together. Pilots and nervous passengers welcome.",
            List.of("travel", "anxiety", "flying"),
            List.of("Be kind: everyone here is brave for trying.", "No medical advice; share what helped you."),
            Visibility.PUBLIC, JoinPolicy.OPEN,
            List.of("First flight in ten years next week", "Is turbulence ever actually dangerous?",
                    "The noise after take-off: what is it?", "Window or aisle for a nervous flyer?",
                    "I made it through a 9-hour flight!", "Night flights: calmer or worse?",
                    "How do you handle the waiting at the gate?", "Small planes terrify me more than big ones",
                    "A pilot's tip that finally clicked", "Flying with kids while anxious",
                    "What do you listen to on take-off?", "The fear course: worth it?"),
            List.of("I keep going back and forth about this. How do you deal with it?",
                    "Any advice welcome. My hands are sweating just typing this.",
                    "Sharing in case it helps someone else here.",
                    "Curious what the people who fly often think."),
            List.of("Count the seconds on take-off: it is over in about 40.",
                    "Turbulence is uncomfortable, not dangerous. Planes are built for far worse.",
                    "That thump is the landing gear going up. Totally normal.",
                    "Aisle seat for me, so I don't see the wing flex.",
                    "Breathing in for 4, out for 6 helped me more than anything.",
                    "Tell the crew you're nervous. They were lovely to me.",
                    "I did the course last year. It changed everything.",
                    "Same here. You're not alone in this.",
                    "Congratulations! That's huge.",
                    "The flight-tracking apps show how many planes land safely every minute. Oddly calming.",
                    "Noise-cancelling headphones and a boring podcast.",
                    "Weather radar on the ground is how pilots steer around the worst bumps.",
                    "Thank you, this helps more than you know.",
                    "Does anyone know if the same works on short hops?"),
            List.of("Hi all. I haven't flown since 2015 and have a wedding abroad in June.",
                    "Hello! Former white-knuckle flyer, now down to sweaty palms. Happy to help.",
                    "Hi, I'm a cabin crew member. Ask me anything about the noises.",
                    "Hey. Booked my first flight in years just to force myself. Terrified."));

    static final Theme VEGAN_BAKERS = new Theme(
            "vegan-bakers", "Vegan bakers", "Egg-free, butter-free, joy-full baking. Recipes, fails and fixes.",
            List.of("baking", "vegan", "recipes"),
            List.of("Share recipes, not ads.", "Be kind to beginners."),
            Visibility.PUBLIC, JoinPolicy.OPEN,
            List.of("My meringues weep. Help?", "Best egg replacer for brioche?", "Croissants without butter: possible?",
                    "Sourdough starter smells like nail polish", "Gluten-free and vegan birthday cake ideas",
                    "Why did my banana bread sink?", "Aquafaba ratios that actually work",
                    "Vegan custard that sets properly", "Flax egg vs chia egg in cookies",
                    "Proud of this loaf!", "Cheap pantry swaps for vegan baking", "Laminated dough in a warm kitchen"),
            List.of("Photos in my head only, but trust me it was a disaster. What went wrong?",
                    "Tried three times now. Any ideas?",
                    "Sharing what worked for me after a lot of testing.",
                    "Looking for tried-and-tested versions, not blog guesses."),
            List.of("Add the sugar slowly, a spoon at a time, once it foams.",
                    "Your oven may run hot. An oven thermometer paid for itself in a week.",
                    "Cream of tartar helps: a pinch per 100 ml of aquafaba.",
                    "Chill the dough between folds, even twice.",
                    "That smell means it's hungry. Feed it twice a day for a few days.",
                    "Use a block margarine with at least 80% fat, not a spread.",
                    "Too much leavening makes it rise and then collapse.",
                    "Weigh everything. Cups lie.",
                    "Cornstarch plus a little agar sets it firm.",
                    "Flax for chewy, chia if you don't mind the specks.",
                    "Looks amazing, well done!",
                    "Trying this tonight, thanks!",
                    "Did you use a dark or a light tin?",
                    "Room temperature matters more than people think."),
            List.of("Hi! Vegan for two years, baking for one. Bread is my nemesis.",
                    "Hello from a pastry chef going plant-based at work.",
                    "Hi all, I bake for my daughter's egg allergy. Here to learn.",
                    "Hey! Mostly here for the aquafaba experiments."));

    static final Theme NOIR_NIGHTS = new Theme(
            "noir-nights", "Noir nights", "Film noir fans: shadows, femmes fatales, rain-soaked streets, old and new.",
            List.of("film", "noir", "movies"),
            List.of("Spoiler tags for anything after 1990.", "Discuss films, not people."),
            Visibility.PUBLIC, JoinPolicy.OPEN,
            List.of("Double Indemnity rewatch thread", "Neo-noir that actually earns the label",
                    "The best opening shot in noir?", "Is Chinatown the last classic noir?",
                    "Underrated B-noirs from the 40s", "Noir soundtracks: jazz or strings?",
                    "Where to start with French noir", "Femme fatale as a trope: worn out?",
                    "Watching The Third Man tonight", "Colour noir: contradiction in terms?",
                    "Hidden gem: Detour (1945)", "Favourite voice-over narration"),
            List.of("Curious what this crowd thinks.",
                    "Rewatched it last weekend and it still holds up.",
                    "Building a watchlist for the winter.",
                    "Hot take incoming, be gentle."),
            List.of("The lighting alone is worth the rewatch.",
                    "Detour was shot in six days and you can feel the desperation. Perfect.",
                    "Le Cercle Rouge, then Le Samouraï. You're welcome.",
                    "The zither score is the whole mood of The Third Man.",
                    "Colour noir works when the colour is sick: think Leave Her to Heaven.",
                    "Strings for dread, jazz for the city.",
                    "The voice-over in Double Indemnity is untouchable.",
                    "Chinatown is a eulogy for noir, not the end of it.",
                    "Agreed, and the ending still guts me.",
                    "Adding that to my list.",
                    "Hard disagree, but I love that you said it.",
                    "Blood Simple is the neo-noir I keep coming back to.",
                    "The book is even bleaker.",
                    "Watch it on the biggest screen you can."),
            List.of("Hi, I run a tiny film club and we do noir every November.",
                    "Hello! Came for Blade Runner, stayed for Double Indemnity.",
                    "Hey all. Writing my thesis on post-war noir, so expect questions.",
                    "Hi! I just like rainy streets and saxophones."));

    /** What members say when they answer a reply rather than the thread, in any community. */
    static final List<String> FOLLOW_UPS = List.of(
            "Agreed, that was my experience too.", "Thank you, I'll try that.",
            "Interesting, I had the opposite result.", "Could you say more about that?",
            "This. Exactly this.", "Ha, same here.", "Good point, I hadn't thought of that.",
            "Did that work for you every time?", "Saving this.", "Respectfully, I don't think so.");

    /** The communities that open on the first day. */
    static final List<Theme> OPENING = List.of(FEARFUL_FLYERS, VEGAN_BAKERS, NOIR_NIGHTS);

    /**
     * The brand's own community: readable by anyone, joined by invite only. Its description
     * discloses who runs it.
     */
    static final Theme BRAND_KITCHEN = new Theme(
            "oatmill-kitchen", "Oatmill test kitchen",
            "Run by Oatmill, the oat-milk company (brand account: oatmill_brand). An invite-only kitchen where "
                    + "members who bake with oat milk test recipes with our team.",
            List.of("vegan", "baking", "oat-milk"),
            List.of("Oatmill runs this community; we say so whenever we post.", "Honest feedback, good or bad."),
            Visibility.RESTRICTED, JoinPolicy.INVITE_ONLY,
            List.of("My oat-milk brioche attempt", "Custard that set overnight, finally",
                    "Does the barista milk curdle in coffee cake?", "Pancakes for a crowd: scaling up"),
            List.of("Notes from my kitchen, for the next round.", "Photos in my head only; here is what happened."),
            List.of("Tried it: a bit dense, maybe more proof time?", "Worked first time for me.",
                    "Less sugar next round, please.", "My kids ate the whole batch.",
                    "Tested with a store-brand milk too: same result.", "Too runny at 20 °C in my kitchen."),
            List.of("Thanks for the invite! Happy to test anything with rye.",
                    "Hi! I'll be honest in my notes, promise.",
                    "Hello, I bake every weekend for my neighbours, so big batches."));

    /**
     * What the brand writes when it shares value in the communities it joined, by slug; each line
     * discloses the brand.
     */
    static final Map<String, List<String>> BRAND_ANSWERS = Map.of(
            VEGAN_BAKERS.slug(), List.of(
                    "Oatmill team here (we make oat milk, so weigh our view): in our tests, barista-style oat "
                            + "milk holds foam and sets custards best.",
                    "From the Oatmill test kitchen: warm plant milk to about 40 °C before adding yeast and the "
                            + "rise is much more reliable, whatever brand you use.",
                    "Oatmill here, full disclosure. Swap milk one to one, but cut added sugar a little: oat milk "
                            + "is naturally sweeter.",
                    "Oatmill team: we tested 40 batches of egg-free custard. Cornstarch plus a pinch of agar won."),
            FEARFUL_FLYERS.slug(), List.of(
                    "Brand account (Oatmill), so take this as one baker's habit: a familiar snack from home makes "
                            + "the cabin feel less strange. Solids pass security; only liquids over 100 ml don't.",
                    "Oatmill team here. Several of us are nervous flyers too: the breathing tip above is the one "
                            + "that works for us."));

    /** The recipe tests the brand starts in its own community, disclosing the brand in each. */
    static final List<String> BRAND_RECIPE_TESTS = List.of(
            "[Oatmill] Recipe test: oat-milk brioche", "[Oatmill] Recipe test: no-egg pancakes",
            "[Oatmill] Which custard should we test next?", "[Oatmill] Recipe test: rye and oat loaf");

    /** The threads the brand starts in communities it joined, disclosing the brand in each. */
    static final List<String> BRAND_THREADS = List.of(
            "[Oatmill, brand account] What we learned from 40 batches of egg-free custard",
            "[Oatmill, brand account] Ask our bakers anything about plant-milk doughs",
            "[Oatmill, brand account] Your hardest plant-milk swaps, solved");

    /** The spammer's pitches, one per community it posts in. */
    static final List<String> PITCHES = List.of(
            "Fly stress-free with LOUNGE PASS deals, 90% off today only!!!",
            "Miracle egg replacer, buy 3 get 10 free, limited stock!!!",
            "Best DVD box sets 80% OFF, last day!!!");

    /** The spammer's second try, once links are refused: the same offers, with no web address. */
    static final List<String> PLAIN_PITCHES = List.of(
            "LOUNGE PASS for nervous flyers 90% off, search DEALS4U!!!",
            "Egg replacer MEGA PACK, search DEALS4U, buy 3 get 10 free!!!",
            "Noir box sets 80% OFF, search DEALS4U before midnight!!!");

    /** What the spammer replies under threads people are reading, to farm reputation. */
    static final List<String> SPAM_REPLIES = List.of(
            "Great question! I got my travel pillow half price, search DEALS4U.",
            "So true. Also: lounge passes 90% off tonight, search DEALS4U!",
            "This helped me too! And DEALS4U has noise-cancelling headphones cheap.",
            "Thanks for sharing!! Search DEALS4U for calm-flight kits.");
}
