package dev.niche.community.membership;

import dev.niche.community.community.CommunityId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Creates an invite code for a community; its moderators may.
 *
 * @param community the community the code admits to
 * @param validFor  how long the code works: 1 minute to 30 days
 * @param maxUses   how many joins it admits: 1 to 1,000
 */
public record CreateInvite(
        @NotNull CommunityId community,
        @NotNull Duration validFor,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") int maxUses) {

    /** The shortest validity accepted. */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);

    /** The longest validity accepted. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);
}
