package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;

/**
 * The kit over the reference store and over each broken store. Their names do not end in
 * {@code Test}, so the build does not run them directly: {@link KitHasTeethTest} runs them
 * through the platform's test kit and judges the results.
 */
final class Kits {
    private Kits() {}

    static class OverReferenceStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new ReferenceStore();
        }
    }

    static class OverLostUpdateStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new LostUpdateStore();
        }
    }

    static class OverDuplicateVoteStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new DuplicateVoteStore();
        }
    }

    static class OverAutocommitStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new AutocommitStore();
        }
    }

    static class OverTieSkippingStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new TieSkippingStore();
        }
    }

    static class OverFrozenRanksStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new FrozenRanksStore();
        }
    }

    static class OverReversedOldStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new ReversedOldStore();
        }
    }

    static class OverLostTotalStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new LostTotalStore();
        }
    }

    static class OverFirstColumnKeysetStore extends StoreCompatibilityKit {
        @Override
        protected CommunityStore newStore() {
            return new FirstColumnKeysetStore();
        }
    }
}
