package dev.niche.community.post;

import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post as a reader sees it: a thread root (with a title) or a reply.
 *
 * <p>A deleted post is a tombstone: it keeps its place, so its replies stay in the tree, but its
 * author, title, body and link are gone ({@code deleted} is {@code true}, the texts are empty and
 * {@code author} and {@code link} are {@code null}).
 *
 * @param id           the post's id
 * @param community    its community
 * @param thread       the thread root it belongs to; its own id for a root
 * @param parent       the post it replies to; {@code null} for a root
 * @param depth        0 for a root, 1 for a reply to the root, and so on
 * @param author       who wrote it, or {@code null} for a tombstone
 * @param title        the thread's title; empty for replies and tombstones
 * @param body         the text
 * @param link         a thread's http or https link, or {@code null}
 * @param createdAt    when it was posted
 * @param editedAt     when its author last edited it, or {@code null}
 * @param deleted      whether it is a tombstone
 * @param locked       for a root, whether moderators locked the thread against new replies
 * @param ups          counted up votes
 * @param downs        counted down votes
 * @param score        {@code ups - downs}
 * @param replyCount   how many direct replies it has
 * @param threadReplyCount for a root, how many replies the whole thread has; 0 for replies
 * @param viewerVote   the viewer's own vote on it, or {@code null}
 */
public record PostView(
        PostId id,
        CommunityId community,
        PostId thread,
        @Nullable PostId parent,
        int depth,
        @Nullable PseudonymView author,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant editedAt,
        boolean deleted,
        boolean locked,
        int ups,
        int downs,
        int score,
        int replyCount,
        int threadReplyCount,
        @Nullable Direction viewerVote) {

    /** Whether this post is a thread root. */
    public boolean isThread() {
        return parent == null;
    }
}
