package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Every community, thread and reply as the engine returns them at the end of the run, read through
 * the public API as any reader would: each community's threads page by page, and each thread's
 * whole reply tree, following every "more replies" stub. The report's figures come from here.
 *
 * @param communities the communities, in the order the story opened them
 */
record Census(List<CommunityCensus> communities) {

    /** One community and everything posted in it. */
    record CommunityCensus(CommunityView community, List<ThreadCensus> threads) {
        CommunityCensus {
            threads = List.copyOf(threads);
        }

        /** Every reply in the community, at every depth. */
        int replyCount() {
            return threads.stream().mapToInt(thread -> thread.replies().size()).sum();
        }
    }

    /** A thread and every reply in it, at every depth. */
    record ThreadCensus(PostView root, List<PostView> replies) {
        ThreadCensus {
            replies = List.copyOf(replies);
        }

        /** When the first reply arrived, if any did. */
        Optional<Instant> firstReply() {
            return replies.stream().map(PostView::createdAt).min(Instant::compareTo);
        }

        /** The root and every reply. */
        Stream<PostView> posts() {
            return Stream.concat(Stream.of(root), replies.stream());
        }
    }

    Census {
        communities = List.copyOf(communities);
    }

    /** Reads every community in {@code ids} back from the engine, as an anonymous reader. */
    static Census take(CommunityEngine engine, List<CommunityId> ids) {
        List<CommunityCensus> communities = new ArrayList<>();
        for (CommunityId id : ids) {
            CommunityView community = engine.communities().get(Viewer.anonymous(), id);
            List<ThreadCensus> threads = new ArrayList<>();
            for (PostView root : allThreads(engine, id)) {
                threads.add(new ThreadCensus(root, allReplies(engine, root)));
            }
            communities.add(new CommunityCensus(community, threads));
        }
        return new Census(communities);
    }

    /** One community by slug. */
    CommunityCensus community(String slug) {
        return communities.stream().filter(c -> c.community().slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no community " + slug + " in the census"));
    }

    /** Every thread of every community. */
    Stream<ThreadCensus> threads() {
        return communities.stream().flatMap(community -> community.threads().stream());
    }

    private static List<PostView> allThreads(CommunityEngine engine, CommunityId community) {
        List<PostView> threads = new ArrayList<>();
        Page<PostView> page = engine.posts().threads(Viewer.anonymous(), community, ThreadOrder.NEW, PageRequest.first(100));
        threads.addAll(page.items());
        while (page.hasNext()) {
            page = engine.posts().threads(Viewer.anonymous(), community, ThreadOrder.NEW,
                    PageRequest.after(Objects.requireNonNull(page.nextCursor()), 100));
            threads.addAll(page.items());
        }
        return threads;
    }

    private static List<PostView> allReplies(CommunityEngine engine, PostView root) {
        ThreadView tree = engine.posts().thread(Viewer.anonymous(), root.id(),
                new TreeRequest(ReplySort.OLD, TreeRequest.MAX_REPLIES, TreeRequest.MAX_DEPTH));
        List<PostView> replies = new ArrayList<>();
        collect(engine, tree.replies(), tree.more(), replies);
        return replies;
    }

    private static void collect(CommunityEngine engine, List<ReplyNode> nodes, @Nullable MoreReplies more,
            List<PostView> into) {
        for (ReplyNode node : nodes) {
            into.add(node.post());
            collect(engine, node.replies(), node.more(), into);
        }
        if (more != null) {
            ReplyPage page = engine.posts().moreReplies(Viewer.anonymous(), more.cursor());
            collect(engine, page.replies(), page.more(), into);
        }
    }
}
