package dev.niche.community.post;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How far back {@link ThreadSort#TOP} looks, by when threads were started. */
public enum TopWindow {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30)),
    YEAR(Duration.ofDays(365)),
    ALL(null);

    private final @Nullable Duration length;

    TopWindow(@Nullable Duration length) {
        this.length = length;
    }

    /** How far back the window reaches; empty for {@link #ALL}. */
    public Optional<Duration> length() {
        return Optional.ofNullable(length);
    }
}
