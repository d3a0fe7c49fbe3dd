package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.CommunityEvent.AccountRevealed;
import dev.niche.community.event.CommunityEvent.VoteCast;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;
import dev.niche.community.vote.Direction;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The stored JSON form of events")
class EventCodecTest {
    private static final List<Class<?>> TYPES = Arrays.asList(CommunityEvent.class.getPermittedSubclasses());
    private static final Instant AT = Instant.parse("2031-03-01T09:00:00.123456Z");
    private static final CommunityId COMMUNITY = CommunityId.of("0190f1a2-0000-7000-8000-000000000001");
    private static final PostId POST = PostId.of("0190f1a2-0000-7000-8000-000000000002");
    private static final PseudonymId VOTER = PseudonymId.of("0190f1a2-0000-7000-8000-000000000003");

    @Nested
    @DisplayName("Forms")
    class Forms {
        @Test
        @DisplayName("every event type has exactly one form, under a name of its own, at version 1")
        void everyType() {
            List<Class<?>> kinds = EventCodec.FORMS.stream().<Class<?>>map(EventCodec.Form::kind).toList();
            assertThat(kinds).containsExactlyInAnyOrderElementsOf(TYPES);
            assertThat(EventCodec.FORMS).extracting(EventCodec.Form::type).doesNotHaveDuplicates();
            assertThat(EventCodec.FORMS).allSatisfy(form -> {
                assertThat(form.type()).isEqualTo(form.kind().getSimpleName());
                assertThat(form.version()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("a vote is stored as the documented JSON, field by field, with the community and time in the envelope")
        void pinnedForm() {
            EventRecord stored = EventCodec.encode("0190f1a2-0000-7000-8000-00000000000a",
                    new VoteCast(COMMUNITY, POST, VOTER, Direction.DOWN, AT));

            assertThat(stored).isEqualTo(new EventRecord("0190f1a2-0000-7000-8000-00000000000a", "VoteCast", 1, COMMUNITY,
                    AT, "{\"post\":\"" + POST + "\",\"voter\":\"" + VOTER + "\",\"direction\":\"DOWN\"}"));
        }

        @Test
        @DisplayName("a stored form is read back whatever the order of its fields, and ignores none it needs")
        void readsDocumentedForm() {
            EventRecord stored = new EventRecord("0190f1a2-0000-7000-8000-00000000000b", "AccountRevealed", 1, null, AT,
                    "{\"reason\":\"abuse report\",\"pseudonym\":\"" + VOTER + "\"}");

            assertThat(EventCodec.decode(stored)).isEqualTo(new AccountRevealed(VOTER, "abuse report", AT));
            assertThatThrownBy(() -> EventCodec.decode(new EventRecord(stored.id(), "AccountRevealed", 1, null, AT,
                    "{\"pseudonym\":\"" + VOTER + "\"}"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("\"reason\"");
        }

        @Test
        @DisplayName("an unknown type or a newer version is refused with a message naming it")
        void unknownForms() {
            assertThatThrownBy(() -> EventCodec.decode(new EventRecord("0190f1a2-0000-7000-8000-00000000000c", "Teleported",
                    1, null, AT, "{}"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("\"Teleported\"");
            assertThatThrownBy(() -> EventCodec.decode(new EventRecord("0190f1a2-0000-7000-8000-00000000000c", "VoteCast",
                    2, COMMUNITY, AT, "{}"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("version 2");
        }
    }

    @Nested
    @DisplayName("Building an engine")
    class Building {
        @Test
        @DisplayName("a store that keeps no event log is refused at build(), before any command runs")
        void storeWithoutLog() {
            InvocationHandler oldTables = (proxy, method, args) -> {
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException(method.getName());
            };
            StoreTransaction old = (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                    new Class<?>[] {StoreTransaction.class}, oldTables);
            CommunityStore oldStore = new CommunityStore() {
                @Override
                public <T> T read(StoreWork<T> work) {
                    return work.run(old);
                }

                @Override
                public <T> T write(StoreWork<T> work) {
                    return work.run(old);
                }
            };

            assertThatThrownBy(() -> Niche.builder().store(oldStore).build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keeps no event log").hasMessageContaining("StoreTransaction.events()");
        }

        @Test
        @DisplayName("a store that is down at build() cannot be asked, so the engine is built and its commands fail as the store does")
        void storeDown() {
            CommunityStore down = new CommunityStore() {
                @Override
                public <T> T read(StoreWork<T> work) {
                    throw new dev.niche.community.UnavailableException("database is down");
                }

                @Override
                public <T> T write(StoreWork<T> work) {
                    throw new dev.niche.community.UnavailableException("database is down");
                }
            };

            dev.niche.community.CommunityEngine engine = Niche.builder().store(down).build();

            assertThatThrownBy(() -> engine.events().latest()).hasMessageContaining("database is down");
        }
    }

    /** An event of any type, its components drawn by their Java types: reflection belongs to this test, never to the codec. */
    static CommunityEvent anyEvent(Random random) {
        Class<?> type = TYPES.get(random.nextInt(TYPES.size()));
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = anyValue(types[i], random);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return (CommunityEvent) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object anyValue(Class<?> type, Random random) {
        if (type == String.class) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int codePoint = random.nextBoolean() ? 32 + random.nextInt(95) : 0xA0 + random.nextInt(0x1F000);
                if (Character.isSurrogate((char) codePoint) || !Character.isValidCodePoint(codePoint)) {
                    codePoint = '"';
                }
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        }
        if (type == Instant.class) {
            return Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L);
        }
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == int.class) {
            return random.nextInt();
        }
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        if (type == CommunityId.class) {
            return CommunityId.of(id);
        }
        if (type == PseudonymId.class) {
            return PseudonymId.of(id);
        }
        if (type == PostId.class) {
            return PostId.of(id);
        }
        if (type == InviteId.class) {
            return InviteId.of(id);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        throw new IllegalStateException("no values for " + type + "; teach EventCodecTest about it");
    }
}
