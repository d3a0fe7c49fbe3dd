package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@DisplayName("The kit has teeth")
class KitHasTeethTest {

    /**
     * The store rules of {@code kit} that failed, by display name, run by the JUnit engine named
     * {@code engine}. The engine's suite is left out: it proves the engine, which a broken store
     * breaks in ways the store rules already name, and it is the slow part of the kit.
     */
    private static List<String> failedRules(Class<? extends StoreCompatibilityKit> kit, String engine) {
        EngineExecutionResults results = EngineTestKit.engine(engine)
                .selectors(selectClass(kit))
                .filters((PostDiscoveryFilter) descriptor -> isEngineSuite(descriptor)
                        ? FilterResult.excluded("the engine's suite")
                        : FilterResult.included("a store rule"))
                .execute();
        assertThat(results.testEvents().started().count()).as("store rules run").isPositive();
        return results.testEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .toList();
    }

    private static boolean isEngineSuite(TestDescriptor descriptor) {
        return descriptor.getUniqueId().getSegments().stream()
                .anyMatch(segment -> segment.getValue().equals("Engine") || segment.getValue().endsWith("$EngineLaws"));
    }

    private static EngineExecutionResults run(Class<? extends StoreCompatibilityKit> kit, String engine) {
        return EngineTestKit.engine(engine).selectors(selectClass(kit)).execute();
    }

    @Nested
    @DisplayName("over the reference store")
    class OverReference {
        @Test
        @DisplayName("every rule passes, and one subclass runs them all: store rules, model, engine suite and engine properties")
        void everythingPasses() {
            Events rules = run(Kits.OverReferenceStore.class, "junit-jupiter").testEvents();
            Events properties = run(Kits.OverReferenceStore.class, "jqwik").testEvents();

            assertThat(rules.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()
                    + ": " + e.getPayload().orElse(""))).isEmpty();
            assertThat(properties.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()
                    + ": " + e.getPayload().orElse(""))).isEmpty();
            assertThat(rules.succeeded().filter(e -> !isEngineSuite(e.getTestDescriptor())).count())
                    .as("store rules passed, found through inherited @Nested classes").isGreaterThanOrEqualTo(110);
            assertThat(rules.succeeded().filter(e -> isEngineSuite(e.getTestDescriptor())).count())
                    .as("engine scenarios passed, found through an inherited @Nested class").isPositive();
            assertThat(properties.succeeded().filter(e -> !isEngineSuite(e.getTestDescriptor())).count())
                    .as("the model property, found through an inherited @Group class").isOne();
            assertThat(properties.succeeded().filter(e -> isEngineSuite(e.getTestDescriptor())).count())
                    .as("engine properties passed, found through an inherited @Group class").isPositive();
        }
    }

    @Nested
    @DisplayName("over a store that loses concurrent counter updates")
    class OverLostUpdates {
        @Test
        @DisplayName("fails the counter rules")
        void caught() {
            assertThat(failedRules(Kits.OverLostUpdateStore.class, "junit-jupiter")).contains(
                    "after 8 threads cast, change and retract votes at once, the counters equal a recount of the votes",
                    "vote counters changed from 8 threads at once lose no change");
        }
    }

    @Nested
    @DisplayName("over a store that accepts a second vote of one account on one post")
    class OverDuplicateVotes {
        @Test
        @DisplayName("fails the vote uniqueness rules and the model")
        void caught() {
            assertThat(failedRules(Kits.OverDuplicateVoteStore.class, "junit-jupiter")).contains(
                    "a second vote of one account on one post is refused with VOTE, even through another pseudonym",
                    "of 8 threads casting one account's vote on one post at once, exactly one wins");
            assertThat(failedRules(Kits.OverDuplicateVoteStore.class, "jqwik")).contains(
                    "after any sequence of units of work, the store answers every lookup as the reference model does");
        }
    }

    @Nested
    @DisplayName("over a store whose units of work are not all or nothing")
    class OverAutocommit {
        @Test
        @DisplayName("fails the all-or-nothing rules and the model")
        void caught() {
            assertThat(failedRules(Kits.OverAutocommitStore.class, "junit-jupiter")).contains(
                    "a unit of work that throws after writing to every table leaves nothing behind, counters included",
                    "a unit of work refused midway by a duplicate key keeps none of its earlier writes");
            assertThat(failedRules(Kits.OverAutocommitStore.class, "jqwik")).contains(
                    "after any sequence of units of work, the store answers every lookup as the reference model does");
        }
    }

    @Nested
    @DisplayName("over a store whose thread pages skip threads that tie on time")
    class OverSkippedRows {
        @Test
        @DisplayName("fails the thread page rules and the model")
        void caught() {
            assertThat(failedRules(Kits.OverTieSkippingStore.class, "junit-jupiter")).contains(
                    "walking the pages yields every thread once, in order, though many share a time",
                    "threads posted from another thread between pages neither shift nor repeat the walk",
                    "walked by HOT", "walked by TOP", "walked by CONTROVERSIAL");
            assertThat(failedRules(Kits.OverTieSkippingStore.class, "jqwik")).contains(
                    "after any sequence of units of work, the store answers every lookup as the reference model does");
        }
    }

    @Nested
    @DisplayName("over a store that drops new rank keys")
    class OverFrozenRanks {
        @Test
        @DisplayName("fails the rank key rules and the model")
        void caught() {
            assertThat(failedRules(Kits.OverFrozenRanksStore.class, "junit-jupiter")).contains(
                    "new rank keys reorder HOT, CONTROVERSIAL and BEST at once, and nothing else",
                    "after 8 threads vote and re-rank at once, each post's keys match its counters and every listing is in the rows' order");
            assertThat(failedRules(Kits.OverFrozenRanksStore.class, "jqwik")).contains(
                    "after any sequence of units of work, the store answers every lookup as the reference model does");
        }
    }

    @Nested
    @DisplayName("over a store that lists OLD replies newest first")
    class OverReversedOld {
        @Test
        @DisplayName("fails the reply listing rules")
        void caught() {
            assertThat(failedRules(Kits.OverReversedOldStore.class, "junit-jupiter")).contains(
                    "OLD is exactly NEW reversed, ties included",
                    "by OLD");
        }
    }
}
