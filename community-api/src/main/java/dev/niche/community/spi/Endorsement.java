package dev.niche.community.spi;

import dev.niche.community.AccountId;

/**
 * How one account endorsed another in a community.
 *
 * @param from    the endorsing account
 * @param to      the endorsed account
 * @param upvotes counted up votes by {@code from} on posts by {@code to} that are not deleted
 * @param replies replies by {@code from}, not deleted, to posts by {@code to} that are not deleted
 */
public record Endorsement(AccountId from, AccountId to, long upvotes, long replies) {}
