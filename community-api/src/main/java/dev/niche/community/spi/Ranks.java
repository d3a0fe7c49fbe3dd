package dev.niche.community.spi;

/**
 * A post's rank keys, computed by the engine and stored, and indexed, by the store. They change
 * only when a vote arrives, through {@link PostTable#setRanks}; none depends on the current time.
 *
 * @param hot         the hot key, for {@link dev.niche.community.post.ThreadSort#HOT}
 * @param best        the Wilson lower bound, for {@link dev.niche.community.post.ReplySort#BEST}
 * @param controversy the controversy key, for both CONTROVERSIAL sorts
 */
public record Ranks(double hot, double best, double controversy) {}
