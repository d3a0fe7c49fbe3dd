package dev.niche.community.spi;

/**
 * A recount of a post's counted votes from the vote rows themselves.
 *
 * @param ups   counted up votes
 * @param downs counted down votes
 */
public record VoteTally(int ups, int downs) {}
