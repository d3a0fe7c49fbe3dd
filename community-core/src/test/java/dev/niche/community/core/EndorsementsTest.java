package dev.niche.community.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.spi.Endorsement;
import dev.niche.community.spi.Interaction;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.vote.Direction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Endorsements: what the trust score counts, decided in core from the store's interactions")
class EndorsementsTest {
    private static final AccountId ANN = AccountId.of("ann");
    private static final AccountId BOB = AccountId.of("bob");
    private static final CommunityId HERE = CommunityId.of("00000000-0000-7000-8000-000000000001");

    @Nested
    @DisplayName("the rule")
    class Rule {
        @Test
        @DisplayName("counted up votes on posts that are not deleted endorse, summed over every row of the pair")
        void countedUpVotes() {
            assertThat(Endorsements.of(List.of(
                    Interaction.vote(ANN, BOB, Direction.UP, true, false, 2),
                    Interaction.vote(ANN, BOB, Direction.UP, true, false, 3))))
                    .containsExactly(new Endorsement(ANN, BOB, 5, 0));
        }

        @Test
        @DisplayName("down votes, uncounted up votes and votes on deleted posts endorse nobody")
        void votesThatDoNotEndorse() {
            assertThat(Endorsements.of(List.of(
                    Interaction.vote(ANN, BOB, Direction.DOWN, true, false, 4),
                    Interaction.vote(ANN, BOB, Direction.UP, false, false, 4),
                    Interaction.vote(ANN, BOB, Direction.UP, true, true, 4)))).isEmpty();
        }

        @Test
        @DisplayName("replies endorse the parent's author unless the reply or the parent is deleted")
        void replies() {
            assertThat(Endorsements.of(List.of(
                    Interaction.reply(BOB, ANN, false, false, 2),
                    Interaction.reply(BOB, ANN, true, false, 7),
                    Interaction.reply(BOB, ANN, false, true, 7),
                    Interaction.vote(BOB, ANN, Direction.UP, true, false, 1))))
                    .containsExactly(new Endorsement(BOB, ANN, 1, 2));
        }

        @Test
        @DisplayName("nobody endorses their own account, by vote or by reply")
        void noSelfEndorsement() {
            assertThat(Endorsements.of(List.of(
                    Interaction.vote(ANN, ANN, Direction.UP, true, false, 9),
                    Interaction.reply(ANN, ANN, false, false, 9)))).isEmpty();
        }

        @Test
        @DisplayName("each direction of a pair is its own endorsement")
        void directions() {
            assertThat(Endorsements.of(List.of(
                    Interaction.vote(ANN, BOB, Direction.UP, true, false, 1),
                    Interaction.reply(BOB, ANN, false, false, 1))))
                    .containsExactlyInAnyOrder(new Endorsement(ANN, BOB, 1, 0), new Endorsement(BOB, ANN, 0, 1));
        }
    }

    @Nested
    @DisplayName("a store written before 0.2")
    class OlderStores {
        @Test
        @DisplayName("one that implements only endorsements gets exactly its own endorsements back through interactions")
        void endorsementsOnly() {
            List<Endorsement> own = List.of(new Endorsement(ANN, BOB, 3, 0), new Endorsement(BOB, ANN, 2, 5));
            TrustTable older = table((proxy, method, args) -> {
                if (method.getName().equals("endorsements")) {
                    return own;
                }
                return InvocationHandler.invokeDefault(proxy, method, args);
            });

            assertThat(Endorsements.of(older.interactions(HERE))).containsExactlyInAnyOrderElementsOf(own);
        }

        @Test
        @DisplayName("one that implements neither is told which method to implement")
        void neither() {
            TrustTable neither = table(InvocationHandler::invokeDefault);

            assertThatThrownBy(() -> neither.interactions(HERE))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("implement interactions");
        }

        private TrustTable table(InvocationHandler handler) {
            return (TrustTable) Proxy.newProxyInstance(TrustTable.class.getClassLoader(),
                    new Class<?>[] {TrustTable.class}, handler);
        }
    }
}
