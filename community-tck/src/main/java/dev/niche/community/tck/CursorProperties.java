package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.NicheException;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.MoreReplies;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.TopWindow;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.Standing;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Cursors as a hostile client sends them back, as a jqwik property run on the store under test:
 * real cursors of every listing (threads in every order and window, the home feed, members, discovery,
 * more replies, the leaderboard) are changed (bits flipped, fields swapped, dropped, added or set to
 * values at and past every bound, payloads cut or stretched, cursors of other listings) and sealed with
 * a valid checksum, as any client can. Each must give a page or INVALID_INPUT on {@code cursor} (NOT_FOUND
 * for more replies whose parent the viewer cannot read), never another exception, and the same outcome
 * as on the kit's reference store. Each try starts from a fresh store.
 *
 * <p>If it fails, check that the store answers any position the engine passes it (a time, a sort value
 * or an id that names nothing), and that the engine checks every decoded value before it reaches the
 * store.
 */
public abstract class CursorProperties {
    /** A new, empty store, all of whose data is its own. Called once per try. */
    protected abstract CommunityStore newStore();

    /** Releases a store made by {@link #newStore()} once its try has ended. Does nothing by default. */
    protected void cleanUp(CommunityStore store) {}

    /** How a cursor is changed before it is sent back. */
    enum Change { NONE, RAW_FLIP, FLIP, SET, SWAP, DROP, ADD, FOREIGN, CUT, STRETCH, REPEAT }

    /**
     * One forged cursor: which listing's real cursor, changed how; {@code field}, {@code other},
     * {@code value} and {@code bit} pick what the change touches, modulo what there is.
     */
    record Forgery(Change change, int listing, int field, int other, int value, int bit) {}

    @Provide
    Arbitrary<List<Forgery>> forgeries() {
        Arbitrary<Change> changes = Arbitraries.frequency(Tuple.of(1, Change.NONE), Tuple.of(1, Change.RAW_FLIP),
                Tuple.of(2, Change.FLIP), Tuple.of(8, Change.SET), Tuple.of(2, Change.SWAP), Tuple.of(1, Change.DROP),
                Tuple.of(1, Change.ADD), Tuple.of(2, Change.FOREIGN), Tuple.of(1, Change.CUT), Tuple.of(2, Change.STRETCH),
                Tuple.of(1, Change.REPEAT));
        return Combinators.combine(changes, Arbitraries.integers().between(0, LISTINGS.size() - 1),
                        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 100_000))
                .as(Forgery::new).list().ofMinSize(8).ofMaxSize(16);
    }

    @Property(tries = 12)
    @Label("a cursor changed in any way and sealed again is a page or INVALID_INPUT, as on the reference store, never another failure")
    void forgedCursorsArePagesOrRefused(@ForAll("forgeries") List<Forgery> forgeries) {
        try (Sandbox box = new Sandbox(this::newStore, this::cleanUp);
                Sandbox reference = new Sandbox(ReferenceStore::new, store -> {})) {
            World world = new World(box);
            World model = new World(reference);
            List<String> real = world.realCursors();
            assertThat(real).as("the cursors each listing gives out, on this store and on the reference store")
                    .isEqualTo(model.realCursors());
            Values pool = values(real, world);
            for (Forgery forgery : forgeries) {
                String forged = forge(forgery, real, pool);
                Listing listing = LISTINGS.get(forgery.listing());
                String seen = world.outcome(listing, forged, forgery);
                assertThat(seen).as("%s after %s, on this store and on the reference store", listing.name(), forgery)
                        .isEqualTo(model.outcome(listing, forged, forgery));
                switch (forgery.change()) {
                    case NONE -> assertThat(seen).as("%s, its own cursor", listing.name()).startsWith("page");
                    case RAW_FLIP -> assertThat(seen).as("%s, a bit flipped without a new checksum", listing.name())
                            .isEqualTo(REFUSED);
                    case FOREIGN -> {
                        Listing other = LISTINGS.get(forgery.other() % LISTINGS.size());
                        if (other != listing && !(other.replies() && listing.replies())) {
                            assertThat(seen).as("%s, a cursor of %s", listing.name(), other.name()).isEqualTo(REFUSED);
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    private static final String REFUSED = "INVALID_INPUT [cursor]";
    /** The most threads a vote-ranked page sequence lists, as Posts.threads documents. */
    private static final int MOST_LISTED = 1000;

    /**
     * Numbers at and past every bound a numeric field may hold: sort values (finite, not, signed
     * zeros, extremes, microseconds past 2262), epoch seconds and nanoseconds (years 1, 1677, 2262,
     * 3000), points, counts and limits.
     */
    private static final List<String> NUMBERS = List.of("0", "-0.0", "0.0", "-0", "NaN", "Infinity", "-Infinity",
            "1.7976931348623157E308", "-1.7976931348623157E308", "4.9E-324", "-4.9E-324", "1e309", "9.2233720368547758E18",
            "-9.2233720368547758E18", "9.2233720368547758E15", "1.0E19", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "2147483647", "-2147483648", "2147483648", "-1", "1", "2", "999999999", "1000000000",
            "-1000000000", "32503680000", "-62135596800", "9223372036", "9223372037", "-9223372036", "-9223372037",
            "9223372035", "-9223372035", "100", "101", "64", "65", "1000", "1001", "01", "+1", "1.5", "0x10", " 1");

    /** Other texts: ids that name nothing or are no ids, names of sorts and states, odd characters. */
    private static final List<String> TEXTS = List.of("", "00000000-0000-7000-8000-000000000000",
            "ffffffff-ffff-7fff-bfff-ffffffffffff", "not-an-id", "HOT", "NEW", "TOP", "BEST", "OLD", "CONTROVERSIAL",
            "ACTIVE", "LEFT", "BANNED", "PENDING", "hot", "k1", "x1", "m2", "r1", "c2", "l1", "\u0000", "é", "a~b",
            "a".repeat(300), "AGORA-ONE", "agora-one ", "zzzz", "0");

    /** What a field may be set to: numbers for a numeric field, else texts and every field of every real cursor. */
    private record Values(List<String> numbers, List<String> texts) {
        String pick(String current, int index) {
            List<String> pool = numeric(current) && index % 5 != 0 ? numbers : texts;
            return pool.get(index % pool.size());
        }

        private static boolean numeric(String text) {
            try {
                Double.parseDouble(text);
                return true;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
    }

    private static Values values(List<String> real, World world) {
        Set<String> texts = new LinkedHashSet<>(TEXTS);
        for (String cursor : real) {
            texts.addAll(CursorForge.open(cursor).header());
        }
        texts.add(world.other.id().value());
        return new Values(NUMBERS, List.copyOf(texts));
    }

    private static String forge(Forgery f, List<String> real, Values pool) {
        String cursor = real.get(f.listing());
        CursorForge.Parts parts = CursorForge.open(cursor);
        List<String> header = new ArrayList<>(parts.header());
        byte[] payload = parts.payload();
        // The kind of cursor (field 0) is changed less often than its values.
        int field = f.field() % 3 == 0 ? f.field() % header.size() : 1 + f.field() % (header.size() - 1);
        String value = pool.pick(header.get(field), f.value());
        switch (f.change()) {
            case NONE -> {
                return cursor;
            }
            case RAW_FLIP -> {
                byte[] bytes = Base64.getUrlDecoder().decode(cursor);
                int bit = f.bit() % (bytes.length * 8);
                bytes[bit / 8] ^= (byte) (1 << (bit % 8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            case FLIP -> {
                byte[] body = CursorForge.body(cursor);
                int bit = f.bit() % (body.length * 8);
                body[bit / 8] ^= (byte) (1 << (bit % 8));
                return CursorForge.seal(body);
            }
            case SET -> header.set(field, value);
            case SWAP -> {
                int other = f.other() % header.size();
                String kept = header.get(field);
                header.set(field, header.get(other));
                header.set(other, kept);
            }
            case DROP -> header.remove(field);
            case ADD -> header.add(field, value);
            case FOREIGN -> {
                return real.get(f.other() % real.size());
            }
            case CUT -> payload = Arrays.copyOf(payload, payload.length == 0 ? 0 : f.bit() % payload.length);
            case STRETCH -> {
                // Some fingerprints, or more than any sequence lists; now and then a byte too many.
                int count = f.value() % 4 == 0 ? MOST_LISTED + 1 : f.other();
                ByteBuffer more = ByteBuffer.allocate(payload.length + count * Long.BYTES + f.bit() % 2);
                more.put(payload);
                for (int i = 0; i < count; i++) {
                    more.putLong((long) f.bit() * 0x9E3779B97F4A7C15L + i);
                }
                payload = more.array();
            }
            case REPEAT -> {
                byte[] twice = Arrays.copyOf(payload, payload.length * 2);
                System.arraycopy(payload, 0, twice, payload.length, payload.length);
                payload = twice;
            }
        }
        return CursorForge.seal(header, payload);
    }

    /** A listing: how to read a page of it in a world, after a cursor or from the start. */
    private record Listing(String name, boolean replies, BiFunction<World, @Nullable String, String> read) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static PageRequest page(@Nullable String cursor) {
        return cursor == null ? PageRequest.first(1) : PageRequest.after(cursor, 2);
    }

    private static Listing threads(String name, ThreadOrder order) {
        return new Listing(name, false, (w, c) -> posts(w.box.engine.posts().threads(Viewer.anonymous(), w.agora.id(),
                order, page(c))));
    }

    private static Listing feed(String name, HomeFeed feed) {
        return new Listing(name, false, (w, c) -> posts(w.box.engine.posts().homeFeed(w.owner.asViewer(), feed, page(c))));
    }

    private static Listing members(String name, MemberState state) {
        return new Listing(name, false, (w, c) -> {
            Page<MembershipView> p = w.box.engine.memberships().members(w.owner.asViewer(), w.agora.id(), state, page(c));
            return show(p, p.items().stream().map(m -> m.member().id() + "@" + m.since()).toList());
        });
    }

    private static Listing discovery(String name, DiscoveryQuery query) {
        return new Listing(name, false, (w, c) -> {
            Page<CommunityView> p = w.box.engine.communities().discover(Viewer.anonymous(), query, page(c));
            return show(p, p.items().stream().map(CommunityView::slug).toList());
        });
    }

    private static Listing replies(String name, ReplySort sort) {
        return new Listing(name, true, (w, c) -> {
            String cursor = c != null ? c : Objects.requireNonNull(w.box.engine.posts().thread(Viewer.anonymous(),
                    w.discussed.id(), new TreeRequest(sort, 1, 3)).more(), "a stub").cursor();
            ReplyPage p = w.box.engine.posts().moreReplies(Viewer.anonymous(), cursor);
            List<String> shown = new ArrayList<>();
            p.replies().forEach(node -> nodes(node, shown));
            MoreReplies more = p.more();
            return "page " + shown + (more == null ? "" : " next " + more.cursor());
        });
    }

    private static void nodes(ReplyNode node, List<String> shown) {
        MoreReplies more = node.more();
        shown.add(node.post().id() + (more == null ? "" : "+" + more.count()));
        node.replies().forEach(child -> nodes(child, shown));
    }

    private static final List<Listing> LISTINGS = List.of(
            threads("HOT threads", ThreadOrder.HOT),
            threads("NEW threads", ThreadOrder.NEW),
            threads("TOP threads of the day", ThreadOrder.top(TopWindow.DAY)),
            threads("TOP threads of all time", ThreadOrder.top(TopWindow.ALL)),
            threads("CONTROVERSIAL threads", ThreadOrder.CONTROVERSIAL),
            feed("HOT home feed", HomeFeed.of(ThreadOrder.HOT)),
            feed("NEW home feed", HomeFeed.of(ThreadOrder.NEW)),
            feed("scaled HOT home feed", HomeFeed.scaled(ThreadOrder.HOT)),
            members("active members", MemberState.ACTIVE),
            members("members who left", MemberState.LEFT),
            discovery("every community", DiscoveryQuery.everything()),
            discovery("communities about agora", DiscoveryQuery.byText("agora")),
            replies("more BEST replies", ReplySort.BEST),
            replies("more OLD replies", ReplySort.OLD),
            new Listing("leaderboard", false, (w, c) -> {
                Page<Standing> p = w.box.engine.trust().leaderboard(Viewer.anonymous(), w.agora.id(), page(c));
                return show(p, p.items().stream().map(s -> s.member().id() + "=" + s.reputation()).toList());
            }));

    private static String posts(Page<PostView> p) {
        return show(p, p.items().stream().map(post -> post.id() + "=" + post.score()).toList());
    }

    private static String show(Page<?> p, List<String> items) {
        return "page " + items + p.next().map(next -> " next " + next).orElse("");
    }

    /**
     * Three communities, the first with six threads voted into different orders, a thread with
     * replies in two levels, members who left, and reputations; the same on every store, ids included.
     */
    private static final class World {
        final Sandbox box;
        final Actor owner;
        final CommunityView agora;
        final CommunityView other;
        final PostView discussed;

        World(Sandbox box) {
            this.box = box;
            owner = box.person("founder");
            agora = box.openCommunity(owner, "agora-one");
            other = box.openCommunity(owner, "agora-two");
            box.openCommunity(owner, "bazaar");
            List<Actor> members = box.members(agora, owner, "member", 5);
            box.admit(other, owner, members.get(0));
            List<PostView> threads = new ArrayList<>();
            for (Actor member : members) {
                box.tick();
                threads.add(box.thread(member, agora));
            }
            box.thread(owner, agora);
            box.thread(members.get(0), other);
            box.thread(owner, other);
            vote(members.get(0), threads.get(1), Direction.UP);
            vote(members.get(2), threads.get(1), Direction.UP);
            vote(members.get(0), threads.get(2), Direction.DOWN);
            vote(members.get(3), threads.get(2), Direction.UP);
            vote(members.get(1), threads.get(3), Direction.UP);
            discussed = threads.get(0);
            PostView first = box.reply(members.get(1), discussed);
            box.reply(members.get(2), discussed);
            box.reply(members.get(3), discussed);
            box.reply(members.get(4), first);
            box.reply(owner, first);
            vote(members.get(0), first, Direction.UP);
            box.engine.memberships().leave(members.get(3), agora.id());
            box.engine.memberships().leave(members.get(4), agora.id());
        }

        private void vote(Actor voter, PostView post, Direction direction) {
            box.engine.votes().cast(voter, new CastVote(post.id(), direction));
        }

        /** The cursor each listing gives out after its first page, in the order of {@link #LISTINGS}. */
        List<String> realCursors() {
            List<String> cursors = new ArrayList<>();
            for (Listing listing : LISTINGS) {
                String first = listing.read().apply(this, null);
                int next = first.indexOf(" next ");
                assertThat(next).as("%s gives out a cursor: %s", listing.name(), first).isPositive();
                cursors.add(first.substring(next + " next ".length()));
            }
            return cursors;
        }

        /** What reading {@code listing} after {@code cursor} gives: a page, or the code of the refusal. */
        String outcome(Listing listing, String cursor, Forgery forgery) {
            try {
                return listing.read().apply(this, cursor);
            } catch (InvalidInputException invalid) {
                return "INVALID_INPUT " + invalid.violations().stream().map(FieldViolation::field).toList();
            } catch (NicheException refused) {
                if (listing.replies() && refused.code() == ErrorCode.NOT_FOUND) {
                    return "NOT_FOUND";
                }
                throw new AssertionError(listing.name() + " after " + forgery + ": " + refused
                        + " instead of a page or INVALID_INPUT", refused);
            } catch (RuntimeException e) {
                throw new AssertionError(listing.name() + " after " + forgery + " threw " + e, e);
            }
        }
    }
}
