package dev.niche.community.core;

import java.time.Clock;
import java.util.Random;

/** UUIDv7 ids and base32 codes from one source of randomness. */
final class RandomIdGenerator implements IdGenerator {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Random random;
    private final Clock clock;

    RandomIdGenerator(Random random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String newId() {
        long millis = clock.millis();
        long randA;
        long randB;
        synchronized (random) {
            randA = random.nextLong();
            randB = random.nextLong();
        }
        // RFC 9562 UUIDv7: 48-bit timestamp, version 7, 12 random bits, variant 10, 62 random bits.
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        char[] out = new char[36];
        int pos = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out[pos++] = '-';
            }
            long word = i < 16 ? msb : lsb;
            int shift = (15 - (i % 16)) * 4;
            out[pos++] = HEX[(int) ((word >>> shift) & 0xF)];
        }
        return new String(out);
    }

    @Override
    public String newSecretCode() {
        byte[] bytes = new byte[17]; // 136 random bits drawn; 26 base32 digits keep 130 of them
        synchronized (random) {
            random.nextBytes(bytes);
        }
        StringBuilder code = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5 && code.length() < 26) {
                code.append(BASE32[(buffer >>> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        return code.toString();
    }
}
