package dev.niche.examples.simulation;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The beats of the story, in simulated time. A beat may schedule later beats, such as a moderator
 * answering a spam post a few hours after it landed. Beats at the same instant run in the order
 * they were scheduled, so a run depends on the seed alone.
 */
final class Agenda {
    private record Beat(Instant at, long order, Runnable action) {}

    private final PriorityQueue<Beat> beats = new PriorityQueue<>(
            Comparator.comparing(Beat::at).thenComparingLong(Beat::order));
    private final SimulatedClock clock;
    private long scheduled;

    Agenda(SimulatedClock clock) {
        this.clock = clock;
    }

    /**
     * Schedules {@code action} at {@code at}.
     *
     * @throws IllegalArgumentException if {@code at} lies in the simulated past
     */
    void at(Instant at, Runnable action) {
        if (at.isBefore(clock.instant())) {
            throw new IllegalArgumentException("beat at " + at + " lies before the simulated time " + clock.instant());
        }
        beats.add(new Beat(at, scheduled++, action));
    }

    /** Runs every beat scheduled before {@code end}, moving the clock to each, then moves it to {@code end}. */
    void runUntil(Instant end) {
        while (!beats.isEmpty() && beats.peek().at().isBefore(end)) {
            Beat beat = beats.poll();
            clock.moveTo(beat.at());
            beat.action().run();
        }
        clock.moveTo(end);
    }
}
