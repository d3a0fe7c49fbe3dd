package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored post: a thread root ({@code parent} null, {@code thread} equal to {@code id}) or a reply.
 *
 * @param id            its id
 * @param community     its community
 * @param thread        its thread root
 * @param parent        the post it replies to, or null for a root
 * @param depth         0 for a root, the parent's depth plus one for a reply
 * @param author        the author's pseudonym
 * @param authorAccount the author's account, so that one account's votes on its own posts can be
 *                      told apart; never shown
 * @param title         a root's title; empty for a reply or a tombstone
 * @param body          the text; empty for a tombstone
 * @param link          a root's link, or null
 * @param createdAt     when it was posted
 * @param editedAt      when it was last edited, or null
 * @param deleted       whether it is a tombstone
 * @param locked        whether a root is locked against new replies
 * @param counters      its counters
 * @param ranks         its rank keys
 */
public record PostRecord(
        PostId id,
        CommunityId community,
        PostId thread,
        @Nullable PostId parent,
        int depth,
        PseudonymId author,
        AccountId authorAccount,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant editedAt,
        boolean deleted,
        boolean locked,
        PostCounters counters,
        Ranks ranks) {

    /** Whether this is a thread root. */
    public boolean isRoot() {
        return parent == null;
    }

    /** This post with new texts, edited at {@code at}. */
    public PostRecord withText(String newTitle, String newBody, @Nullable String newLink, Instant at) {
        return new PostRecord(id, community, thread, parent, depth, author, authorAccount,
                newTitle, newBody, newLink, createdAt, at, deleted, locked, counters, ranks);
    }

    /** This post as a tombstone: texts cleared. */
    public PostRecord asTombstone() {
        return new PostRecord(id, community, thread, parent, depth, author, authorAccount,
                "", "", null, createdAt, editedAt, true, locked, counters, ranks);
    }

    /** This post locked or unlocked. */
    public PostRecord withLocked(boolean newLocked) {
        return new PostRecord(id, community, thread, parent, depth, author, authorAccount,
                title, body, link, createdAt, editedAt, deleted, newLocked, counters, ranks);
    }

    /** This post with other rank keys. */
    public PostRecord withRanks(Ranks newRanks) {
        return new PostRecord(id, community, thread, parent, depth, author, authorAccount,
                title, body, link, createdAt, editedAt, deleted, locked, counters, newRanks);
    }

    /** This post with other counters. */
    public PostRecord withCounters(PostCounters newCounters) {
        return new PostRecord(id, community, thread, parent, depth, author, authorAccount,
                title, body, link, createdAt, editedAt, deleted, locked, newCounters, ranks);
    }
}
