package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.DuplicateKeyException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * The model-based rule: random sequences of units of work run against the store under test and
 * against the {@link ReferenceStore}, which must agree on every answer after every step. Each
 * sequence starts with the same {@link #PRELUDE}, whose steps are numbered from
 * {@code -PRELUDE.size() + 1} to 0; the random steps are numbered from 1. On a failure jqwik
 * shrinks the sequence and prints it, together with the seed that replays it.
 */
abstract class ModelRules {
    /** What every sequence starts from, so that random actions find people, places and posts to act on. */
    static final List<ModelAction> PRELUDE = List.of(
            new ModelAction.Register(0, 0), new ModelAction.Register(1, 2), new ModelAction.Register(2, 4),
            new ModelAction.Found(0, 0, 0), new ModelAction.Found(1, 2, 1),
            new ModelAction.Post(0, 0, 0), new ModelAction.Post(1, 1, 1), new ModelAction.Post(0, 2, 1));

    private final StoreCompatibilityKit kit;

    ModelRules(StoreCompatibilityKit kit) {
        this.kit = kit;
    }

    /**
     * If this fails, read the shrunk action sequence that jqwik prints and the first answer that
     * differs: it names the SPI call whose result the store got wrong after those steps. The
     * other rules, which fail on narrower cases, usually point at the same fault more directly.
     */
    @Property(tries = 60)
    @Label("after any sequence of units of work, the store answers every lookup as the reference model does")
    void agreesWithTheModel(@ForAll("sequences") List<ModelAction> actions) {
        CommunityStore store = kit.freshStore();
        try {
            CommunityStore model = new ReferenceStore();
            ModelWorld world = new ModelWorld();
            int number = -PRELUDE.size();
            for (ModelAction action : Stream.concat(PRELUDE.stream(), actions.stream()).toList()) {
                number++;
                Optional<ModelAction.Step> step = action.prepare(world);
                if (step.isEmpty()) {
                    continue;
                }
                String expected = outcome(model, step.get());
                String actual = outcome(store, step.get());
                if (action instanceof ModelAction.Fail) {
                    // The work fails in the end whatever its writes did. A store may send a unit's
                    // writes together later in the unit (CommunityStore), so a failing write may surface
                    // as itself or as the work's own failure; either way nothing may remain.
                    assertThat(actual).as("the outcome of step %d (%s)", number, action).startsWith("threw");
                } else {
                    assertThat(actual).as("the outcome of step %d (%s)", number, action).isEqualTo(expected);
                }
                if (!expected.startsWith("threw")) {
                    step.get().onCommit().accept(world);
                }
                Map<String, Object> want = model.read(world::observe);
                Map<String, Object> got = store.read(world::observe);
                for (Map.Entry<String, Object> answer : want.entrySet()) {
                    assertThat(got.get(answer.getKey()))
                            .as("%s after step %d (%s)", answer.getKey(), number, action)
                            .isEqualTo(answer.getValue());
                }
            }
        } finally {
            kit.cleanUpStores();
        }
    }

    /** How a step ended, in words that two stores can agree on. */
    private static String outcome(CommunityStore store, ModelAction.Step step) {
        try {
            @Nullable Object result = store.write(tx -> Optional.ofNullable(step.work().run(tx))).orElse(null);
            return "returned " + result;
        } catch (DuplicateKeyException e) {
            return "threw DuplicateKeyException(" + e.key() + ")";
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getSimpleName();
        }
    }

    @Provide
    Arbitrary<List<ModelAction>> sequences() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 5);
        Arbitrary<ModelAction> action = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(small, small).as(ModelAction.Register::new)),
                Tuple.of(3, Combinators.combine(small, small, small).as(ModelAction.Found::new)),
                Tuple.of(1, Combinators.combine(small, small, Arbitraries.of(true, false)).as(ModelAction.Configure::new)),
                Tuple.of(1, Combinators.combine(small, Arbitraries.integers().between(-2, 2)).as(ModelAction.CountMembers::new)),
                Tuple.of(4, Combinators.combine(small, small, small).as(ModelAction.Join::new)),
                Tuple.of(2, Combinators.combine(small, small, small, small).as(ModelAction.Transition::new)),
                Tuple.of(4, Combinators.combine(small, small, small).as(ModelAction.Post::new)),
                Tuple.of(3, Combinators.combine(small, small, small).as(ModelAction.Reply::new)),
                Tuple.of(1, Combinators.combine(small, small).as(ModelAction.Edit::new)),
                Tuple.of(5, Combinators.combine(small, small, small).as(ModelAction.Vote::new)),
                Tuple.of(3, small.map(ModelAction.BlindVote::new)),
                Tuple.of(4, Combinators.combine(small, small, small).as(ModelAction.Rank::new)),
                Tuple.of(1, Combinators.combine(small, small, small).as(ModelAction.Invite::new)),
                Tuple.of(2, Combinators.combine(small, Arbitraries.of(true, false)).as(ModelAction.UseInvite::new)));
        Arbitrary<ModelAction> maybeFailing = Arbitraries.frequencyOf(
                Tuple.of(6, action),
                Tuple.of(1, action.map(ModelAction.Fail::new)));
        return maybeFailing.list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }
}
