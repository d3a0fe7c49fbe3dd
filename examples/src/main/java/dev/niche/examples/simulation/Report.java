package dev.niche.examples.simulation;

import java.io.PrintStream;
import java.util.List;

/** The simulation's output: a heading, then each section under its title. */
final class Report {
    private final String heading;
    private final List<Section> sections;

    Report(String heading, List<Section> sections) {
        this.heading = heading;
        this.sections = List.copyOf(sections);
    }

    void print(PrintStream out) {
        out.println(heading);
        for (Section section : sections) {
            out.println();
            out.println("== " + section.title() + " ==");
            section.print(out);
        }
    }
}
