/** Benchmarks of the engine and its stores; see benchmarks/README.md for how to run them. */
@NullMarked
package dev.niche.benchmarks;

import org.jspecify.annotations.NullMarked;
