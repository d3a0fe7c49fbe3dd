package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;

/**
 * Activity of one member on one UTC day, or a change to add to it.
 *
 * @param community      the community
 * @param account        the member's account
 * @param day            the UTC day, as days since 1970-01-01
 * @param visited        whether the member visited that day; once true it stays true
 * @param postsRead      posts read
 * @param readingSeconds seconds spent reading
 * @param votesGiven     counted up votes given
 * @param votesReceived  counted up votes received
 */
public record ActivityRecord(
        CommunityId community,
        AccountId account,
        long day,
        boolean visited,
        long postsRead,
        long readingSeconds,
        long votesGiven,
        long votesReceived) {}
