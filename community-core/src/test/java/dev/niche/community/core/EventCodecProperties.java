package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.event.CommunityEvent;
import dev.niche.community.spi.EventRecord;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("The stored JSON form of events round-trips")
class EventCodecProperties {

    @Property(tries = 1000)
    @Label("every event of every type reads back equal to what was stored, under its type's name")
    void roundTrip(@ForAll("events") CommunityEvent event) {
        EventRecord stored = EventCodec.encode(UUID.randomUUID().toString(), event);

        assertThat(EventCodec.decode(stored)).isEqualTo(event);
        assertThat(stored.at()).isEqualTo(event.at());
        assertThat(stored.type()).isEqualTo(event.getClass().getSimpleName());
    }

    @Provide
    Arbitrary<CommunityEvent> events() {
        return Arbitraries.randomValue(EventCodecTest::anyEvent);
    }
}
