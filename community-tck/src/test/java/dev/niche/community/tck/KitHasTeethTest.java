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
                .anyMatch(segment -> segment.getValue().equals("Engine") || segment.getValue().endsWith("$EngineLaws")
                        || segment.getValue().endsWith("$ReputationLaws") || segment.getValue().endsWith("$PrivacyLaws")
                        || segment.getValue().endsWith("$CursorLaws"));
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
                    .as("store rules passed, found through inherited @Nested classes").isGreaterThanOrEqualTo(135);
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
                    "a unit of work refused midway by a duplicate key keeps none of its earlier writes",
                    "a unit of work that appends and adds to totals, then throws, leaves no entry and no total behind",
                    "a unit of work that writes to every trust table, then throws, leaves nothing behind");
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

    @Nested
    @DisplayName("over a store that loses concurrent additions to reputation totals")
    class OverLostTotals {
        @Test
        @DisplayName("fails the reputation total rule, and only it among the reputation and trust rules")
        void caught() {
            List<String> failed = failedRules(Kits.OverLostTotalStore.class, "junit-jupiter");

            assertThat(failed).contains(
                    "8 threads adding to one total at once, from no row at all, lose nothing, and each addition sees its own new total");
            assertThat(failed).doesNotContain(
                    "a total is 0 until added to; an addition creates it at 0 and returns the new total, negative and beyond 32 bits alike",
                    "8 threads adding to two days' activity at once, from no row at all, lose nothing");
        }
    }

    @Nested
    @DisplayName("over a store whose leaderboard and serial-pair pages ignore the id tie-break")
    class OverFirstColumnKeysets {
        @Test
        @DisplayName("fails the leaderboard and serial pair paging rules, not the ordering ones")
        void caught() {
            List<String> failed = failedRules(Kits.OverFirstColumnKeysetStore.class, "junit-jupiter");

            assertThat(failed).contains(
                    "a leaderboard page starts right after its cursor, a stored total or not, and holds at most limit totals",
                    "walking the leaderboard yields every total once, in order, though many tie on points",
                    "walking the serial pairs yields every pair once, in order, starting right after the cursor's pair");
            assertThat(failed).doesNotContain(
                    "the leaderboard lists the community's totals by points, most first, ties by pseudonym id",
                    "serial pairs group the community's SERIAL_VOTE entries by voter and author, with their count and latest time");
        }
    }
}
