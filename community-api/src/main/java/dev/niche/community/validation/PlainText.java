package dev.niche.community.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that people write: its length, after Unicode NFC normalisation, is counted in code points
 * (so an emoji counts once), and it holds no control characters other than, where
 * {@link #multiline()} is set, line feed and tab. {@code null} is valid; pair with
 * {@code @NotNull} where text is required.
 *
 * <p>The engine applies the same NFC normalisation before it stores the text, so what was checked
 * is what is kept.
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {
    /** The fewest code points allowed. */
    int min() default 0;

    /** The most code points allowed. */
    int max();

    /** Whether line feeds and tabs are allowed. */
    boolean multiline() default false;

    String message() default "is not acceptable text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
