package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.post.TopWindow;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.SortKey;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;

/**
 * Reads a thread listing page by page while votes arrive (and threads are started) between the
 * pages, and checks what {@link dev.niche.community.post.Posts#threads} promises of a page sequence:
 * NEW, paged by position, lists every thread that existed when it began exactly once, in order; the
 * vote-ranked orders, paged by exclusion, never list a thread twice nor skip one, and each page
 * holds the best threads, by the keys stored when it is read, that no earlier page listed.
 */
final class PagingSessions {
    private static final int VOTERS = 4;

    /** Which listing is read: one community's, or the viewer's home feed over two, plain or scaled. */
    enum Listing { COMMUNITY, FEED, SCALED_FEED }

    /**
     * What happens between two pages: a voter casts up, down or retracts on a thread, or the
     * owner starts a new thread in one of the communities.
     */
    record Change(int voter, int thread, int kind) {
        static final int RETRACT = 2;
        static final int NEW_THREAD = 3;
    }

    /**
     * One session.
     *
     * @param listing      the listing read
     * @param order        its order
     * @param size         the page size
     * @param threads      how many threads each of the two communities starts with
     * @param betweenPages the changes made after each page, in turn, as long as there are any
     */
    record Session(
            Listing listing, ThreadOrder order, int size, List<Integer> threads, List<List<Change>> betweenPages) {}

    static Arbitrary<Session> sessions() {
        Arbitrary<ThreadOrder> orders = Arbitraries.of(ThreadOrder.HOT, ThreadOrder.NEW, ThreadOrder.CONTROVERSIAL,
                ThreadOrder.top(TopWindow.WEEK), ThreadOrder.top(TopWindow.ALL));
        Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, VOTERS - 1),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 9).map(roll -> roll < 8
                                ? roll % 3 : Change.NEW_THREAD))
                .as(Change::new);
        return Combinators.combine(Arbitraries.of(Listing.class), orders, Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 9).list().ofSize(2),
                        change.list().ofMaxSize(4).list().ofMaxSize(8))
                .as(Session::new);
    }

    private final Sandbox box;
    private final Session session;
    private final Actor owner;
    private final List<Actor> voters = new ArrayList<>();
    private final List<CommunityView> communities = new ArrayList<>();
    private final List<PostView> threads = new ArrayList<>();

    /** Two communities, the second one larger, with the session's threads, and voters in both. */
    PagingSessions(Sandbox box, Session session) {
        this.box = box;
        this.session = session;
        owner = box.person("founder");
        communities.add(box.openCommunity(owner, "first"));
        communities.add(box.openCommunity(owner, "second"));
        for (int v = 0; v < VOTERS; v++) {
            Actor voter = box.member(communities.get(0), owner, "voter-" + v);
            voters.add(box.admit(communities.get(1), owner, voter));
        }
        box.members(communities.get(1), owner, "lurker", 3);
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < session.threads().get(c); t++) {
                startThread(communities.get(c));
            }
        }
    }

    private void startThread(CommunityView community) {
        // Every other thread shares its instant with the one before, so that keys tie.
        if (threads.size() % 2 == 0) {
            box.tick();
        }
        threads.add(box.thread(owner, community));
    }

    private Page<PostView> page(@Nullable String cursor) {
        PageRequest request = new PageRequest(cursor, session.size());
        Viewer reader = voters.get(0).asViewer();
        return switch (session.listing()) {
            case COMMUNITY -> box.engine.posts().threads(reader, communities.get(0).id(), session.order(), request);
            case FEED -> box.engine.posts().homeFeed(reader, HomeFeed.of(session.order()), request);
            case SCALED_FEED -> box.engine.posts().homeFeed(reader, HomeFeed.scaled(session.order()), request);
        };
    }

    /** The communities the listing reads. */
    private Set<CommunityId> listed() {
        return session.listing() == Listing.COMMUNITY
                ? Set.of(communities.get(0).id())
                : communities.stream().map(CommunityView::id).collect(Collectors.toSet());
    }

    private List<PostId> inScope() {
        return threads.stream().filter(thread -> listed().contains(thread.community())).map(PostView::id).toList();
    }

    void play() {
        List<PostId> atStart = inScope();
        // Every page but the last lists a thread, and each change adds at most one.
        int mostPages = atStart.size() + session.betweenPages().stream().mapToInt(List::size).sum() + 1;
        List<PostId> seen = new ArrayList<>();
        Page<PostView> page = page(null);
        for (int n = 0; ; n++) {
            List<PostId> items = page.items().stream().map(PostView::id).toList();
            assertThat(items).as("page %d", n).hasSizeLessThanOrEqualTo(session.size());
            if (session.order().sort() != ThreadSort.NEW) {
                assertThat(items).as("page %d: the best threads not listed before", n).isEqualTo(bestUnlisted(seen));
            }
            seen.addAll(items);
            if (!page.hasNext()) {
                break;
            }
            assertThat(n + 1).as("pages read; the sequence must end").isLessThan(mostPages);
            if (n < session.betweenPages().size()) {
                session.betweenPages().get(n).forEach(this::apply);
            }
            page = page(page.next().orElseThrow());
        }

        assertThat(seen).as("the threads listed").doesNotHaveDuplicates().containsAll(atStart);
        assertThat(inScope()).as("threads of the listing's communities").containsAll(seen);
        if (session.order().sort() == ThreadSort.NEW) {
            assertThat(seen).as("NEW, by position").isSortedAccordingTo(Comparator.comparing(
                    (PostId id) -> SortKey.of(row(id), ThreadSort.NEW), ListingOrder.DESCENDING));
        } else {
            assertThat(seen).as("the vote-ranked listing, by exclusion").hasSameSizeAs(inScope());
        }
    }

    private void apply(Change change) {
        if (change.kind() == Change.NEW_THREAD) {
            startThread(communities.get(change.thread() % 2));
            return;
        }
        if (threads.isEmpty()) {
            return;
        }
        Actor voter = voters.get(change.voter());
        PostId thread = threads.get(change.thread() % threads.size()).id();
        if (change.kind() == Change.RETRACT) {
            box.engine.votes().retract(voter, thread);
        } else {
            box.engine.votes().cast(voter, new CastVote(thread, change.kind() == 0 ? Direction.UP : Direction.DOWN));
        }
    }

    /** The next page as the promise defines it, from the keys stored now. */
    private List<PostId> bestUnlisted(List<PostId> listed) {
        Set<PostId> excluded = new HashSet<>(listed);
        Map<CommunityId, Integer> members = box.store.read(tx -> listed().stream().collect(Collectors.toMap(
                Function.identity(), id -> tx.communities().byId(id).map(CommunityRecord::memberCount).orElseThrow())));
        Comparator<PostRecord> best = Comparator.comparingDouble((PostRecord post) -> value(post, members))
                .thenComparing(PostRecord::id)
                .reversed();
        return inScope().stream()
                .filter(id -> !excluded.contains(id))
                .map(this::row)
                .sorted(best)
                .limit(session.size())
                .map(PostRecord::id)
                .toList();
    }

    /** A thread's value in the listing: its sort value, scaled as {@link HomeFeed} says when asked. */
    private double value(PostRecord post, Map<CommunityId, Integer> members) {
        double value = SortKey.of(post, session.order().sort()).value();
        if (session.listing() != Listing.SCALED_FEED) {
            return value;
        }
        int size = Math.max(Objects.requireNonNull(members.get(post.community()), "every community's member count"), 1);
        return session.order().sort() == ThreadSort.HOT ? value - Math.log10(size) : value / size;
    }

    private PostRecord row(PostId id) {
        return box.store.read(tx -> tx.posts().byId(id).orElseThrow());
    }
}
