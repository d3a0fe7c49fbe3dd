package dev.niche.community.community;

import dev.niche.community.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates a community; its creator becomes its OWNER.
 *
 * @param slug        3 to 48 characters of {@code a-z}, {@code 0-9} and {@code -}, unique
 * @param title       1 to 100 code points, one line
 * @param description up to 2,000 code points; line feeds and tabs allowed
 * @param tags        up to 10 tags of 1 to 32 characters of {@code a-z}, {@code 0-9} and {@code -}
 * @param rules       up to 20 rules of 1 to 500 code points each, in order
 * @param visibility  who may read it
 * @param joinPolicy  how one becomes a member; a RESTRICTED community cannot be OPEN
 */
public record CreateCommunity(
        @NotNull @Pattern(regexp = "[a-z0-9-]{3,48}", message = "must be 3 to 48 characters of a-z, 0-9 and '-'")
        String slug,
        @NotNull @PlainText(min = 1, max = 100) String title,
        @NotNull @PlainText(max = 2000, multiline = true) String description,
        @NotNull @Size(max = 10, message = "must hold at most 10 tags")
        List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be 1 to 32 characters of a-z, 0-9 and '-'") String> tags,
        @NotNull @Size(max = 20, message = "must hold at most 20 rules")
        List<@NotNull @PlainText(min = 1, max = 500, multiline = true) String> rules,
        @NotNull Visibility visibility,
        @NotNull JoinPolicy joinPolicy) {
    public CreateCommunity {
        // A copy that keeps null elements, so that validation can name them (tags[2]) instead of the
        // constructor throwing NullPointerException before it.
        tags = tags == null ? null : Collections.unmodifiableList(new ArrayList<>(tags));
        rules = rules == null ? null : Collections.unmodifiableList(new ArrayList<>(rules));
    }
}
