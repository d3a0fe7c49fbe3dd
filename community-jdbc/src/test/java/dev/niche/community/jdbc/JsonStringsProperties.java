package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

@Label("Tags and rules encoded as JSON")
class JsonStringsProperties {

    @Property
    @Label("round-trip any list of any strings")
    void roundTrip(@ForAll List<String> values) {
        assertThat(JsonStrings.decode(JsonStrings.encode(values))).isEqualTo(values);
    }

    @Property
    @Label("are one line of JSON without raw control characters")
    void printable(@ForAll List<String> values) {
        String json = JsonStrings.encode(values);
        assertThat(json).startsWith("[").endsWith("]");
        assertThat(json.chars()).noneMatch(c -> c < 0x20);
    }

    @Example
    @Label("read JSON that other tools wrote")
    void foreign() {
        assertThat(JsonStrings.decode(" [ \"a\\/b\" , \"\\u00e9\\b\\f\" ] ")).containsExactly("a/b", "é\b\f");
        assertThat(JsonStrings.decode("[]")).isEmpty();
    }

    @Example
    @Label("refuse what is not a JSON array of strings, without quoting it")
    void malformed() {
        for (String json : List.of("", "[", "[\"a\"", "[\"a\",]", "[1]", "[\"a\"] x", "[\"\\x\"]", "[\"\\u12g4\"]",
                "[\"\\u-001\"]", "{\"a\":1}")) {
            assertThatThrownBy(() -> JsonStrings.decode(json)).as(json)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("a stored list is not a JSON array of strings");
        }
    }
}
