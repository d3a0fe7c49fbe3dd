package dev.niche.community.core;

import dev.niche.community.InvalidInputException;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.spi.SortKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Opaque page cursors. A cursor names the listing it belongs to, holds the position after a page
 * (a keyset position, or the fingerprints of the posts already listed) and ends in a checksum. It
 * holds nothing private: positions are made of times, sort values, public ids and slugs, and
 * fingerprints are bits of public ids. A cursor that was altered, truncated or made for another
 * listing is refused with INVALID_INPUT on {@code cursor}.
 *
 * <p>Layout, before base64url: header fields separated by {@code ~}, a line feed, an optional
 * binary payload, and the CRC-32 of all that.
 */
final class Cursors {
    private static final char SEPARATOR = '~';
    private static final byte END_OF_HEADER = '\n';

    /** Where a "more replies" page continues. */
    record ReplyPosition(PostId parent, ReplySort sort, int maxReplies, int maxDepth, @Nullable SortKey after, int remaining) {}

    /** The range of an instant held as signed 64-bit nanoseconds since the epoch. */
    private static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private Cursors() {}

    static String ofMembers(CommunityId community, MemberState state, MemberKey key) {
        return encode(new String[] {"m2", community.value(), state.name(), Long.toString(key.since().getEpochSecond()),
                Integer.toString(key.since().getNano()), key.pseudonym().value()}, new byte[0]);
    }

    static MemberKey membersAfter(CommunityId community, MemberState state, String cursor) {
        String[] f = decode(cursor, "m2", 6).header();
        requireListing(community.value(), f[1]);
        requireListing(state.name(), f[2]);
        return parse(() -> new MemberKey(instant(Long.parseLong(f[3]), Integer.parseInt(f[4])), PseudonymId.of(f[5])));
    }

    /**
     * A discovery page's position, bound to its query: the tag and the normalised words, as a CRC-32,
     * so that a cursor given out for one query cannot page another.
     */
    static String ofCommunities(@Nullable String tag, List<String> words, String lastSlug) {
        return encode(new String[] {"c2", query(tag, words), lastSlug}, new byte[0]);
    }

    static String communitiesAfter(@Nullable String tag, List<String> words, String cursor) {
        String[] f = decode(cursor, "c2", 3).header();
        requireListing(query(tag, words), f[1]);
        return f[2];
    }

    private static String query(@Nullable String tag, List<String> words) {
        CRC32 crc = new CRC32();
        crc.update(((tag == null ? "" : tag) + "\n" + String.join(" ", words)).getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /**
     * An instant every store can keep: what signed 64-bit nanoseconds since the epoch hold (1677 to
     * 2262), as the JDBC store keeps them. A forged cursor's time outside that is refused here, the
     * same on every store, rather than failing in one store and passing in another.
     */
    private static Instant instant(long epochSecond, int nano) {
        Instant at = Instant.ofEpochSecond(epochSecond, nano);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST) || nano < 0 || nano > 999_999_999) {
            throw bad();
        }
        return at;
    }

    /** A sort value a store can keep and order: finite. */
    private static double sortValue(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw bad();
        }
        return value;
    }

    static String ofLeaderboard(CommunityId community, ReputationTotal last) {
        return encode(new String[] {"l1", community.value(), Long.toString(last.points()), last.pseudonym().value()},
                new byte[0]);
    }

    static ReputationTotal leaderboardAfter(CommunityId community, String cursor) {
        String[] f = decode(cursor, "l1", 4).header();
        requireListing(community.value(), f[1]);
        return parse(() -> new ReputationTotal(PseudonymId.of(f[3]), Long.parseLong(f[2])));
    }

    static String ofSerialPairs(CommunityId community, SerialPair last) {
        return encode(new String[] {"s1", community.value(), last.voter().value(), last.author().value()}, new byte[0]);
    }

    static SerialPair serialPairsAfter(CommunityId community, String cursor) {
        String[] f = decode(cursor, "s1", 4).header();
        requireListing(community.value(), f[1]);
        return parse(() -> new SerialPair(PseudonymId.of(f[2]), PseudonymId.of(f[3]), 0, Instant.EPOCH));
    }

    /** A keyset position in a listing whose keys never change, such as NEW. */
    static String ofKeyset(String listing, SortKey key) {
        return encode(new String[] {"k1", listing, Double.toString(key.value()), key.id().value()}, new byte[0]);
    }

    static SortKey keysetAfter(String listing, String cursor) {
        String[] f = decode(cursor, "k1", 4).header();
        requireListing(listing, f[1]);
        return parse(() -> new SortKey(sortValue(f[2]), PostId.of(f[3])));
    }

    /** The fingerprints of every post a listing ranked by votes has shown so far. */
    static String ofExclusion(String listing, long[] shown) {
        ByteBuffer payload = ByteBuffer.allocate(shown.length * Long.BYTES);
        for (long fingerprint : shown) {
            payload.putLong(fingerprint);
        }
        return encode(new String[] {"x1", listing}, payload.array());
    }

    static long[] exclusionOf(String listing, String cursor) {
        Decoded decoded = decode(cursor, "x1", 2);
        requireListing(listing, decoded.header()[1]);
        // A checksum is no signature: refuse a forged payload longer than any sequence lists.
        if (decoded.payload().length % Long.BYTES != 0 || decoded.payload().length / Long.BYTES > Listings.MOST_LISTED) {
            throw bad();
        }
        ByteBuffer payload = ByteBuffer.wrap(decoded.payload());
        long[] shown = new long[decoded.payload().length / Long.BYTES];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = payload.getLong();
        }
        return shown;
    }

    /** A stable fingerprint of a post, from the random bits of its id. */
    static long fingerprint(PostId id) {
        String text = id.value();
        return Long.parseUnsignedLong(text.substring(19, 23) + text.substring(24), 16);
    }

    static String ofReplies(ReplyPosition p) {
        SortKey after = p.after();
        return encode(new String[] {"r1", p.parent().value(), p.sort().name(), Integer.toString(p.maxReplies()),
                Integer.toString(p.maxDepth()), after == null ? "" : Double.toString(after.value()),
                after == null ? "" : after.id().value(), Integer.toString(p.remaining())}, new byte[0]);
    }

    static ReplyPosition repliesAfter(String cursor) {
        String[] f = decode(cursor, "r1", 8).header();
        ReplyPosition position = parse(() -> new ReplyPosition(PostId.of(f[1]), ReplySort.valueOf(f[2]),
                Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                f[5].isEmpty() ? null : new SortKey(sortValue(f[5]), PostId.of(f[6])), Integer.parseInt(f[7])));
        // A forged cursor must not ask for more than a TreeRequest may.
        parse(() -> new TreeRequest(position.sort(), position.maxReplies(), position.maxDepth()));
        if (position.remaining() < 0) {
            throw bad();
        }
        return position;
    }

    private record Decoded(String[] header, byte[] payload) {}

    /** Package-private so that tests can forge a cursor with a valid checksum, as any client can. */
    static String encode(String[] header, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.join(String.valueOf(SEPARATOR), header).getBytes(StandardCharsets.UTF_8));
        out.write(END_OF_HEADER);
        out.writeBytes(payload);
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static Decoded decode(String cursor, String kind, int fields) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        if (bytes.length < Integer.BYTES + 1) {
            throw bad();
        }
        int bodyLength = bytes.length - Integer.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bodyLength);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bodyLength, Integer.BYTES).getInt()) {
            throw bad();
        }
        int end = 0;
        while (end < bodyLength && bytes[end] != END_OF_HEADER) {
            end++;
        }
        if (end == bodyLength) {
            throw bad();
        }
        String[] header = new String(bytes, 0, end, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
        if (header.length != fields || !header[0].equals(kind)) {
            throw bad();
        }
        return new Decoded(header, Arrays.copyOfRange(bytes, end + 1, bodyLength));
    }

    private static void requireListing(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw bad();
        }
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.run();
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    private static InvalidInputException bad() {
        return InvalidInputException.of("cursor",
                "cursor is not one this listing gave out; start again from the first page");
    }
}
