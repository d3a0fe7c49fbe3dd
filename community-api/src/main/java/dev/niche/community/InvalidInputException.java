package dev.niche.community;

import java.util.List;
import java.util.stream.Collectors;

/** The input was malformed. Nothing was written. {@link #violations()} lists every fault found. */
public final class InvalidInputException extends NicheException {
    private static final long serialVersionUID = 1L;

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(ErrorCode.INVALID_INPUT, summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** A failure with a single violation. */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    /** Every fault found, in a stable order; never empty. */
    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        return violations.stream().map(FieldViolation::message).collect(Collectors.joining("; "));
    }
}
