package dev.niche.benchmarks;

import java.util.Arrays;

/**
 * The planned events of a {@link SybilWorld}, replayed in time order. Each event is a kind, an actor
 * index and a target index at a whole second; events of one second keep the order they were planned in,
 * so one plan always replays the same way.
 */
final class SybilSchedule {
    /** What an event does; see {@code SybilWorld.perform}. */
    enum Kind { JOIN, THREAD, REPLY, VOTE, RING_JOIN, RING_THREAD, RING_REPLY, RING_VOTE, RING_HONEST_VOTE, ATTACK_VOTE }

    private static final Kind[] KINDS = Kind.values();
    private static final int EVENT_BITS = 24;

    private byte[] kinds = new byte[1024];
    private int[] actors = new int[1024];
    private int[] targets = new int[1024];
    private long[] keys = new long[1024];
    private int size;

    /** Plans an event at {@code second} after the world's start. */
    void add(Kind kind, int actor, int target, long second) {
        if (size == 1 << EVENT_BITS) {
            throw new IllegalStateException("a schedule holds at most " + (1 << EVENT_BITS) + " events");
        }
        if (size == keys.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            actors = Arrays.copyOf(actors, size * 2);
            targets = Arrays.copyOf(targets, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        kinds[size] = (byte) kind.ordinal();
        actors[size] = actor;
        targets[size] = target;
        keys[size] = (second << EVENT_BITS) | size;
        size++;
    }

    /** The events' keys in time order; read each with {@link #event} and {@link #second}. */
    long[] order() {
        long[] order = Arrays.copyOf(keys, size);
        Arrays.sort(order);
        return order;
    }

    /** The event a key stands for. */
    static int event(long key) {
        return (int) (key & ((1L << EVENT_BITS) - 1));
    }

    /** The second a key's event happens at. */
    static long second(long key) {
        return key >>> EVENT_BITS;
    }

    Kind kind(int event) {
        return KINDS[kinds[event]];
    }

    int actor(int event) {
        return actors[event];
    }

    int target(int event) {
        return targets[event];
    }
}
