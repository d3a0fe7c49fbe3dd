package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.jspecify.annotations.Nullable;

/**
 * The storage compatibility kit: every rule a {@link CommunityStore} must keep for the engine to
 * be correct on it. Extend it once in your store's tests and supply a fresh, empty store:
 *
 * <pre>{@code
 * class MyStoreCompatibilityTest extends StoreCompatibilityKit {
 *     @Override
 *     protected CommunityStore newStore() {
 *         return new MyStore(freshSchema());
 *     }
 * }
 * }</pre>
 *
 * <p>That one class runs everything, because both test engines of the JUnit Platform look into
 * the kit's superclass: JUnit Jupiter runs the rule families, which are {@code @Nested} classes
 * declared here, and jqwik runs the properties, which are {@code @Group} classes declared here
 * (both inherited declarations are discovered, as the kit's own build checks). Name the class so
 * that your build runs it (Surefire's default includes end in {@code Test}); community-tck brings
 * JUnit Jupiter, jqwik and AssertJ with it. Override {@link #cleanUp} to drop a schema or close a
 * pool after each rule.
 *
 * <p>What runs:
 * <ul>
 *   <li>the store rules, one {@code @Nested} family per area of the SPI: lookups and updates of
 *       every table, each uniqueness invariant under 8 racing threads, exact counters under
 *       concurrent votes, reputation totals and daily activity exact under concurrent additions,
 *       keyset pages without gaps or repeats while rows are inserted, an event log at dense
 *       positions in commit order under 8 concurrent writers, rolled back with its unit and pruned
 *       oldest first, leaderboards and serial-vote pairs in order, votes and replies between
 *       accounts counted exactly, thread and reply listings in every sort,
 *       rank keys that reorder them at once and roll back, units of work that are all or nothing,
 *       isolated, visible to other threads and never nested, and values at the engine's longest
 *       lengths and in any Unicode;</li>
 *   <li>a model-based property: random sequences of units of work run against your store and a
 *       small reference store, which must answer every lookup alike after every step; a failure
 *       prints the shrunk sequence and the seed;</li>
 *   <li>the engine's own behaviour suite and properties ({@link EngineScenarios},
 *       {@link EngineProperties}, {@link TrustProperties}, {@link PrivacyProperties},
 *       {@link CursorProperties}), built on your store with the real core.</li>
 * </ul>
 * Each rule's display name says what must hold, and its Javadoc starts with what to check when it
 * fails. The rules use real threads and never measure time; a rule that waits over a minute on a
 * store fails as a probable deadlock instead of hanging the build. Like the engine, the rules run
 * a unit of work again when it throws a {@link dev.niche.community.spi.TransientStoreException}.
 */
public abstract class StoreCompatibilityKit {
    private final List<CommunityStore> made = new ArrayList<>();
    private @Nullable CommunityStore store;

    /**
     * A new, empty store, all of whose data is its own. Called once per rule, and once per try of
     * the properties.
     */
    protected abstract CommunityStore newStore();

    /**
     * Releases a store made by {@link #newStore()} once the rule that used it has ended, passed or
     * failed: drop its schema, close its pool. Does nothing by default.
     */
    protected void cleanUp(CommunityStore store) {}

    /** The store of the running rule, made on first use, which may be on any of the rule's threads. */
    final synchronized CommunityStore store() {
        if (store == null) {
            store = freshStore();
        }
        return store;
    }

    /** Another new store, cleaned up with the rule's own. */
    final synchronized CommunityStore freshStore() {
        CommunityStore fresh = newStore();
        made.add(fresh);
        return fresh;
    }

    @AfterEach
    final void cleanUpStores() {
        List<CommunityStore> stores;
        synchronized (this) {
            stores = List.copyOf(made);
            made.clear();
            store = null;
        }
        stores.forEach(this::cleanUp);
    }

    // The rule families. Each one is an abstract class of its own; these inner classes bind it to
    // this kit so that JUnit finds it in any subclass.

    @Nested
    @DisplayName("Pseudonyms: handles unique in any case")
    class Pseudonyms extends PseudonymRules {
        Pseudonyms() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Communities: slugs unique, member counts exact")
    class Communities extends CommunityRules {
        Communities() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Community search: as CommunitySearch defines it")
    class Search extends SearchRules {
        Search() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Memberships: one per account per community")
    class Memberships extends MembershipRules {
        Memberships() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Member pages: keyset order without gaps or repeats")
    class MemberPages extends MemberPageRules {
        MemberPages() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Posts: texts, reply trees and reply counters")
    class Posts extends PostRules {
        Posts() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Thread pages: keyset order without gaps or repeats")
    class ThreadPages extends ThreadPageRules {
        ThreadPages() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Thread listings: every sort in order, ties by id, windows and keyset positions")
    class ThreadListings extends ThreadSortRules {
        ThreadListings() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Reply listings: every sort in order, OLD ascending, keyset positions")
    class ReplyListings extends ReplySortRules {
        ReplyListings() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Rank keys: listings follow every vote at once, roll back with it, and stay true under contention")
    class RankKeys extends RankRules {
        RankKeys() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Votes: one per account per post, recounted exactly")
    class Votes extends VoteRules {
        Votes() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Invites: codes unique, uses within limits")
    class Invites extends InviteRules {
        Invites() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Decision reads and batched reads: the same answers as the calls one by one")
    class Decisions extends DecisionRules {
        Decisions() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Counters: exact under concurrent votes")
    class Counters extends CounterRules {
        Counters() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Reputation: an append-only ledger, exact totals under contention, ordered leaderboards and serial pairs")
    class Reputation extends ReputationRules {
        Reputation() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Trust: activity exact under contention, thread visits, levels, policies, scores and interactions")
    class Trust extends TrustRules {
        Trust() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Units of work: all or nothing, isolated, visible, not nested")
    class UnitsOfWork extends UnitOfWorkRules {
        UnitsOfWork() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Values: longest lengths and any Unicode, exactly")
    class Values extends ValueRules {
        Values() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Event log: dense positions in commit order, in the unit of work, and pruning")
    class EventLog extends EventLogRules {
        EventLog() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Group
    @Label("The model: the store agrees with a reference model after every step")
    class Model extends ModelRules {
        Model() {
            super(StoreCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("The engine, running on this store")
    class Engine extends EngineScenarios {
        @Override
        protected CommunityStore newStore() {
            return StoreCompatibilityKit.this.newStore();
        }

        @Override
        protected void cleanUp(CommunityStore store) {
            StoreCompatibilityKit.this.cleanUp(store);
        }
    }

    @Group
    @Label("The engine's properties, running on this store")
    class EngineLaws extends EngineProperties {
        @Override
        protected CommunityStore newStore() {
            return StoreCompatibilityKit.this.newStore();
        }

        @Override
        protected void cleanUp(CommunityStore store) {
            StoreCompatibilityKit.this.cleanUp(store);
        }
    }

    @Group
    @Label("The engine's reputation laws, running on this store")
    class ReputationLaws extends TrustProperties {
        @Override
        protected CommunityStore newStore() {
            return StoreCompatibilityKit.this.newStore();
        }

        @Override
        protected void cleanUp(CommunityStore store) {
            StoreCompatibilityKit.this.cleanUp(store);
        }
    }

    @Group
    @Label("Pseudonymity's laws, running on this store")
    class PrivacyLaws extends PrivacyProperties {
        @Override
        protected CommunityStore newStore() {
            return StoreCompatibilityKit.this.newStore();
        }

        @Override
        protected void cleanUp(CommunityStore store) {
            StoreCompatibilityKit.this.cleanUp(store);
        }
    }

    @Group
    @Label("Forged cursors, running on this store")
    class CursorLaws extends CursorProperties {
        @Override
        protected CommunityStore newStore() {
            return StoreCompatibilityKit.this.newStore();
        }

        @Override
        protected void cleanUp(CommunityStore store) {
            StoreCompatibilityKit.this.cleanUp(store);
        }
    }
}
