package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.trust.Activity;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Activity requirement properties")
class ActivityProperties {

    @Property(tries = 500)
    @Label("meeting requirements in full is meeting them at share 1")
    void fullShare(@ForAll("small") Activity activity, @ForAll("small") Activity required) {
        assertThat(activity.meets(required)).isEqualTo(activity.meets(required, 1.0));
    }

    @Property(tries = 500)
    @Label("what meets a share meets every smaller share")
    void smallerShare(@ForAll("small") Activity activity, @ForAll("small") Activity required,
            @ForAll("shares") double share, @ForAll("shares") double other) {
        double larger = Math.max(share, other);
        double smaller = Math.min(share, other);
        if (activity.meets(required, larger)) {
            assertThat(activity.meets(required, smaller)).isTrue();
        }
    }

    @Property(tries = 500)
    @Label("activity meets itself at every share, and more activity still meets")
    void moreStillMeets(@ForAll("small") Activity activity, @ForAll("small") Activity extra, @ForAll("shares") double share) {
        Activity more = new Activity(activity.daysVisited() + extra.daysVisited(),
                activity.threadsEntered() + extra.threadsEntered(), activity.postsRead() + extra.postsRead(),
                activity.readingTime().plus(extra.readingTime()), activity.votesGiven() + extra.votesGiven(),
                activity.votesReceived() + extra.votesReceived(), activity.threadsRepliedTo() + extra.threadsRepliedTo());
        assertThat(activity.meets(activity, share)).isTrue();
        assertThat(more.meets(activity, share)).isTrue();
    }

    @Property(tries = 300)
    @Label("every activity meets no requirements")
    void nothingRequired(@ForAll("any") Activity activity, @ForAll("shares") double share) {
        assertThat(activity.meets(Activity.NONE, share)).isTrue();
    }

    @Provide
    Arbitrary<Activity> small() {
        return TrustArbitraries.smallActivity(12);
    }

    @Provide
    Arbitrary<Activity> any() {
        return TrustArbitraries.anyActivity();
    }

    @Provide
    Arbitrary<Double> shares() {
        return TrustArbitraries.keepShare();
    }
}
