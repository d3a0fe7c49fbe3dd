package dev.niche.community.core;

import dev.niche.community.InvalidInputException;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.ThreadKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Opaque page cursors. A cursor holds the keyset position after a page's last item, the listing it
 * belongs to and a checksum; it holds nothing private, since positions are made of times, public
 * ids and slugs. A cursor that was altered, truncated or made for another listing is refused.
 */
final class Cursors {
    private static final String THREADS = "t1";
    private static final String MEMBERS = "m1";
    private static final String COMMUNITIES = "c1";
    private static final char SEPARATOR = '~';

    private Cursors() {}

    static String ofThreads(ThreadKey key) {
        return encode(THREADS, key.createdAt().getEpochSecond() + "~" + key.createdAt().getNano() + "~" + key.id());
    }

    static ThreadKey threadsAfter(String cursor) {
        String[] parts = decode(THREADS, cursor, 3);
        try {
            return new ThreadKey(instant(parts[0], parts[1]), PostId.of(parts[2]));
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    static String ofMembers(MemberKey key) {
        return encode(MEMBERS, key.since().getEpochSecond() + "~" + key.since().getNano() + "~" + key.pseudonym());
    }

    static MemberKey membersAfter(String cursor) {
        String[] parts = decode(MEMBERS, cursor, 3);
        try {
            return new MemberKey(instant(parts[0], parts[1]), PseudonymId.of(parts[2]));
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    static String ofCommunities(String lastSlug) {
        return encode(COMMUNITIES, lastSlug);
    }

    static String communitiesAfter(String cursor) {
        return decode(COMMUNITIES, cursor, 1)[0];
    }

    private static Instant instant(String seconds, String nanos) {
        return Instant.ofEpochSecond(Long.parseLong(seconds), Integer.parseInt(nanos));
    }

    private static String encode(String kind, String position) {
        String body = kind + SEPARATOR + position;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((body + SEPARATOR + checksum(body)).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String kind, String cursor, int fields) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        int lastSeparator = text.lastIndexOf(SEPARATOR);
        if (lastSeparator < 0 || !text.substring(lastSeparator + 1).equals(checksum(text.substring(0, lastSeparator)))) {
            throw bad();
        }
        String[] parts = text.substring(0, lastSeparator).split(String.valueOf(SEPARATOR), -1);
        if (parts.length != fields + 1 || !parts[0].equals(kind)) {
            throw bad();
        }
        String[] position = new String[fields];
        System.arraycopy(parts, 1, position, 0, fields);
        return position;
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
    }

    private static InvalidInputException bad() {
        return InvalidInputException.of("cursor",
                "cursor is not one this listing gave out; start again from the first page");
    }
}
