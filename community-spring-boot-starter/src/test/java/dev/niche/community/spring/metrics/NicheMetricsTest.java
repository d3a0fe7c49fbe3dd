package dev.niche.community.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.CommunityEngine;
import dev.niche.community.NotFoundException;
import dev.niche.community.Viewer;
import dev.niche.community.post.PostId;
import dev.niche.community.spring.NicheAutoConfiguration;
import dev.niche.community.spring.Story;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The engine's metrics")
class NicheMetricsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NicheAutoConfiguration.class, NicheMetricsAutoConfiguration.class));

    @Nested
    @DisplayName("with a MeterRegistry")
    class WithRegistry {

        private final ApplicationContextRunner metered = runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

        @Test
        @DisplayName("time each command, tagged with its outcome")
        void timer() {
            metered.run(context -> {
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                Story.tell(engine);
                Timer cast = registry.get(NicheMeters.COMMAND_TIMER)
                        .tags("command", "votes.cast", "outcome", "SUCCESS", "error", "none").timer();
                assertThat(cast.count()).isEqualTo(1);
                assertThat(registry.get(NicheMeters.COMMAND_TIMER)
                        .tags("command", "identities.register").timer().count()).isEqualTo(2);
            });
        }

        @Test
        @DisplayName("tag a failed command with its error code and let the exception through")
        void errorCode() {
            metered.run(context -> {
                CommunityEngine engine = context.getBean(CommunityEngine.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                PostId missing = PostId.of(java.util.UUID.randomUUID().toString());
                assertThatThrownBy(() -> engine.posts().get(Viewer.anonymous(), missing))
                        .isInstanceOf(NotFoundException.class);
                assertThat(registry.get(NicheMeters.COMMAND_TIMER)
                        .tags("command", "posts.get", "outcome", "ERROR", "error", "NOT_FOUND").timer().count())
                        .isEqualTo(1);
            });
        }

        @Test
        @DisplayName("count votes, posts and joins")
        void counters() {
            metered.run(context -> {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get(NicheMeters.VOTES).tag("direction", "up").counter().count()).isZero();
                Story.tell(context.getBean(CommunityEngine.class));
                assertThat(registry.get(NicheMeters.VOTES).tag("direction", "up").counter().count()).isEqualTo(1);
                assertThat(registry.get(NicheMeters.POSTS).tag("kind", "thread").counter().count()).isEqualTo(1);
                assertThat(registry.get(NicheMeters.POSTS).tag("kind", "reply").counter().count()).isEqualTo(1);
                assertThat(registry.get(NicheMeters.JOINS).tag("state", "active").counter().count()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("tag no meter with an id, a handle or an account")
        void noPrivateTags() {
            metered.run(context -> {
                Story.tell(context.getBean(CommunityEngine.class));
                String all = context.getBean(MeterRegistry.class).getMeters().toString()
                        + context.getBean(MeterRegistry.class).getMeters().stream()
                                .map(m -> m.getId().getTags().toString()).toList();
                assertThat(all).doesNotContain("account-", "calm_pilot", "white-knuckles", "fearful-flyers");
            });
        }
    }

    @Test
    @DisplayName("work with Boot's own registry")
    void bootRegistry() {
        runner.withConfiguration(AutoConfigurations.of(
                        MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(NicheMeters.class);
                    Story.tell(context.getBean(CommunityEngine.class));
                    assertThat(context.getBean(MeterRegistry.class).get(NicheMeters.POSTS).counters()).hasSize(2);
                });
    }

    @Test
    @DisplayName("stay off without a MeterRegistry")
    void withoutRegistry() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(NicheMeters.class);
            assertThat(context.getBean(CommunityEngine.class).getClass().getSimpleName()).isEqualTo("Engine");
        });
    }
}
