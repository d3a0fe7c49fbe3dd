package dev.niche.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the web example on http://localhost:8080, on an H2 file under {@code ~/.niche/web-example}
 * by default. The Niche engine comes from {@code community-spring-boot-starter}: this app declares
 * no engine, store or migration of its own, only {@code niche.*} and {@code spring.datasource.*}
 * properties in {@code application.properties}.
 */
@SpringBootApplication
public class WebExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebExampleApplication.class, args);
    }
}
