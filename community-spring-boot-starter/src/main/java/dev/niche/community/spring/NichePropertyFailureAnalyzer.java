package dev.niche.community.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidNichePropertyException} at start-up into Spring Boot's "APPLICATION FAILED
 * TO START" report, with the property at fault and what to do about it.
 */
public final class NichePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidNichePropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidNichePropertyException cause) {
        return new FailureAnalysis(
                "Niche could not start: " + cause.getMessage(),
                "Change or remove " + cause.property() + " in your application's configuration.",
                cause);
    }
}
