package dev.niche.community.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * Makes the engine's ids and secret codes.
 *
 * <p>The default, {@link #secure()}, makes time-ordered UUIDs (version 7: a millisecond timestamp
 * and 74 random bits) and invite codes of 130 random bits, both from a {@link SecureRandom}: they
 * cannot be guessed. {@link #seeded(long, Clock)} repeats the same ids for the same seed, for
 * reproducible demos and tests; its ids are guessable, so never use it in production.
 */
public interface IdGenerator {

    /** A new id's text: a lowercase UUID, unique and unguessable. */
    String newId();

    /** A new secret code, such as an invite code: 26 characters of base32 holding 130 random bits. */
    String newSecretCode();

    /** Ids and codes from a {@link SecureRandom}, timestamped by the system clock. */
    static IdGenerator secure() {
        return new RandomIdGenerator(new SecureRandom(), Clock.systemUTC());
    }

    /**
     * Ids and codes that repeat for the same seed and clock readings. Guessable: for demos and
     * tests only.
     */
    static IdGenerator seeded(long seed, Clock clock) {
        return new RandomIdGenerator(new Random(seed), clock);
    }
}
