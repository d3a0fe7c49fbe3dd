package dev.niche.community.tck;

import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.StoreWork;
import java.util.HashMap;
import java.util.Map;

/**
 * Broken on purpose: vote counters are written behind. A unit of work computes the new counters
 * from what it read and, after it commits, writes them as absolute values, so that an addition
 * committed in between is overwritten and lost, as with a read-modify-write in application code.
 */
final class LostUpdateStore implements CommunityStore {
    private final ReferenceStore inner = new ReferenceStore();

    @Override
    public <T> T read(StoreWork<T> work) {
        return inner.read(work);
    }

    @Override
    public <T> T write(StoreWork<T> work) {
        Map<PostId, PostCounters> computed = new HashMap<>();
        T result = inner.write(tx -> work.run(Intercepted.transaction(tx, PostTable.class, "addVotes", (posts, args) -> {
            PostId post = (PostId) args[0];
            PostCounters was = computed.getOrDefault(post, posts.byId(post).orElseThrow(
                    () -> new IllegalStateException("post " + post + " does not exist")).counters());
            PostCounters now = new PostCounters(was.ups() + (int) args[1], was.downs() + (int) args[2],
                    was.replyCount(), was.threadReplyCount());
            computed.put(post, now);
            return now;
        })));
        Thread.yield();
        computed.forEach((post, target) -> inner.write(tx -> {
            PostCounters current = tx.posts().byId(post).orElseThrow().counters();
            return tx.posts().addVotes(post, target.ups() - current.ups(), target.downs() - current.downs());
        }));
        return result;
    }
}
