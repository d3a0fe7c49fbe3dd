package dev.niche.examples.simulation;

/**
 * What a run simulates.
 *
 * @param seed    drives every choice of the story; the same seed and settings give the same output
 * @param members members per community, its owner included: {@value #MIN_MEMBERS} to {@value #MAX_MEMBERS}
 * @param days    simulated days: {@value #MIN_DAYS} to {@value #MAX_DAYS}
 */
record SimulationSettings(long seed, int members, int days) {
    static final int MIN_MEMBERS = 6;
    static final int MAX_MEMBERS = 2000;
    static final int MIN_DAYS = 7;
    static final int MAX_DAYS = 365;

    /** @throws IllegalArgumentException if {@code members} or {@code days} is out of range */
    SimulationSettings {
        if (members < MIN_MEMBERS || members > MAX_MEMBERS) {
            throw new IllegalArgumentException(
                    "members " + members + " must be between " + MIN_MEMBERS + " and " + MAX_MEMBERS);
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("days " + days + " must be between " + MIN_DAYS + " and " + MAX_DAYS);
        }
    }
}
