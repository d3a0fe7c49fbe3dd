package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The reputation ledger and its totals round-trip")
class ReputationTableTest extends OnEveryDatabase {
    private static final long DAY = 20_574;

    private static CommunityId community() {
        return CommunityId.of(UUID.randomUUID().toString());
    }

    private static PseudonymId pseudonym() {
        return PseudonymId.of(UUID.randomUUID().toString());
    }

    private static PostId newPost() {
        return PostId.of(UUID.randomUUID().toString());
    }

    /** An entry of {@code kind} on {@code author}'s post by {@code voter}, at {@code at}, on {@link #DAY}. */
    private static LedgerEntry entry(CommunityId community, Voting voting, LedgerKind kind, int points, Instant at) {
        return new LedgerEntry(community, voting.author(), voting.authorAccount(), kind, points, voting.post(),
                voting.voterAccount(), voting.voter(), DAY, at);
    }

    /** Who votes on whose post. */
    private record Voting(PseudonymId author, AccountId authorAccount, PostId post, PseudonymId voter, AccountId voterAccount) {
        static Voting fresh() {
            return new Voting(pseudonym(), Records.account(), newPost(), pseudonym(), Records.account());
        }

        Voting onPost(PostId other) {
            return new Voting(author, authorAccount, other, voter, voterAccount);
        }

        Voting byVoter(PseudonymId otherVoter, AccountId otherAccount) {
            return new Voting(author, authorAccount, post, otherVoter, otherAccount);
        }
    }

    private void append(LedgerEntry... entries) {
        store().write(tx -> {
            for (LedgerEntry entry : entries) {
                tx.reputation().append(entry);
            }
            return null;
        });
    }

    @Nested
    @DisplayName("The ledger")
    class Ledger {
        @Test
        @DisplayName("sums what one account's vote on one post holds, over every kind and nothing else")
        void voteNet() {
            CommunityId community = community();
            Voting voting = Voting.fresh();
            append(entry(community, voting, LedgerKind.UPVOTE, 10, T0),
                    entry(community, voting, LedgerKind.REVERSAL, -10, T0.plusSeconds(1)),
                    entry(community, voting, LedgerKind.DOWNVOTE, -2, T0.plusSeconds(2)),
                    entry(community, voting.onPost(newPost()), LedgerKind.UPVOTE, 10, T0),
                    entry(community, voting.byVoter(pseudonym(), Records.account()), LedgerKind.UPVOTE, 7, T0));

            store().read(tx -> {
                assertThat(tx.reputation().voteNet(voting.post(), voting.voterAccount())).isEqualTo(-2);
                assertThat(tx.reputation().voteNet(voting.post(), Records.account())).isZero();
                assertThat(tx.reputation().voteNet(newPost(), voting.voterAccount())).isZero();
                return null;
            });
        }

        @Test
        @DisplayName("sums a day's up-vote gains of UPVOTE entries only, for one pseudonym in one community on one day")
        void upvoteGains() {
            CommunityId community = community();
            Voting voting = Voting.fresh();
            LedgerEntry up = entry(community, voting, LedgerKind.UPVOTE, 10, T0);
            LedgerEntry capped = entry(community, voting.onPost(newPost()), LedgerKind.UPVOTE, 3, T0);
            LedgerEntry nextDay = new LedgerEntry(community, voting.author(), voting.authorAccount(), LedgerKind.UPVOTE, 10,
                    voting.post(), voting.voterAccount(), voting.voter(), DAY + 1, T0.plus(Duration.ofDays(1)));
            append(up, capped, nextDay,
                    entry(community, voting, LedgerKind.REVERSAL, -10, T0),
                    entry(community, voting, LedgerKind.DOWNVOTE, -2, T0),
                    entry(community(), voting, LedgerKind.UPVOTE, 10, T0));

            store().read(tx -> {
                assertThat(tx.reputation().upvoteGains(community, voting.author(), DAY)).isEqualTo(13);
                assertThat(tx.reputation().upvoteGains(community, voting.author(), DAY + 1)).isEqualTo(10);
                assertThat(tx.reputation().upvoteGains(community, voting.author(), DAY - 1)).isZero();
                assertThat(tx.reputation().upvoteGains(community, voting.voter(), DAY)).isZero();
                return null;
            });
        }

        @Test
        @DisplayName("counts vote entries from the instant given on, inclusive, leaving out reversals, others and other communities")
        void votesSince() {
            CommunityId community = community();
            Voting voting = Voting.fresh();
            Instant since = T0.plusSeconds(60);
            AccountId spaced = AccountId.of(voting.voterAccount().value() + " ");
            append(entry(community, voting, LedgerKind.UPVOTE, 10, since.minusNanos(1)),
                    entry(community, voting, LedgerKind.UPVOTE, 10, since),
                    entry(community, voting, LedgerKind.SERIAL_VOTE, 0, since.plusSeconds(1)),
                    entry(community, voting, LedgerKind.UNTRUSTED_VOTE, 0, since.plusSeconds(2)),
                    entry(community, voting, LedgerKind.DOWNVOTE, -2, since.plusSeconds(3)),
                    entry(community, voting, LedgerKind.REVERSAL, -10, since.plusSeconds(4)),
                    entry(community(), voting, LedgerKind.UPVOTE, 10, since.plusSeconds(5)),
                    entry(community, voting.byVoter(voting.voter(), spaced), LedgerKind.UPVOTE, 10, since.plusSeconds(6)));

            store().read(tx -> {
                var ledger = tx.reputation();
                assertThat(ledger.votesSince(community, voting.voterAccount(), voting.authorAccount(), since)).isEqualTo(4);
                assertThat(ledger.votesSince(community, voting.voterAccount(), voting.authorAccount(), since.plusNanos(1)))
                        .isEqualTo(3);
                assertThat(ledger.votesSince(community, voting.voterAccount(), voting.authorAccount(), T0)).isEqualTo(5);
                assertThat(ledger.votesSince(community, spaced, voting.authorAccount(), T0)).isEqualTo(1);
                assertThat(ledger.votesSince(community, voting.authorAccount(), voting.voterAccount(), T0)).isZero();
                return null;
            });
        }

        @Test
        @DisplayName("recounts a pseudonym's entries in one community, however many and of whatever kind")
        void recount() {
            CommunityId community = community();
            Voting voting = Voting.fresh();
            List<LedgerEntry> entries = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                entries.add(entry(community, voting.onPost(newPost()), i % 3 == 0 ? LedgerKind.DOWNVOTE : LedgerKind.UPVOTE,
                        i % 3 == 0 ? -2 : 10, T0.plusSeconds(i)));
            }
            entries.add(entry(community(), voting, LedgerKind.UPVOTE, 1_000, T0));
            append(entries.toArray(LedgerEntry[]::new));

            long recount = store().read(tx -> tx.reputation().recount(community, voting.author()));

            assertThat(recount).isEqualTo(20 * 10 - 10 * 2);
            long none = store().read(tx -> tx.reputation().recount(community, voting.voter()));
            assertThat(none).isZero();
        }

        @Test
        @DisplayName("refuses an instant it cannot keep, and refuses to append in a read unit")
        void refusals() {
            LedgerEntry tooLate = entry(community(), Voting.fresh(), LedgerKind.UPVOTE, 10, EpochNanos.MAX.plusNanos(1));
            assertThatThrownBy(() -> append(tooLate)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2262-04-11");
            LedgerEntry fine = entry(community(), Voting.fresh(), LedgerKind.UPVOTE, 10, T0);
            assertThatThrownBy(() -> store().read(tx -> {
                tx.reputation().append(fine);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }

    @Nested
    @DisplayName("Totals")
    class Totals {
        @Test
        @DisplayName("start at 0, add in the database and return the new total, down as well as up, per community")
        void addToTotal() {
            CommunityId community = community();
            CommunityId other = community();
            PseudonymId member = pseudonym();

            List<Long> returned = store().write(tx -> List.of(
                    tx.reputation().addToTotal(community, member, 10),
                    tx.reputation().addToTotal(community, member, -2),
                    tx.reputation().total(community, member),
                    tx.reputation().addToTotal(other, member, 0)));
            long later = store().write(tx -> tx.reputation().addToTotal(community, member, 5_000_000_000L));

            assertThat(returned).containsExactly(10L, 8L, 8L, 0L);
            assertThat(later).isEqualTo(5_000_000_008L);
            store().read(tx -> {
                assertThat(tx.reputation().total(community, member)).isEqualTo(5_000_000_008L);
                assertThat(tx.reputation().total(other, member)).isZero();
                assertThat(tx.reputation().total(community, pseudonym())).isZero();
                assertThat(tx.reputation().totalAcross(member)).isEqualTo(5_000_000_008L);
                assertThat(tx.reputation().totalAcross(pseudonym())).isZero();
                return null;
            });
        }

        @Test
        @DisplayName("sum across every community of the pseudonym and no other")
        void totalAcross() {
            PseudonymId member = pseudonym();
            store().write(tx -> {
                tx.reputation().addToTotal(community(), member, 10);
                tx.reputation().addToTotal(community(), member, -30);
                tx.reputation().addToTotal(community(), member, 7);
                tx.reputation().addToTotal(community(), pseudonym(), 1_000);
                return null;
            });

            long across = store().read(tx -> tx.reputation().totalAcross(member));

            assertThat(across).isEqualTo(-13);
        }

        @Test
        @DisplayName("are refused to a read unit")
        void readOnly() {
            assertThatThrownBy(() -> store().read(tx -> tx.reputation().addToTotal(community(), pseudonym(), 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }

    @Nested
    @DisplayName("The leaderboard")
    class Leaderboard {
        @Test
        @DisplayName("orders by points descending, then by pseudonym id, and pages by keyset with no gap or repeat")
        void pages() {
            CommunityId community = community();
            List<ReputationTotal> totals = new ArrayList<>();
            long[] points = {50, 10, 10, 10, 0, -4, 10, 50, 3, -4, 0, 10};
            for (long value : points) {
                totals.add(new ReputationTotal(pseudonym(), value));
            }
            store().write(tx -> {
                for (ReputationTotal total : totals) {
                    tx.reputation().addToTotal(community, total.pseudonym(), total.points());
                }
                tx.reputation().addToTotal(community(), pseudonym(), 1_000);
                return null;
            });
            List<ReputationTotal> expected = totals.stream()
                    .sorted(Comparator.comparingLong(ReputationTotal::points).reversed()
                            .thenComparing(ReputationTotal::pseudonym))
                    .toList();

            for (int size = 1; size <= 5; size++) {
                List<ReputationTotal> walked = new ArrayList<>();
                ReputationTotal after = null;
                for (int page = 0; page <= points.length; page++) {
                    ReputationTotal from = after;
                    int limit = size;
                    List<ReputationTotal> found = store().read(tx -> tx.reputation().leaderboard(community, from, limit));
                    assertThat(found).hasSizeLessThanOrEqualTo(size);
                    walked.addAll(found);
                    if (found.size() < size) {
                        break;
                    }
                    after = found.get(found.size() - 1);
                }
                assertThat(walked).as("pages of %d", size).containsExactlyElementsOf(expected);
            }
        }

        @Test
        @DisplayName("starts strictly after a position no row holds, and refuses a limit below 1")
        void between() {
            CommunityId community = community();
            PseudonymId low = PseudonymId.of("00000000-0000-4000-8000-000000000000");
            PseudonymId high = PseudonymId.of("ffffffff-ffff-4fff-bfff-ffffffffffff");
            store().write(tx -> {
                tx.reputation().addToTotal(community, low, 20);
                tx.reputation().addToTotal(community, high, 20);
                tx.reputation().addToTotal(community, pseudonym(), 5);
                return null;
            });

            store().read(tx -> {
                var board = tx.reputation();
                assertThat(board.leaderboard(community, new ReputationTotal(low, 21), 1))
                        .containsExactly(new ReputationTotal(low, 20));
                assertThat(board.leaderboard(community, new ReputationTotal(low, 20), 1))
                        .containsExactly(new ReputationTotal(high, 20));
                assertThat(board.leaderboard(community, new ReputationTotal(high, 6), 5)).hasSize(1)
                        .allSatisfy(total -> assertThat(total.points()).isEqualTo(5));
                assertThat(board.leaderboard(community(), null, 5)).isEmpty();
                return null;
            });
            assertThatThrownBy(() -> store().read(tx -> tx.reputation().leaderboard(community, null, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Serial votes")
    class SerialVotes {
        @Test
        @DisplayName("group SERIAL_VOTE entries by voter and author with their count and latest instant, in id order, paged")
        void pairs() {
            CommunityId community = community();
            List<SerialPair> expected = new ArrayList<>();
            List<LedgerEntry> entries = new ArrayList<>();
            PseudonymId sharedVoter = pseudonym();
            for (int pair = 0; pair < 7; pair++) {
                Voting voting = Voting.fresh();
                if (pair < 3) {
                    voting = voting.byVoter(sharedVoter, voting.voterAccount());
                }
                int votes = pair + 1;
                Instant last = T0;
                for (int vote = 0; vote < votes; vote++) {
                    Instant at = T0.plusSeconds(vote * 7L % 5).plusNanos(pair);
                    last = at.isAfter(last) ? at : last;
                    entries.add(entry(community, voting.onPost(newPost()), LedgerKind.SERIAL_VOTE, 0, at));
                }
                entries.add(entry(community, voting, LedgerKind.UPVOTE, 10, T0.plusSeconds(100)));
                entries.add(entry(community(), voting, LedgerKind.SERIAL_VOTE, 0, T0.plusSeconds(100)));
                expected.add(new SerialPair(voting.voter(), voting.author(), votes, last));
            }
            entries.add(entry(community, Voting.fresh(), LedgerKind.UNTRUSTED_VOTE, 0, T0));
            append(entries.toArray(LedgerEntry[]::new));
            expected.sort(Comparator.comparing(SerialPair::voter).thenComparing(SerialPair::author));

            List<SerialPair> walked = new ArrayList<>();
            SerialPair after = null;
            for (int page = 0; page < 10; page++) {
                SerialPair from = after;
                List<SerialPair> found = store().read(tx -> tx.reputation().serialPairs(community, from, 2));
                walked.addAll(found);
                if (found.size() < 2) {
                    break;
                }
                after = found.get(found.size() - 1);
            }

            assertThat(walked).containsExactlyElementsOf(expected);
            var all = store().read(tx -> tx.reputation().serialPairs(community, null, 100));
            assertThat(all).containsExactlyElementsOf(expected);
            var none = store().read(tx -> tx.reputation().serialPairs(community(), null, 100));
            assertThat(none).isEmpty();
        }
    }
}
