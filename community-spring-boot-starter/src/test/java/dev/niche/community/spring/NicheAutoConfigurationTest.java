package dev.niche.community.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.CommunityEngine;
import dev.niche.community.ErrorCode;
import dev.niche.community.NicheException;
import dev.niche.community.Viewer;
import dev.niche.community.core.Niche;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.EventListener;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.inmemory.InMemoryStore;
import dev.niche.community.jdbc.Dialect;
import dev.niche.community.jdbc.JdbcStore;
import dev.niche.community.post.Reply;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.annotation.Order;

@DisplayName("The Niche auto-configuration")
@ExtendWith(OutputCaptureExtension.class)
class NicheAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NicheAutoConfiguration.class));

    private static String h2Url() {
        return "spring.datasource.url=jdbc:h2:mem:niche-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Nested
    @DisplayName("without a DataSource")
    class WithoutDataSource {

        @Test
        @DisplayName("builds an engine on the in-memory store that runs commands, and warns that data is lost on restart")
        void inMemory(CapturedOutput output) {
            runner.run(context -> {
                assertThat(output).contains("WARN", "Niche found no DataSource and keeps its data in memory: it will "
                        + "not survive a restart");
                assertThat(context).hasSingleBean(CommunityEngine.class);
                assertThat(context.getBean(CommunityStore.class)).isInstanceOf(InMemoryStore.class);
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                Story story = Story.tell(engine);
                assertThat(engine.posts().get(Viewer.anonymous(), story.reply.id()).score()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("fails at start-up when niche.store=jdbc, naming the property and what to add")
        void jdbcNeedsDataSource() {
            runner.withPropertyValues("niche.store=jdbc").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(InvalidNichePropertyException.class)
                        .hasMessageContaining("niche.store=jdbc is invalid")
                        .hasMessageContaining("no DataSource bean")
                        .hasMessageContaining("spring.datasource.url");
            });
        }
    }

    @Nested
    @DisplayName("with a DataSource")
    class WithDataSource {

        private final ApplicationContextRunner withH2 = runner
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(h2Url());

        @Test
        @DisplayName("builds the engine on the JDBC store, migrated when niche.jdbc.migrate=true")
        void jdbc() {
            withH2.withPropertyValues("niche.jdbc.migrate=true").run(context -> {
                CommunityStore store = context.getBean(CommunityStore.class);
                assertThat(store).isInstanceOf(JdbcStore.class);
                assertThat(((JdbcStore) store).dialect()).isEqualTo(Dialect.H2);
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                Story story = Story.tell(engine);
                assertThat(engine.communities().get(Viewer.anonymous(), story.community.id()).slug())
                        .isEqualTo("fearful-flyers");
                assertThat(engine.posts().get(Viewer.anonymous(), story.reply.id()).score()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("leaves the schema alone unless asked to migrate")
        void noMigration() {
            withH2.run(context -> {
                assertThat(context.getBean(CommunityStore.class)).isInstanceOf(JdbcStore.class);
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                assertThatThrownBy(() -> Story.tell(engine))
                        .isInstanceOf(NicheException.class)
                        .extracting(e -> ((NicheException) e).code())
                        .isEqualTo(ErrorCode.UNAVAILABLE);
            });
        }

        @Test
        @DisplayName("keeps to memory when niche.store=in-memory, without the warning")
        void inMemoryOnPurpose(CapturedOutput output) {
            withH2.withPropertyValues("niche.store=in-memory").run(context -> {
                assertThat(context.getBean(CommunityStore.class)).isInstanceOf(InMemoryStore.class);
                assertThat(output).doesNotContain("Niche found no DataSource");
            });
        }

        @Test
        @DisplayName("names the database when niche.jdbc.dialect is set")
        void dialect() {
            withH2.withPropertyValues("niche.jdbc.migrate=true", "niche.jdbc.dialect=h2").run(context ->
                    assertThat(((JdbcStore) context.getBean(CommunityStore.class)).dialect()).isEqualTo(Dialect.H2));
        }
    }

    @Nested
    @DisplayName("with the application's beans")
    class UserBeans {

        @Test
        @DisplayName("uses the application's store")
        void store() {
            InMemoryStore mine = new InMemoryStore();
            runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                    .withPropertyValues(h2Url())
                    .withBean(CommunityStore.class, () -> mine)
                    .run(context -> assertThat(context.getBean(CommunityStore.class)).isSameAs(mine));
        }

        @Test
        @DisplayName("uses the application's engine and builds none")
        void engine() {
            CommunityEngine mine = Niche.builder().store(new InMemoryStore()).build();
            runner.withBean(CommunityEngine.class, () -> mine)
                    .run(context -> assertThat(context.getBean(CommunityEngine.class)).isSameAs(mine));
        }

        @Test
        @DisplayName("hands the engine the application's clock and listeners, in @Order")
        void clockAndListeners() {
            Instant now = Instant.parse("2026-03-01T12:00:00Z");
            List<String> calls = new CopyOnWriteArrayList<>();
            List<CommunityEvent> events = new CopyOnWriteArrayList<>();
            runner.withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
                    .withBean("second", EventListener.class, () -> new Second(calls))
                    .withBean("first", EventListener.class, () -> new First(calls, events))
                    .run(context -> {
                        context.getBean(CommunityEngine.class).identities()
                                .register(AccountId.of("a-1"), new RegisterPseudonym("early_bird"));
                        assertThat(events).singleElement()
                                .isInstanceOf(CommunityEvent.PseudonymRegistered.class)
                                .extracting(CommunityEvent::at).isEqualTo(now);
                        assertThat(calls).containsExactly("first", "second");
                    });
        }

        @Test
        @DisplayName("uses the application's trust policy for communities without one")
        void trustPolicy() {
            TrustPolicy defaults = TrustPolicy.defaults();
            Map<Privilege, TrustLevel> privileges = new EnumMap<>(defaults.privileges());
            privileges.put(Privilege.DOWNVOTE, TrustLevel.NEW);
            TrustPolicy lenient = new TrustPolicy(defaults.reputation(), defaults.levels(), privileges,
                    defaults.serialVotes(), defaults.score());
            runner.withBean(TrustPolicy.class, () -> lenient).run(context -> {
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                Story story = Story.tell(engine);
                assertThat(engine.trust().policy(Viewer.anonymous(), story.community.id())).isEqualTo(lenient);
            });
        }
    }

    @Order(1)
    record First(List<String> calls, List<CommunityEvent> events) implements EventListener {
        @Override
        public void on(CommunityEvent event) {
            calls.add("first");
            events.add(event);
        }
    }

    @Order(2)
    record Second(List<String> calls) implements EventListener {
        @Override
        public void on(CommunityEvent event) {
            calls.add("second");
        }
    }

    @Nested
    @DisplayName("with niche.* properties")
    class Properties {

        @Test
        @DisplayName("limits the pseudonyms per account")
        void maxPseudonyms() {
            runner.withPropertyValues("niche.max-pseudonyms-per-account=1").run(context -> {
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                AccountId account = AccountId.of("a-1");
                engine.identities().register(account, new RegisterPseudonym("first_one"));
                assertThatThrownBy(() -> engine.identities().register(account, new RegisterPseudonym("second_one")))
                        .isInstanceOf(NicheException.class);
            });
        }

        @Test
        @DisplayName("limits the reply depth")
        void maxReplyDepth() {
            runner.withPropertyValues("niche.max-reply-depth=1").run(context -> {
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                Story story = Story.tell(engine);
                assertThatThrownBy(() -> engine.posts().reply(story.member, new Reply(story.reply.id(), "deeper")))
                        .isInstanceOf(NicheException.class)
                        .extracting(e -> ((NicheException) e).code())
                        .isEqualTo(ErrorCode.INVALID_INPUT);
            });
        }

        @Test
        @DisplayName("replaces the reserved handles")
        void reservedHandles() {
            runner.withPropertyValues("niche.reserved-handles=brand_team").run(context -> {
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                assertThatThrownBy(() -> engine.identities().register(AccountId.of("a"), new RegisterPseudonym("Brand_Team")))
                        .isInstanceOf(NicheException.class);
                assertThat(engine.identities().register(AccountId.of("b"), new RegisterPseudonym("admin")).handle())
                        .isEqualTo("admin");
            });
        }
    }

    @Nested
    @DisplayName("with bad properties")
    class BadProperties {

        @Test
        @DisplayName("fails at start-up naming the property, its value and the range")
        void outOfRange() {
            runner.withPropertyValues("niche.max-reply-depth=0").run(context -> {
                assertThat(context).hasFailed();
                Throwable failure = context.getStartupFailure();
                assertThat(failure).rootCause()
                        .isInstanceOf(InvalidNichePropertyException.class)
                        .hasMessage("niche.max-reply-depth=0 is invalid: maxReplyDepth 0 must be between 1 and 1000");
                FailureAnalysis analysis = new NichePropertyFailureAnalyzer().analyze(failure);
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("niche.max-reply-depth=0");
                assertThat(analysis.getAction()).contains("niche.max-reply-depth");
            });
        }

        @Test
        @DisplayName("refuses a best confidence of zero and too many pseudonyms")
        void others() {
            runner.withPropertyValues("niche.best-confidence=0").run(context ->
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageStartingWith("niche.best-confidence=0.0 is invalid"));
            runner.withPropertyValues("niche.max-pseudonyms-per-account=101").run(context ->
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("niche.max-pseudonyms-per-account=101")
                            .hasMessageContaining("between 1 and 100"));
            runner.withPropertyValues("niche.max-attempts=11").run(context ->
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("niche.max-attempts=11"));
        }

        @Test
        @DisplayName("refuses an unknown store type, naming the property")
        void unknownStore() {
            runner.withPropertyValues("niche.store=sideways").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasMessageContaining("niche");
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("sideways");
            });
        }
    }
}
