package dev.niche.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ThreadView;
import dev.niche.community.vote.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The README's embedding example")
class EmbeddingExampleTest {
    private static final Path README = Path.of("../README.md");
    private static final Path SOURCE = Path.of("src/main/java/dev/niche/examples/embedding/EmbeddingExample.java");

    @Nested
    @DisplayName("when run")
    class Running {

        @Test
        @DisplayName("builds a thread with one up-voted reply, as the viewer sees it")
        void runs() {
            ThreadView tree = EmbeddingExample.run();
            assertThat(tree.root().title()).isEqualTo("First flight in ten years");
            assertThat(tree.replies()).singleElement().satisfies(node -> {
                assertThat(node.post().author().handle()).isEqualTo("calm_pilot");
                assertThat(node.post().score()).isEqualTo(1);
                assertThat(node.post().viewerVote()).isEqualTo(Direction.UP);
            });
        }

        @Test
        @DisplayName("prints what the README says it prints")
        void printsWhatTheReadmeSays() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream console = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                EmbeddingExample.main(new String[0]);
            } finally {
                System.setOut(console);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            Matcher promised = Pattern.compile("then\\s+`([^`]+)`").matcher(Files.readString(README));
            assertThat(promised.find()).as("the README says what the example prints").isTrue();
            assertThat(printed.lines().toList()).last().isEqualTo(promised.group(1));
            assertThat(printed).contains("event: VoteCast[");
        }
    }

    @Nested
    @DisplayName("as the README shows it")
    class AsShown {

        @Test
        @DisplayName("the class is the same code as the Java block in README.md, imports included")
        void matchesReadme() throws IOException {
            assertThat(block(README, "```java", "```")).isEqualTo(block(SOURCE, "// README:begin", "// README:end"));
        }

        @Test
        @DisplayName("the pom names this build's version, Java release and the class to run")
        void pomMatchesTheBuild() throws IOException {
            String pom = String.join("\n", block(README, "```xml", "```"));
            String parent = Files.readString(Path.of("../pom.xml"));

            assertThat(pom).contains("<version>" + first(parent, "<version>([^<]+)</version>") + "</version>")
                    .contains("<release>" + first(parent, "<maven.compiler.release>([^<]+)<") + "</release>")
                    .contains("<mainClass>EmbeddingExample</mainClass>")
                    .contains("<artifactId>community-bom</artifactId>");
            assertThat(block(SOURCE, "// README:begin", "// README:end")).noneMatch(line -> line.startsWith("package "));
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the parent pom", regex).isTrue();
        return m.group(1);
    }

    /**
     * The lines between two markers, without their common indentation: the first such block that
     * holds the engine's builder (for Java) or the BOM (for the pom).
     */
    private static List<String> block(Path file, String begin, String end) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int from = 0; from < lines.size(); from++) {
            if (!lines.get(from).strip().equals(begin)) {
                continue;
            }
            int to = from + 1;
            while (!lines.get(to).strip().equals(end)) {
                to++;
            }
            List<String> block = lines.subList(from + 1, to);
            if (block.stream().anyMatch(l -> l.contains("Niche.builder()") || l.contains("community-bom"))) {
                int indent = block.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                return block.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
            }
            from = to;
        }
        throw new AssertionError("no block between " + begin + " and " + end + " in " + file);
    }
}
