package dev.niche.community.spi;

import dev.niche.community.post.PostId;
import java.time.Instant;

/**
 * A position in a community's thread list, which is ordered newest first: by {@code createdAt}
 * descending, then by id descending.
 */
public record ThreadKey(Instant createdAt, PostId id) {}
