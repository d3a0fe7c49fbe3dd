package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.ActivityRecord;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.Interaction;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.trust.Activity;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Activity, trust levels, policies, scores and endorsements round-trip")
class TrustTableTest extends OnEveryDatabase {
    private static final long DAY = 20_574;

    private static CommunityId community() {
        return CommunityId.of(UUID.randomUUID().toString());
    }

    private static PostId thread() {
        return PostId.of(UUID.randomUUID().toString());
    }

    @Nested
    @DisplayName("Activity")
    class Activities {
        @Test
        @DisplayName("adds a day's counts, keeps a visit once made, and sums the days from the first day asked for")
        void days() {
            CommunityId community = community();
            AccountId member = Records.account();
            store().write(tx -> {
                tx.trust().addActivity(new ActivityRecord(community, member, DAY, true, 3, 60, 1, 0));
                tx.trust().addActivity(new ActivityRecord(community, member, DAY, false, 2, 30, 0, 4));
                tx.trust().addActivity(new ActivityRecord(community, member, DAY + 1, false, 5, 0, 0, 0));
                tx.trust().addActivity(new ActivityRecord(community, member, DAY + 2, true, 0, 0, 0, 0));
                tx.trust().addActivity(new ActivityRecord(community(), member, DAY, true, 100, 100, 100, 100));
                tx.trust().addActivity(new ActivityRecord(community, Records.account(), DAY, true, 100, 100, 100, 100));
                return null;
            });
            store().write(tx -> {
                tx.trust().addActivity(new ActivityRecord(community, member, DAY + 1, false, 1, 7, 2, 0));
                return null;
            });

            store().read(tx -> {
                assertThat(tx.trust().activity(community, member, Long.MIN_VALUE))
                        .isEqualTo(new Activity(2, 0, 11, Duration.ofSeconds(97), 3, 4, 0));
                assertThat(tx.trust().activity(community, member, DAY))
                        .isEqualTo(tx.trust().activity(community, member, Long.MIN_VALUE));
                assertThat(tx.trust().activity(community, member, DAY + 1))
                        .isEqualTo(new Activity(1, 0, 6, Duration.ofSeconds(7), 2, 0, 0));
                assertThat(tx.trust().activity(community, member, DAY + 3)).isEqualTo(Activity.NONE);
                assertThat(tx.trust().activity(community, Records.account(), Long.MIN_VALUE)).isEqualTo(Activity.NONE);
                return null;
            });
        }

        @Test
        @DisplayName("keeps the later day a thread was entered, and apart from it the later day it was replied in")
        void threads() {
            CommunityId community = community();
            AccountId member = Records.account();
            PostId early = thread();
            PostId late = thread();
            PostId repliedOnly = thread();
            PostId old = thread();
            store().write(tx -> {
                tx.trust().touchThread(community, member, old, DAY - 10, false);
                tx.trust().touchThread(community, member, early, DAY, false);
                tx.trust().touchThread(community, member, late, DAY + 5, false);
                tx.trust().touchThread(community, member, late, DAY + 1, false);
                tx.trust().touchThread(community, member, late, DAY + 2, true);
                tx.trust().touchThread(community, member, repliedOnly, DAY + 9, true);
                tx.trust().touchThread(community(), member, thread(), DAY + 9, false);
                return null;
            });
            store().write(tx -> {
                tx.trust().touchThread(community, member, early, DAY - 3, false);
                tx.trust().touchThread(community, member, late, DAY + 1, true);
                return null;
            });

            store().read(tx -> {
                var trust = tx.trust();
                assertThat(trust.activity(community, member, Long.MIN_VALUE)).isEqualTo(threads(3, 2));
                assertThat(trust.activity(community, member, DAY)).isEqualTo(threads(2, 2));
                assertThat(trust.activity(community, member, DAY + 1)).isEqualTo(threads(1, 2));
                assertThat(trust.activity(community, member, DAY + 3)).isEqualTo(threads(1, 1));
                assertThat(trust.activity(community, member, DAY + 6)).isEqualTo(threads(0, 1));
                assertThat(trust.activity(community, member, DAY + 10)).isEqualTo(Activity.NONE);
                return null;
            });
        }

        private static Activity threads(long entered, long replied) {
            return new Activity(0, entered, 0, Duration.ZERO, 0, 0, replied);
        }

        @Test
        @DisplayName("are refused to a read unit")
        void readOnly() {
            ActivityRecord visit = new ActivityRecord(community(), Records.account(), DAY, true, 0, 0, 0, 0);
            assertThatThrownBy(() -> store().read(tx -> {
                tx.trust().addActivity(visit);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }

    @Nested
    @DisplayName("Levels")
    class Levels {
        @Test
        @DisplayName("are stored, replaced, and found one by one or many at once")
        void roundTrip() {
            CommunityId community = community();
            AccountId basic = Records.account();
            AccountId leader = AccountId.of(Records.unique("Leader-") + " ");
            LevelRecord first = new LevelRecord(community, basic, TrustLevel.BASIC, false, T0);
            LevelRecord granted = new LevelRecord(community, leader, TrustLevel.LEADER, true, T0.plusNanos(1));
            LevelRecord risen = new LevelRecord(community, basic, TrustLevel.MEMBER, false, T0.plusSeconds(86_400));
            store().write(tx -> {
                tx.trust().putLevel(first);
                tx.trust().putLevel(granted);
                tx.trust().putLevel(new LevelRecord(community(), basic, TrustLevel.REGULAR, false, T0));
                return null;
            });
            var stored = store().read(tx -> tx.trust().level(community, basic));
            assertThat(stored).contains(first);

            store().write(tx -> {
                tx.trust().putLevel(risen);
                return null;
            });

            store().read(tx -> {
                assertThat(tx.trust().level(community, basic)).contains(risen);
                assertThat(tx.trust().level(community, leader)).contains(granted);
                assertThat(tx.trust().level(community, AccountId.of(leader.value().strip()))).isEmpty();
                assertThat(tx.trust().levels(community, List.of(basic, leader, Records.account(), basic)))
                        .containsOnly(Map.entry(basic, risen), Map.entry(leader, granted));
                assertThat(tx.trust().levels(community, List.of())).isEmpty();
                return null;
            });
        }
    }

    @Nested
    @DisplayName("Policies")
    class Policies {
        @Test
        @DisplayName("are absent until stored, then kept exactly, several kilobytes and Unicode included, and replaced")
        void roundTrip() {
            CommunityId community = community();
            String policy = ("reputation.upvote=10\nlevels.basic.postsRead=30\nnote=" + TableRoundTripTest.UNICODE + "\n")
                    .repeat(60);
            var absent = store().read(tx -> tx.trust().policy(community));
            assertThat(absent).isEmpty();

            store().write(tx -> {
                tx.trust().putPolicy(community, "reputation.upvote=5");
                tx.trust().putPolicy(community(), "other");
                return null;
            });
            var first = store().read(tx -> tx.trust().policy(community));
            store().write(tx -> {
                tx.trust().putPolicy(community, policy);
                return null;
            });
            var replaced = store().read(tx -> tx.trust().policy(community));

            assertThat(first).contains("reputation.upvote=5");
            assertThat(policy.length()).isGreaterThan(4_000);
            assertThat(replaced).contains(policy);
        }
    }

    @Nested
    @DisplayName("Trust scores")
    class Scores {
        @Test
        @DisplayName("are replaced as a whole per community, in batches, and found many at once")
        void replace() {
            CommunityId community = community();
            CommunityId other = community();
            AccountId gone = Records.account();
            AccountId kept = Records.account();
            Map<AccountId, Double> many = new HashMap<>();
            for (int i = 0; i < 2 * JdbcTrustTable.SCORE_BATCH + 7; i++) {
                many.put(AccountId.of("account-" + i), i / 3.0);
            }
            many.put(kept, Math.nextUp(1.0));
            store().write(tx -> {
                tx.trust().replaceScores(community, Map.of(gone, 2.5, kept, 0.5));
                tx.trust().replaceScores(other, Map.of(gone, 9.0));
                return null;
            });

            store().write(tx -> {
                tx.trust().replaceScores(community, many);
                return null;
            });

            List<AccountId> asked = new ArrayList<>(many.keySet());
            asked.add(gone);
            store().read(tx -> {
                assertThat(tx.trust().scores(community, asked)).isEqualTo(many);
                assertThat(tx.trust().scores(other, List.of(gone, kept))).containsOnly(Map.entry(gone, 9.0));
                return null;
            });
            store().write(tx -> {
                tx.trust().replaceScores(community, Map.of());
                return null;
            });
            var emptied = store().read(tx -> tx.trust().scores(community, asked));
            assertThat(emptied).isEmpty();
        }

        @Test
        @DisplayName("refuse a score that is not a finite number, naming no account and writing nothing")
        void notFinite() {
            CommunityId community = community();
            AccountId account = Records.account();
            store().write(tx -> {
                tx.trust().replaceScores(community, Map.of(account, 1.0));
                return null;
            });

            assertThatThrownBy(() -> store().write(tx -> {
                tx.trust().replaceScores(community, Map.of(account, Double.NaN));
                return null;
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(community.value())
                    .hasMessageNotContaining(account.value());
            var scores = store().read(tx -> tx.trust().scores(community, List.of(account)));
            assertThat(scores).containsOnly(Map.entry(account, 1.0));
        }
    }

    @Nested
    @DisplayName("Interactions")
    class Interactions {
        @Test
        @DisplayName("count every vote and reply of one community in one query, grouped by kind, counted and deleted posts")
        void count() {
            CommunityRecord community = Records.community();
            CommunityRecord elsewhere = Records.community();
            AccountId ann = Records.account();
            AccountId bob = Records.account();
            AccountId cy = Records.account();
            PostRecord annsThread = by(Records.root(community.id(), T0), ann);
            PostRecord annsOther = by(Records.root(community.id(), T0), ann);
            PostRecord bobsReply = by(Records.reply(annsThread, T0.plusSeconds(1)), bob);
            PostRecord bobsSecondReply = by(Records.reply(annsThread, T0.plusSeconds(2)), bob);
            PostRecord cysReplyToBob = by(Records.reply(bobsReply, T0.plusSeconds(3)), cy);
            PostRecord annsReplyToBob = by(Records.reply(bobsReply, T0.plusSeconds(4)), ann);
            PostRecord annsSelfReply = by(Records.reply(annsThread, T0.plusSeconds(5)), ann);
            PostRecord deletedReply = by(Records.reply(annsThread, T0.plusSeconds(6)), cy).asTombstone();
            PostRecord deletedThread = by(Records.root(community.id(), T0), cy).asTombstone();
            PostRecord replyToDeleted = by(Records.reply(deletedThread, T0.plusSeconds(7)), bob);
            PostRecord elsewhereThread = by(Records.root(elsewhere.id(), T0), ann);
            PostRecord elsewhereReply = by(Records.reply(elsewhereThread, T0.plusSeconds(1)), bob);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.communities().insert(elsewhere);
                for (PostRecord post : List.of(annsThread, annsOther, bobsReply, bobsSecondReply, cysReplyToBob,
                        annsReplyToBob, annsSelfReply, deletedReply, deletedThread, replyToDeleted, elsewhereThread,
                        elsewhereReply)) {
                    tx.posts().insert(post);
                }
                tx.votes().insert(up(annsThread, bob, true));
                tx.votes().insert(up(annsOther, bob, true));
                tx.votes().insert(up(annsThread, cy, false));
                tx.votes().insert(Records.vote(annsOther.id(), cy, Direction.DOWN));
                tx.votes().insert(up(bobsReply, ann, true));
                tx.votes().insert(up(annsThread, ann, true));
                tx.votes().insert(up(deletedThread, ann, true));
                tx.votes().insert(up(elsewhereThread, cy, true));
                return null;
            });

            List<Interaction> interactions = store().read(tx -> tx.trust().interactions(community.id()));

            assertThat(interactions).containsExactlyInAnyOrder(
                    Interaction.vote(bob, ann, Direction.UP, true, false, 2),
                    Interaction.vote(cy, ann, Direction.UP, false, false, 1),
                    Interaction.vote(cy, ann, Direction.DOWN, true, false, 1),
                    Interaction.vote(ann, bob, Direction.UP, true, false, 1),
                    Interaction.vote(ann, ann, Direction.UP, true, false, 1),
                    Interaction.vote(ann, cy, Direction.UP, true, true, 1),
                    Interaction.reply(bob, ann, false, false, 2),
                    Interaction.reply(cy, bob, false, false, 1),
                    Interaction.reply(ann, bob, false, false, 1),
                    Interaction.reply(ann, ann, false, false, 1),
                    Interaction.reply(cy, ann, true, false, 1),
                    Interaction.reply(bob, cy, false, true, 1));
            var none = store().read(tx -> tx.trust().interactions(community()));
            assertThat(none).isEmpty();
        }

        private static PostRecord by(PostRecord post, AccountId author) {
            return new PostRecord(post.id(), post.community(), post.thread(), post.parent(), post.depth(), post.author(),
                    author, post.title(), post.body(), post.link(), post.createdAt(), post.editedAt(), post.deleted(),
                    post.locked(), post.counters(), post.ranks());
        }

        private static VoteRecord up(PostRecord post, AccountId voter, boolean counted) {
            return new VoteRecord(post.id(), voter, PseudonymId.of(UUID.randomUUID().toString()), Direction.UP, counted, T0);
        }
    }
}
