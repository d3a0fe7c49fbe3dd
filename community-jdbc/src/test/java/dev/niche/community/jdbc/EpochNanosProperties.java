package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Instants kept as epoch nanoseconds")
class EpochNanosProperties {

    @Provide
    Arbitrary<Instant> keepable() {
        return Arbitraries.longs().map(EpochNanos::toInstant);
    }

    @Property
    @Label("round-trip every instant in range exactly")
    void roundTrip(@ForAll("keepable") Instant instant) {
        assertThat(EpochNanos.toInstant(EpochNanos.of(instant))).isEqualTo(instant);
    }

    @Property
    @Label("order as the instants do")
    void order(@ForAll("keepable") Instant a, @ForAll("keepable") Instant b) {
        assertThat(Long.compare(EpochNanos.of(a), EpochNanos.of(b))).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Example
    @Label("span exactly the long range, and refuse an instant beyond either end")
    void range() {
        assertThat(EpochNanos.of(EpochNanos.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(EpochNanos.of(EpochNanos.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> EpochNanos.of(EpochNanos.MIN.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpochNanos.of(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Instant.MAX.toString());
    }
}
