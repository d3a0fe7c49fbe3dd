package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A trust level moves only by its rules. Activities and requirements are drawn from small ranges so
 * that each requirement is met about as often as it is missed, and all-time and recent activity are
 * drawn independently, so that a rule reading the wrong one fails.
 */
@Label("Trust level properties")
class TrustLevelsProperties {

    @Property(tries = 1000)
    @Label("a level moves at most one step per evaluation")
    void oneStep(@ForAll TrustLevel current, @ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        TrustLevel next = TrustLevels.next(current, allTime, recent, rules);
        assertThat(Math.abs(next.number() - current.number())).isLessThanOrEqualTo(1);
    }

    @Property(tries = 1000)
    @Label("level 4 is never earned, and a granted level 4 stays")
    void leader(@ForAll TrustLevel current, @ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        TrustLevel next = TrustLevels.next(current, allTime, recent, rules);
        if (current == TrustLevel.LEADER) {
            assertThat(next).isEqualTo(TrustLevel.LEADER);
        } else {
            assertThat(next).isNotEqualTo(TrustLevel.LEADER);
        }
    }

    @Property(tries = 1000)
    @Label("level 0 rises to 1 exactly when all activity meets level 1's requirements")
    void newToBasic(@ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        assertThat(TrustLevels.next(TrustLevel.NEW, allTime, recent, rules))
                .isEqualTo(allTime.meets(rules.basic()) ? TrustLevel.BASIC : TrustLevel.NEW);
    }

    @Property(tries = 1000)
    @Label("level 1 rises to 2 exactly when all activity meets level 2's requirements, and is never lost")
    void basicToMember(@ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        assertThat(TrustLevels.next(TrustLevel.BASIC, allTime, recent, rules))
                .isEqualTo(allTime.meets(rules.member()) ? TrustLevel.MEMBER : TrustLevel.BASIC);
    }

    @Property(tries = 1000)
    @Label("level 2 rises to 3 exactly when recent activity meets level 3's requirements, and is never lost")
    void memberToRegular(@ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        assertThat(TrustLevels.next(TrustLevel.MEMBER, allTime, recent, rules))
                .isEqualTo(recent.meets(rules.regular()) ? TrustLevel.REGULAR : TrustLevel.MEMBER);
    }

    @Property(tries = 1000)
    @Label("level 3 is kept exactly while recent activity reaches the keep share, else falls to 2")
    void regularKept(@ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        assertThat(TrustLevels.next(TrustLevel.REGULAR, allTime, recent, rules))
                .isEqualTo(recent.meets(rules.regular(), rules.regularKeep()) ? TrustLevel.REGULAR : TrustLevel.MEMBER);
    }

    @Property(tries = 1000)
    @Label("levels 1 and 2 are never taken away")
    void neverDemotedBelowMember(@ForAll TrustLevel current, @ForAll("activity") Activity allTime,
            @ForAll("activity") Activity recent, @ForAll("levels") TrustPolicy.Levels rules) {
        TrustLevel next = TrustLevels.next(current, allTime, recent, rules);
        if (current != TrustLevel.REGULAR) {
            assertThat(next.atLeast(current)).isTrue();
        }
    }

    @Property(tries = 1000)
    @Label("with unchanged activity, a member just promoted to level 3 keeps it at the next evaluation")
    void noFlapping(@ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        if (TrustLevels.next(TrustLevel.MEMBER, allTime, recent, rules) == TrustLevel.REGULAR) {
            assertThat(TrustLevels.next(TrustLevel.REGULAR, allTime, recent, rules)).isEqualTo(TrustLevel.REGULAR);
        }
    }

    @Property(tries = 500)
    @Label("with unchanged activity, evaluating again settles within three evaluations")
    void settles(@ForAll TrustLevel start, @ForAll("activity") Activity allTime, @ForAll("activity") Activity recent,
            @ForAll("levels") TrustPolicy.Levels rules) {
        TrustLevel level = start;
        for (int i = 0; i < 3; i++) {
            level = TrustLevels.next(level, allTime, recent, rules);
        }
        assertThat(TrustLevels.next(level, allTime, recent, rules)).isEqualTo(level);
    }

    @Provide
    Arbitrary<Activity> activity() {
        return TrustArbitraries.smallActivity(3);
    }

    @Provide
    Arbitrary<TrustPolicy.Levels> levels() {
        return TrustArbitraries.levels(TrustArbitraries.smallActivity(2));
    }
}
