/**
 * The README's embedding example, as code that compiles and is tested.
 */
@NullMarked
package dev.niche.examples.embedding;

import org.jspecify.annotations.NullMarked;
