package dev.niche.community.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.VoteTally;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 8: a write that returned survives the death of the process. A child JVM
 * ({@link CrashingWriter}) writes to an H2 file and is killed with {@link Process#destroyForcibly()}
 * (SIGKILL) right after it acknowledged a post or a vote, several times on the same file.
 */
@DisplayName("Durability of acknowledged writes")
class DurabilityTest {
    private static final int ROUNDS = 4;
    private static final long STARTUP_LIMIT_MS = 30_000;
    private static final long ROUND_LIMIT_MS = 40_000;
    private static final int MOST_POSTS = 100_000;

    /** What one killed child had acknowledged. */
    private record Acknowledged(CommunityId community, PseudonymId author, Set<PostId> posts, Set<PostId> votes) {}

    @Nested
    @DisplayName("on an H2 file, with the store's builder defaults")
    class OnH2File {
        @TempDir
        Path folder;

        @Test
        @Timeout(value = 150, unit = TimeUnit.SECONDS)
        @DisplayName("keeps every post and vote whose command had returned, though the writer is killed with SIGKILL"
                + " four times, and every counter equals its recount")
        void survivesKills() throws Exception {
            String url = "jdbc:h2:file:" + folder.resolve("niche").toAbsolutePath();
            List<Acknowledged> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Kill at a different moment each round: after 20, 35, 50, 65 acknowledged writes.
                rounds.add(runAndKill(url, "r" + round, 20 + 15 * round));
            }

            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(2);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                JdbcStore store = JdbcStore.builder(pool).build();
                try (var connection = pool.getConnection()) {
                    assertThat(H2Durability.writeDelay(connection)).as("H2's WRITE_DELAY after the builder").isZero();
                }
                int acknowledged = 0;
                for (Acknowledged round : rounds) {
                    acknowledged += round.posts().size();
                    Map<PostId, PostRecord> kept = store.read(tx -> tx.posts().byIds(List.copyOf(round.posts())));
                    assertThat(kept.keySet()).as("acknowledged posts still stored after the kill")
                            .containsExactlyInAnyOrderElementsOf(round.posts());
                    for (PostId post : round.posts()) {
                        PostRecord stored = kept.get(post);
                        VoteTally tally = store.read(tx -> tx.votes().tally(post));
                        assertThat(new VoteTally(stored.counters().ups(), stored.counters().downs()))
                                .as("counters of %s against the recount of its votes", post).isEqualTo(tally);
                        if (round.votes().contains(post)) {
                            assertThat(tally).as("acknowledged up vote on %s", post).isEqualTo(new VoteTally(1, 0));
                        }
                    }
                    long total = store.read(tx -> tx.reputation().total(round.community(), round.author()));
                    long recount = store.read(tx -> tx.reputation().recount(round.community(), round.author()));
                    assertThat(total).as("the author's reputation against its ledger").isEqualTo(recount);
                }
                assertThat(acknowledged).as("posts acknowledged over all rounds").isGreaterThanOrEqualTo(ROUNDS * 10);
            }
        }
    }

    /**
     * Starts a writer on {@code url}, reads what it acknowledges, and kills it with SIGKILL right after
     * the {@code killAfter}th acknowledged post or vote.
     */
    private static Acknowledged runAndKill(String url, String tag, int killAfter) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), url, tag, Integer.toString(MOST_POSTS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child died; what it printed before is in the queue.
            } finally {
                lines.add("EOF");
            }
        }, "writer-output-" + tag);
        reader.setDaemon(true);
        reader.start();
        try {
            String first = lines.poll(STARTUP_LIMIT_MS, TimeUnit.MILLISECONDS);
            assertThat(first).as("the writer's first line, within %s ms", STARTUP_LIMIT_MS)
                    .isNotNull().startsWith("COMMUNITY ");
            String[] ids = first.split(" ");
            Set<PostId> posts = new LinkedHashSet<>();
            Set<PostId> votes = new LinkedHashSet<>();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROUND_LIMIT_MS);
            int seen = 0;
            while (seen < killAfter) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(line).as("an acknowledgement from writer %s within %s ms", tag, ROUND_LIMIT_MS).isNotNull();
                assertThat(line).as("writer %s ended before it was killed", tag).isNotEqualTo("EOF");
                seen++;
                if (line.startsWith("POST ")) {
                    posts.add(PostId.of(line.substring(5)));
                } else if (line.startsWith("VOTE ")) {
                    votes.add(PostId.of(line.substring(5)));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("writer %s died", tag).isTrue();
            // Whatever it acknowledged before dying counts too.
            for (String line = lines.poll(5, TimeUnit.SECONDS); line != null && !line.equals("EOF");
                    line = lines.poll(5, TimeUnit.SECONDS)) {
                if (line.startsWith("POST ")) {
                    posts.add(PostId.of(line.substring(5)));
                } else if (line.startsWith("VOTE ")) {
                    votes.add(PostId.of(line.substring(5)));
                }
            }
            return new Acknowledged(CommunityId.of(ids[1]), PseudonymId.of(ids[2]), posts, votes);
        } finally {
            Optional.of(child).filter(Process::isAlive).ifPresent(Process::destroyForcibly);
        }
    }
}
