package dev.niche.community.spring.web;

import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.NicheException;
import dev.niche.community.RateLimitedException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link NicheException} thrown by any controller with the status of
 * {@link NicheHttpStatus#of} and an RFC 9457 problem detail:
 *
 * <pre>
 * HTTP/1.1 429 Too Many Requests
 * Retry-After: 30
 * Content-Type: application/problem+json
 *
 * {"title":"RATE_LIMITED","status":429,"detail":"...","code":"RATE_LIMITED","retryAfterSeconds":30}
 * </pre>
 *
 * <p>INVALID_INPUT adds {@code violations}, a list of {@code {"field", "message"}}. The detail is the
 * exception's message, which never reveals an account. The advice has the lowest precedence, so an
 * advice of the application's that handles {@code NicheException} (for example to render an error
 * page) wins; {@code niche.web.error-advice=false} removes it.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class NicheExceptionAdvice {

    /** The problem detail of {@code e}, with its status and, for RATE_LIMITED, {@code Retry-After}. */
    @ExceptionHandler(NicheException.class)
    public ResponseEntity<ProblemDetail> handle(NicheException e) {
        HttpStatus status = NicheHttpStatus.of(e.code());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(e.code().name());
        problem.setDetail(e.getMessage());
        problem.setProperty("code", e.code().name());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e instanceof InvalidInputException invalid) {
            List<Map<String, String>> violations = invalid.violations().stream()
                    .map(NicheExceptionAdvice::violation)
                    .toList();
            problem.setProperty("violations", violations);
        } else if (e instanceof RateLimitedException limited) {
            long seconds = NicheHttpStatus.retryAfterSeconds(limited);
            problem.setProperty("retryAfterSeconds", seconds);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(problem);
    }

    private static Map<String, String> violation(FieldViolation violation) {
        return Map.of("field", violation.field(), "message", violation.message());
    }
}
