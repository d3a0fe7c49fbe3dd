package dev.niche.community.tck;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Forges cursors as any client can: the engine's cursors are base64url of header fields joined by
 * {@code ~}, a line feed, a binary payload and the CRC-32 of all that, and a checksum is no signature.
 * The kit takes real cursors apart, changes them and seals them again with a valid checksum, to check
 * that whatever a client sends back is either a page or INVALID_INPUT.
 */
final class CursorForge {
    private CursorForge() {}

    /** A cursor taken apart: its header fields and its payload. */
    record Parts(List<String> header, byte[] payload) {}

    /** What a cursor holds before its checksum. */
    static byte[] body(String cursor) {
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        return Arrays.copyOf(bytes, bytes.length - Integer.BYTES);
    }

    /** Takes a cursor the engine gave out apart. */
    static Parts open(String cursor) {
        byte[] body = body(cursor);
        int end = 0;
        while (body[end] != '\n') {
            end++;
        }
        List<String> header = List.of(new String(body, 0, end, StandardCharsets.UTF_8).split("~", -1));
        return new Parts(header, Arrays.copyOfRange(body, end + 1, body.length));
    }

    /** A cursor of these header fields and payload, with a valid checksum. */
    static String seal(List<String> header, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.join("~", header).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.writeBytes(payload);
        return seal(out.toByteArray());
    }

    /** A cursor of this body, with a valid checksum. */
    static String seal(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] sealed = Arrays.copyOf(body, body.length + Integer.BYTES);
        ByteBuffer.wrap(sealed, body.length, Integer.BYTES).putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }
}
