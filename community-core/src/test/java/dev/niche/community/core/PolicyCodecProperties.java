package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.trust.TrustPolicy;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("Trust policy codec properties")
class PolicyCodecProperties {

    @Property(tries = 500)
    @Label("decoding what was encoded gives back an equal policy")
    void roundTrip(@ForAll("policies") TrustPolicy policy) {
        assertThat(PolicyCodec.decode(PolicyCodec.encode(policy))).isEqualTo(policy);
    }

    @Property(tries = 200)
    @Label("encoding is a function of the policy: equal policies give equal text")
    void stable(@ForAll("policies") TrustPolicy policy) {
        TrustPolicy copy = PolicyCodec.decode(PolicyCodec.encode(policy));
        assertThat(PolicyCodec.encode(copy)).isEqualTo(PolicyCodec.encode(policy));
    }

    @Property(tries = 200)
    @Label("text missing any one setting is refused as unreadable")
    void missingSettingRefused(@ForAll("policies") TrustPolicy policy, @ForAll @IntRange(min = 0, max = 1000) int pick) {
        List<String> lines = new ArrayList<>(PolicyCodec.encode(policy).lines().toList());
        int dropped = 1 + pick % (lines.size() - 1);
        String key = lines.remove(dropped).split("=", 2)[0];
        String text = String.join("\n", lines) + "\n";
        assertThatThrownBy(() -> PolicyCodec.decode(text))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read")
                .hasMessageContaining(key);
    }

    @Provide
    Arbitrary<TrustPolicy> policies() {
        return TrustArbitraries.anyPolicy();
    }
}
