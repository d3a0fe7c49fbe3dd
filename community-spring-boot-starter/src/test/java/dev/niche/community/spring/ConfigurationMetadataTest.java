package dev.niche.community.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.core.Niche;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The configuration metadata")
class ConfigurationMetadataTest {

    private static Map<String, JsonNode> properties() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the metadata the configuration processor writes").isNotNull();
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, JsonNode> byName = new HashMap<>();
            root.get("properties").forEach(p -> byName.put(p.get("name").asString(), p));
            return byName;
        }
    }

    @Test
    @DisplayName("describes every niche.* property")
    void described() throws Exception {
        Map<String, JsonNode> properties = properties();
        assertThat(properties).containsKeys("niche.store", "niche.jdbc.migrate", "niche.jdbc.durable-commits",
                "niche.jdbc.dialect", "niche.max-pseudonyms-per-account", "niche.max-reply-depth",
                "niche.max-attempts", "niche.best-confidence", "niche.reserved-handles", "niche.web.error-advice");
        properties.forEach((name, p) ->
                assertThat(p.has("description")).as("%s has a description", name).isTrue());
    }

    @Test
    @DisplayName("states the engine's own defaults")
    void defaults() throws Exception {
        Map<String, JsonNode> properties = properties();
        assertThat(properties.get("niche.max-pseudonyms-per-account").get("defaultValue").asInt())
                .isEqualTo(Niche.DEFAULT_MAX_PSEUDONYMS_PER_ACCOUNT);
        assertThat(properties.get("niche.max-reply-depth").get("defaultValue").asInt())
                .isEqualTo(Niche.DEFAULT_MAX_REPLY_DEPTH);
        assertThat(properties.get("niche.store").get("defaultValue").asString()).isEqualTo("auto");
        assertThat(properties.get("niche.jdbc.migrate").get("defaultValue").asBoolean()).isFalse();
    }
}
