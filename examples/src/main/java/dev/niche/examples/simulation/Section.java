package dev.niche.examples.simulation;

import java.io.PrintStream;

/**
 * One section of the report. To add one, implement this with the engine's figures and add it to the
 * list that {@code Simulation} prints.
 */
interface Section {

    /** The section's heading. */
    String title();

    /** Prints the section's body; the figures must come from the engine, never be made up. */
    void print(PrintStream out);
}
