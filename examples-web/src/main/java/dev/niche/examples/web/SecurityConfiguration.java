package dev.niche.examples.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security with its defaults kept: CSRF tokens on every form (Thymeleaf's {@code th:action}
 * adds them), sessions, and every page behind a login. The login itself is the development stub of
 * {@link DemoAccounts}: each demo user's password is {@value #DEMO_PASSWORD}, and the login page
 * logs in with one click.
 */
@Configuration
public class SecurityConfiguration {
    /** The password of every demo account; the login page sends it, so nobody types it. */
    static final String DEMO_PASSWORD = "demo";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/style.css", "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/communities", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    @Bean
    UserDetailsService demoUsers(DemoAccounts accounts) {
        List<UserDetails> users = accounts.all().stream()
                .map(account -> User.withUsername(account.username())
                        .password("{noop}" + DEMO_PASSWORD)
                        .roles("USER")
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
