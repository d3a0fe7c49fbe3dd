package dev.niche.community.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.niche.community.ConflictException;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.ForbiddenException;
import dev.niche.community.InvalidInputException;
import dev.niche.community.NicheException;
import dev.niche.community.NotFoundException;
import dev.niche.community.RateLimitedException;
import dev.niche.community.UnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@DisplayName("The error mapping")
class NicheExceptionAdviceTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new NicheExceptionAdvice())
            .build();

    @RestController
    static class Failing {
        @GetMapping("/fail/{code}")
        String fail(@PathVariable("code") ErrorCode code) {
            throw exception(code);
        }

        static NicheException exception(ErrorCode code) {
            switch (code) {
                case INVALID_INPUT:
                    return new InvalidInputException(List.of(new FieldViolation("handle", "handle \"Bob!\" is bad")));
                case NOT_FOUND:
                    return new NotFoundException("no such thread");
                case FORBIDDEN:
                    return new ForbiddenException("only moderators may lock");
                case CONFLICT:
                    return new ConflictException("slug \"x\" is taken");
                case RATE_LIMITED:
                    return new RateLimitedException("too many posts", Duration.ofMillis(29_500));
                default:
                    return new UnavailableException("store down");
            }
        }
    }

    @Nested
    @DisplayName("answers each error code")
    class Statuses {

        @ParameterizedTest(name = "{0} with {1}")
        @CsvSource({"INVALID_INPUT,400", "NOT_FOUND,404", "FORBIDDEN,403", "CONFLICT,409", "RATE_LIMITED,429",
                "UNAVAILABLE,503"})
        @DisplayName("with its HTTP status and a problem detail naming the code")
        void answers(ErrorCode code, int expected) throws Exception {
            MockHttpServletResponse response = fail(code);
            assertThat(response.getStatus()).isEqualTo(expected);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("\"code\":\"" + code + "\"");
            assertThat(NicheHttpStatus.of(code).value()).isEqualTo(expected);
        }

        @Test
        @DisplayName("RATE_LIMITED with Retry-After in whole seconds, rounded up")
        void retryAfter() throws Exception {
            MockHttpServletResponse response = fail(ErrorCode.RATE_LIMITED);
            assertThat(response.getHeader("Retry-After")).isEqualTo("30");
            assertThat(response.getContentAsString()).contains("\"retryAfterSeconds\":30");
        }

        @Test
        @DisplayName("INVALID_INPUT with its field violations, and no Retry-After")
        void violations() throws Exception {
            MockHttpServletResponse response = fail(ErrorCode.INVALID_INPUT);
            assertThat(response.getContentAsString()).contains("\"field\":\"handle\"");
            assertThat(response.getHeader("Retry-After")).isNull();
        }

        private MockHttpServletResponse fail(ErrorCode code) throws Exception {
            return mvc.perform(get("/fail/" + code)).andReturn().getResponse();
        }
    }

    @Nested
    @DisplayName("is auto-configured")
    class AutoConfigured {

        private final WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NicheWebAutoConfiguration.class));

        @Test
        @DisplayName("in a servlet web application")
        void servlet() {
            web.run(context -> assertThat(context).hasSingleBean(NicheExceptionAdvice.class));
        }

        @Test
        @DisplayName("not when niche.web.error-advice=false")
        void off() {
            web.withPropertyValues("niche.web.error-advice=false")
                    .run(context -> assertThat(context).doesNotHaveBean(NicheExceptionAdvice.class));
        }

        @Test
        @DisplayName("not outside a web application")
        void notWeb() {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(NicheWebAutoConfiguration.class))
                    .run(context -> assertThat(context).doesNotHaveBean(NicheExceptionAdvice.class));
        }
    }

    @Test
    @DisplayName("rounds a retry-after below a second up to 1")
    void shortWait() {
        assertThat(NicheHttpStatus.retryAfterSeconds(new RateLimitedException("x", Duration.ofMillis(10)))).isEqualTo(1);
        assertThat(NicheHttpStatus.retryAfterSeconds(new RateLimitedException("x", Duration.ofSeconds(60)))).isEqualTo(60);
    }
}
