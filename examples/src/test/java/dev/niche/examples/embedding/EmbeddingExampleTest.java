package dev.niche.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ThreadView;
import dev.niche.community.vote.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The README's embedding example")
class EmbeddingExampleTest {

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
    @DisplayName("is the same code as the snippet in README.md")
    void matchesReadme() throws IOException {
        Path source = Path.of("src/main/java/dev/niche/examples/embedding/EmbeddingExample.java");
        assertThat(snippet(Path.of("../README.md"), "```java", "```"))
                .isEqualTo(snippet(source, "// README:begin", "// README:end"));
    }

    /** The lines between two markers, without their common indentation. */
    private static List<String> snippet(Path file, String begin, String end) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin) && lines.subList(i, lines.size()).stream()
                    .anyMatch(l -> l.contains("Niche.builder()"))) {
                from = i + 1;
                break;
            }
        }
        assertThat(from).as("marker %s in %s", begin, file).isPositive();
        int to = from;
        while (!lines.get(to).strip().equals(end)) {
            to++;
        }
        List<String> block = lines.subList(from, to);
        int indent = block.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return block.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }
}
