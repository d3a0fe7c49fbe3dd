package dev.niche.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.post.ReplyNode;
import dev.niche.community.post.ThreadView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The quickstart demo")
class QuickstartDemoTest {
    private ThreadView tree;
    private String output;

    @BeforeEach
    void runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tree = new QuickstartDemo().run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("builds a thread whose reply counts add up")
    void countsAddUp() {
        assertThat(tree.root().threadReplyCount()).isEqualTo(5).isEqualTo(countAll(tree.replies()));
        assertThat(tree.root().replyCount()).isEqualTo(tree.replies().size()).isEqualTo(2);
    }

    @Test
    @DisplayName("counts one vote per member, a changed vote once")
    void votes() {
        assertThat(tree.root().score()).isEqualTo(3);
        assertThat(tree.replies()).extracting(node -> node.post().score()).containsExactly(3, 2);
        assertThat(tree.replies().get(1).post().downs()).isZero();
    }

    @Test
    @DisplayName("nests replies three deep under the first answer")
    void nesting() {
        ReplyNode sugar = tree.replies().get(0);
        assertThat(sugar.replies().get(0).replies().get(0).post().depth()).isEqualTo(3);
    }

    @Test
    @DisplayName("prints the community, the thread and every reply as an indented tree")
    void prints() {
        assertThat(output)
                .contains("Community Vegan bakers (vegan-bakers): 5 members")
                .contains("My meringues weep. Help?  (by aquafaba_andy, score +3)")
                .contains("      └ proofing_pat (score +0): Cream of tartar helps too");
    }

    private static int countAll(List<ReplyNode> nodes) {
        return nodes.stream().mapToInt(node -> 1 + countAll(node.replies())).sum();
    }
}
