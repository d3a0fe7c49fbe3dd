package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.niche.community.AccountId;
import dev.niche.community.spi.Endorsement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The trust score")
class TrustGraphTest {
    private static final double TOLERANCE = 1e-9;
    private static final AccountId A = AccountId.of("a");
    private static final AccountId B = AccountId.of("b");
    private static final AccountId C = AccountId.of("c");
    private static final AccountId D = AccountId.of("d");
    private static final AccountId OUTSIDER = AccountId.of("outsider");

    private static Endorsement up(AccountId from, AccountId to, long upvotes) {
        return new Endorsement(from, to, upvotes, 0);
    }

    @Nested
    @DisplayName("with no endorsements")
    class NoEdges {
        @Test
        @DisplayName("gives nothing to score for no members")
        void empty() {
            assertThat(TrustGraph.score(List.of(), Set.of(A), List.of(up(A, B, 1))))
                    .isEqualTo(new TrustGraph.Scores(Map.of(), 0, 0, 0));
        }

        @Test
        @DisplayName("gives a lone member 1.0 after one iteration")
        void alone() {
            assertThat(TrustGraph.score(List.of(A), Set.of(), List.of()))
                    .isEqualTo(new TrustGraph.Scores(Map.of(A, 1.0), 1, 0, 1));
        }

        @Test
        @DisplayName("gives every member 1.0 when no member seeds, as every member then seeds")
        void everyoneSeeds() {
            TrustGraph.Scores scores = TrustGraph.score(List.of(A, B, C, D), Set.of(OUTSIDER), List.of());
            assertThat(scores.seeds()).isEqualTo(4);
            assertThat(scores.byAccount()).hasSize(4).allSatisfy((account, score) -> assertThat(score).isCloseTo(1.0, within(TOLERANCE)));
        }

        @Test
        @DisplayName("shares everything among the seeds, who keep it")
        void seedsKeep() {
            TrustGraph.Scores scores = TrustGraph.score(List.of(A, B, C, D), Set.of(A, B, OUTSIDER), List.of());
            assertThat(scores.seeds()).isEqualTo(2);
            assertThat(scores.byAccount().get(A)).isCloseTo(2.0, within(TOLERANCE));
            assertThat(scores.byAccount().get(B)).isCloseTo(2.0, within(TOLERANCE));
            assertThat(scores.byAccount().get(C)).isZero();
            assertThat(scores.byAccount().get(D)).isZero();
        }

        @Test
        @DisplayName("counts a member listed twice once")
        void duplicates() {
            TrustGraph.Scores scores = TrustGraph.score(List.of(A, B, A, B, A), Set.of(), List.of());
            assertThat(scores.byAccount()).containsOnlyKeys(A, B);
            assertThat(scores.byAccount().get(A)).isCloseTo(1.0, within(TOLERANCE));
            assertThat(scores.iterations()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("follows endorsements")
    class Edges {
        @Test
        @DisplayName("so that a member endorsed by a seed scores above one nobody endorses")
        void endorsedBeatsUnendorsed() {
            List<Endorsement> edges = List.of(up(A, B, 3), up(B, C, 1), up(C, A, 1));
            Map<AccountId, Double> scores = TrustGraph.score(List.of(A, B, C, D), Set.of(A), edges).byAccount();
            assertThat(scores.get(D)).isZero();
            assertThat(scores.get(B)).isGreaterThan(scores.get(D));
            assertThat(scores.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(4.0, within(TOLERANCE));
        }

        @Test
        @DisplayName("and returns the trust of a member who endorses no one to the seeds, not to everyone")
        void sinksReturnToSeeds() {
            // n = 4, so 2 iterations. Iteration 1: b gets 0.85 of a's 1, a gets the restart 0.15.
            // Iteration 2: b gets 0.85 of a's 0.15; a gets 0.15 + 0.85 of b's 0.85 returned.
            Map<AccountId, Double> scores = TrustGraph.score(List.of(A, B, C, D), Set.of(A), List.of(up(A, B, 1))).byAccount();
            assertThat(scores.get(A)).isCloseTo(4 * (0.15 + 0.85 * 0.85), within(TOLERANCE));
            assertThat(scores.get(B)).isCloseTo(4 * 0.85 * 0.15, within(TOLERANCE));
            assertThat(scores.get(C)).isZero();
            assertThat(scores.get(D)).isZero();
        }

        @Test
        @DisplayName("passing along one endorsement no more than the average endorsement's share, and the rest to the seeds")
        void capped() {
            // Two edges, so the cap is 0.85 / 2. Iteration 1: a's 0.85 for b is cut to 0.425, and the other
            // 0.425 returns to a with the restart 0.15. Iteration 2: b returns 0.85 of its 0.425 to a; a's
            // 0.85 * 0.575 for b is cut to 0.425 again. c holds nothing, so c -> d carries nothing.
            Map<AccountId, Double> scores = TrustGraph.score(List.of(A, B, C, D), Set.of(A),
                    List.of(up(A, B, 1), up(C, D, 1))).byAccount();
            assertThat(scores.get(A)).isCloseTo(4 * 0.575, within(TOLERANCE));
            assertThat(scores.get(B)).isCloseTo(4 * 0.425, within(TOLERANCE));
            assertThat(scores.get(C)).isZero();
            assertThat(scores.get(D)).isZero();
        }

        @Test
        @DisplayName("and ignores endorsements from or to non-members, of oneself, or of nothing")
        void ignored() {
            List<Endorsement> valid = List.of(up(A, B, 2), new Endorsement(B, C, 0, 3), up(C, A, 1));
            List<Endorsement> noisy = new ArrayList<>(valid);
            noisy.addAll(List.of(up(OUTSIDER, B, 50), up(A, OUTSIDER, 50), up(A, A, 50),
                    new Endorsement(B, B, 0, 9), new Endorsement(C, D, 0, 0)));
            Collections.rotate(noisy, 2);
            TrustGraph.Scores clean = TrustGraph.score(List.of(A, B, C, D), Set.of(A), valid);
            TrustGraph.Scores scored = TrustGraph.score(List.of(A, B, C, D), Set.of(A), noisy);
            assertThat(scored.edges()).isEqualTo(3);
            assertThat(scored.byAccount()).containsOnlyKeys(A, B, C, D);
            for (AccountId account : List.of(A, B, C, D)) {
                assertThat(scored.byAccount().get(account)).isCloseTo(clean.byAccount().get(account), within(TOLERANCE));
            }
        }

        @Test
        @DisplayName("weighing 100 up votes like 1 + log2(100), not like 100")
        void logWeight() {
            // a seeds and splits its trust between b and c by weight; b and c endorse no one.
            Map<AccountId, Double> scores = TrustGraph.score(List.of(A, B, C), Set.of(A),
                    List.of(up(A, B, 100), up(A, C, 1))).byAccount();
            assertThat(scores.get(B) / scores.get(C)).isCloseTo(1 + Math.log(100) / Math.log(2), within(TOLERANCE));
        }

        @Test
        @DisplayName("counting a reply as half an up vote")
        void repliesCountHalf() {
            Map<AccountId, Double> scores = TrustGraph.score(List.of(A, B, C), Set.of(A),
                    List.of(new Endorsement(A, B, 4, 8), new Endorsement(A, C, 0, 2))).byAccount();
            assertThat(scores.get(B) / scores.get(C)).isCloseTo(1 + 3, within(TOLERANCE));
        }
    }

    @Nested
    @DisplayName("runs ⌈log2 n⌉ power iterations")
    class Iterations {
        @ParameterizedTest(name = "{1} for {0} members")
        @CsvSource({"1, 1", "2, 1", "3, 2", "4, 2", "5, 3", "8, 3", "9, 4", "1024, 10", "1025, 11", "10000, 14"})
        @DisplayName("at least one")
        void count(int members, int iterations) {
            List<AccountId> accounts = IntStream.range(0, members).mapToObj(i -> AccountId.of("m" + i)).toList();
            assertThat(TrustGraph.score(accounts, Set.of(), List.of()).iterations()).isEqualTo(iterations);
        }
    }
}
