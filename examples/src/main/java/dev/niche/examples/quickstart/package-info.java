/**
 * The quickstart demo.
 */
@NullMarked
package dev.niche.examples.quickstart;

import org.jspecify.annotations.NullMarked;
