package dev.niche.community.core;

import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.validation.PlainText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Validates commands with one Hibernate Validator instance, before any store is touched, and turns
 * violations into an {@link InvalidInputException} whose messages name the field and value.
 */
final class InputValidator {
    private static final int SHOWN_CODE_POINTS = 60;

    private final Validator validator;

    InputValidator() {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(PlainText.class).includeExistingValidators(false).validatedBy(PlainTextValidator.class);
        ConstraintValidatorFactory defaults = configuration.getDefaultConstraintValidatorFactory();
        ValidatorFactory factory = configuration
                .addMapping(mapping)
                // No expression language: messages are plain sentences, and no EL engine is needed.
                .messageInterpolator(new ParameterMessageInterpolator())
                .constraintValidatorFactory(new OwnValidators(defaults))
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * Checks a command's annotations: the one guard every command and query object passes first.
     *
     * <p>A missing command is a programming error, not input: it throws {@link NullPointerException}
     * naming the parameter. A null inside the command (a field, or an element of a list field) is
     * input, and gets INVALID_INPUT naming the field, such as {@code tags[2]}.
     *
     * @param command   the command, as the engine method received it
     * @param parameter the engine method's name for it, shown if it is null
     * @throws NullPointerException  if {@code command} is null
     * @throws InvalidInputException naming every violation
     */
    void check(@Nullable Object command, String parameter) {
        Objects.requireNonNull(command, parameter);
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            List<FieldViolation> found = new ArrayList<>();
            for (ConstraintViolation<Object> violation : violations) {
                String field = field(violation.getPropertyPath());
                found.add(new FieldViolation(field, sentence(field, violation.getInvalidValue(), violation.getMessage())));
            }
            found.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
            throw new InvalidInputException(found);
        }
    }

    /** A violation found by the engine's own checks, phrased like those from annotations. */
    static InvalidInputException invalid(String field, @Nullable Object value, String problem) {
        return InvalidInputException.of(field, sentence(field, value, problem));
    }

    /** {@code tags[2].<list element>} becomes {@code tags[2]}. */
    private static String field(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }

    private static String sentence(String field, @Nullable Object value, String problem) {
        if (value == null || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return field + " " + problem;
        }
        if (value instanceof CharSequence text) {
            return field + " \"" + shown(text.toString()) + "\" " + problem;
        }
        return field + " " + value + " " + problem;
    }

    /** The value as a message may show it: cut short, with control characters made visible. */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            int cp = text.codePointAt(i);
            if (count == SHOWN_CODE_POINTS) {
                return out.append('…').toString();
            }
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else if (cp == '"') {
                out.append("\\\"");
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Creates the engine's own, package-private validators; delegates the rest. */
    private record OwnValidators(ConstraintValidatorFactory defaults) implements ConstraintValidatorFactory {
        @Override
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            if (key == PlainTextValidator.class) {
                return key.cast(new PlainTextValidator());
            }
            return defaults.getInstance(key);
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {
            if (!(instance instanceof PlainTextValidator)) {
                defaults.releaseInstance(instance);
            }
        }
    }
}
