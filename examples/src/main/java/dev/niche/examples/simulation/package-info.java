/**
 * The micro-community simulation, the README's main demo: {@link
 * dev.niche.examples.simulation.CommunitySimulation} tells a seeded story of a few niche
 * communities on the JDBC store and prints what the engine reports.
 *
 * <p>How it is built: a {@code World} holds the engine (on a simulated clock with seeded ids), the
 * random source, an {@code Agenda} of beats in simulated time, the {@code Cast} of people and a
 * {@code Ledger} of what the story did. {@code Openings}, {@code MemberLife}, {@code BrandArc} and
 * {@code SpamArc} schedule the beats; {@code Story} plays them day by day. Afterwards a {@code Census}
 * reads everything back through the public API and the {@code Report} prints its {@code Section}s.
 */
@NullMarked
package dev.niche.examples.simulation;

import org.jspecify.annotations.NullMarked;
