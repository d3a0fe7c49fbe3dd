package dev.niche.community.core;

import dev.niche.community.validation.PlainText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link PlainText} with {@link PlainTextRules}. */
final class PlainTextValidator implements ConstraintValidator<PlainText, String> {
    private int min;
    private int max;
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        this.min = annotation.min();
        this.max = annotation.max();
        this.multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = PlainTextRules.problem(value, min, max, multiline);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
        return false;
    }

    /** Message templates treat braces and dollar signs as expressions. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
