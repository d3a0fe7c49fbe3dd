package dev.niche.community.core;

import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;

/**
 * The rules that move an earned trust level, as pure code. A member rises one level per evaluation
 * when it meets the next level's requirements: levels 1 and 2 on all its activity, level 3 on its
 * activity within the window. Level 3 is kept while the member reaches the policy's share of each
 * requirement and falls back to 2 otherwise. Levels 1 and 2 are never taken away, and level 4 is never
 * earned.
 */
final class TrustLevels {
    private TrustLevels() {}

    /**
     * The level after one evaluation.
     *
     * @param current the member's earned level; {@link TrustLevel#LEADER} stays as it is
     * @param allTime all the member's recorded activity
     * @param recent  the member's activity within the level 3 window
     */
    static TrustLevel next(TrustLevel current, Activity allTime, Activity recent, TrustPolicy.Levels rules) {
        return switch (current) {
            case NEW -> allTime.meets(rules.basic()) ? TrustLevel.BASIC : current;
            case BASIC -> allTime.meets(rules.member()) ? TrustLevel.MEMBER : current;
            case MEMBER -> recent.meets(rules.regular()) ? TrustLevel.REGULAR : current;
            case REGULAR -> recent.meets(rules.regular(), rules.regularKeep()) ? current : TrustLevel.MEMBER;
            case LEADER -> current;
        };
    }
}
