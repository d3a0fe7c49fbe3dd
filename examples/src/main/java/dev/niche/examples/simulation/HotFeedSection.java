package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A member's home feed, HOT and scaled by community size: the threads of every community the
 * member's account joined, so that a small community's good thread is not drowned by a big one's.
 */
final class HotFeedSection implements Section {
    static final int LENGTH = 8;

    private final CommunityEngine engine;
    private final Person reader;
    private final Map<CommunityId, String> slugs;

    /**
     * @param reader whose feed to show; the section names how many communities they joined, never
     *               their pseudonyms, which might link identities the reader keeps apart
     * @param slugs  every community's slug
     */
    HotFeedSection(CommunityEngine engine, Person reader, Map<CommunityId, String> slugs) {
        this.engine = engine;
        this.reader = reader;
        this.slugs = Map.copyOf(slugs);
    }

    @Override
    public String title() {
        return "Hot feed: the home feed of a member of " + Format.count(reader.communityCount(), "community", "communities")
                + " (HOT, scaled by community size)";
    }

    @Override
    public void print(PrintStream out) {
        List<PostView> feed = engine.posts()
                .homeFeed(Viewer.of(reader.account()), HomeFeed.scaled(ThreadOrder.HOT), PageRequest.first(LENGTH))
                .items();
        for (PostView thread : feed) {
            out.printf(Locale.ROOT, "  %5s  %-11s  %-16s %s%n", Format.score(thread.score()),
                    Format.count(thread.threadReplyCount(), "reply", "replies"), slugs.get(thread.community()),
                    Format.cut(thread.title(), 60));
        }
    }
}
