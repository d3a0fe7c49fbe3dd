package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

@Label("Plain text properties")
class PlainTextProperties {

    @Property(tries = 300)
    @Label("normalising twice changes nothing more")
    void idempotent(@ForAll String text) {
        String once = PlainTextRules.normalize(text);
        assertThat(PlainTextRules.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 300)
    @Label("what passes the rules is at most as long as allowed, in code points")
    void lengthHolds(@ForAll String text) {
        if (PlainTextRules.problem(text, 0, 20, true) == null) {
            String stored = PlainTextRules.normalize(text);
            assertThat(stored.codePointCount(0, stored.length())).isLessThanOrEqualTo(20);
        }
    }
}
