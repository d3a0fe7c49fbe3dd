/**
 * Constraint annotations that Niche's commands carry, beyond those of Jakarta Validation. The
 * engine supplies their validators.
 */
@NullMarked
package dev.niche.community.validation;

import org.jspecify.annotations.NullMarked;
