package dev.niche.examples.web;

import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The web example on a free port and a fresh in-memory H2 database, seeded as on a first start. */
final class RunningApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        String port = Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port"), "port");
        this.baseUrl = "http://localhost:" + port;
    }

    static RunningApp start() {
        // Command-line arguments, since they win over application.properties.
        return new RunningApp(new SpringApplicationBuilder(WebExampleApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spring.thymeleaf.cache=true"));
    }

    String url(String path) {
        return baseUrl + path;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
