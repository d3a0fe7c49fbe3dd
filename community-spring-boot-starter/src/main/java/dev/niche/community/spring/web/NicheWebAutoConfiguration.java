package dev.niche.community.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Declares {@link NicheExceptionAdvice} in a servlet web application with Spring MVC, unless
 * {@code niche.web.error-advice=false} or the application declares its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "niche.web", name = "error-advice", havingValue = "true", matchIfMissing = true)
public class NicheWebAutoConfiguration {

    /** The advice that maps a {@code NicheException} to its HTTP status. */
    @Bean
    @ConditionalOnMissingBean(NicheExceptionAdvice.class)
    public NicheExceptionAdvice nicheExceptionAdvice() {
        return new NicheExceptionAdvice();
    }
}
