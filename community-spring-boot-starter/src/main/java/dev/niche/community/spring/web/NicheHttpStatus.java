package dev.niche.community.spring.web;

import dev.niche.community.ErrorCode;
import dev.niche.community.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each {@link ErrorCode}, for controllers and advices of the host's own:
 *
 * <table>
 *   <caption>Error codes and HTTP statuses</caption>
 *   <tr><th>Code</th><th>Status</th></tr>
 *   <tr><td>INVALID_INPUT</td><td>400 Bad Request</td></tr>
 *   <tr><td>NOT_FOUND</td><td>404 Not Found (a PRIVATE community's content, to outsiders, too)</td></tr>
 *   <tr><td>FORBIDDEN</td><td>403 Forbidden</td></tr>
 *   <tr><td>CONFLICT</td><td>409 Conflict</td></tr>
 *   <tr><td>RATE_LIMITED</td><td>429 Too Many Requests, with {@code Retry-After}: {@link #retryAfterSeconds}</td></tr>
 *   <tr><td>UNAVAILABLE</td><td>503 Service Unavailable</td></tr>
 * </table>
 */
public final class NicheHttpStatus {

    private NicheHttpStatus() {}

    /** The status that answers {@code code}. */
    public static HttpStatus of(ErrorCode code) {
        Objects.requireNonNull(code, "code");
        switch (code) {
            case INVALID_INPUT:
                return HttpStatus.BAD_REQUEST;
            case NOT_FOUND:
                return HttpStatus.NOT_FOUND;
            case FORBIDDEN:
                return HttpStatus.FORBIDDEN;
            case CONFLICT:
                return HttpStatus.CONFLICT;
            case RATE_LIMITED:
                return HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE:
            default:
                return HttpStatus.SERVICE_UNAVAILABLE;
        }
    }

    /**
     * The value of the {@code Retry-After} header for {@code e}: its
     * {@link RateLimitedException#retryAfter()} in whole seconds, rounded up, at least 1.
     */
    public static long retryAfterSeconds(RateLimitedException e) {
        Duration wait = e.retryAfter();
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
