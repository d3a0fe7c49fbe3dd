package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.AccountId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Every table operation round-trips")
class TableRoundTripTest extends OnEveryDatabase {
    /** Emoji, a combining mark, right-to-left text, a supplementary CJK character and SQL's own specials. */
    static final String UNICODE = "Crème brûlée 🍮👩‍👩‍👧 e\u0301 שלום עולם 𠜎 '\"%_\\ end";

    @Nested
    @DisplayName("Pseudonyms")
    class Pseudonyms {
        @Test
        @DisplayName("are found by id, by handle in any case, by ids and by account, oldest first")
        void roundTrip() {
            AccountId account = Records.account();
            PseudonymRecord second = Records.pseudonym(account, Records.unique("Zed"), T0.plusNanos(1));
            PseudonymRecord first = Records.pseudonym(account, Records.unique("Amy"), T0);
            store().write(tx -> {
                tx.pseudonyms().insert(second);
                tx.pseudonyms().insert(first);
                return null;
            });

            store().read(tx -> {
                assertThat(tx.pseudonyms().byId(first.id())).contains(first);
                assertThat(tx.pseudonyms().byHandle(first.handle().toUpperCase(Locale.ROOT))).contains(first);
                assertThat(tx.pseudonyms().byIds(List.of(first.id(), second.id(), PseudonymId.of(UUID.randomUUID().toString()))))
                        .containsOnlyKeys(first.id(), second.id())
                        .containsEntry(second.id(), second);
                assertThat(tx.pseudonyms().byAccount(account)).containsExactly(first, second);
                assertThat(tx.pseudonyms().byAccount(Records.account())).isEmpty();
                return null;
            });
        }

        @Test
        @DisplayName("keep an account id exactly, trailing space and case included")
        void accountIdsAreExact() {
            AccountId plain = AccountId.of(Records.unique("Acct"));
            AccountId spaced = AccountId.of(plain.value() + " ");
            AccountId lower = AccountId.of(plain.value().toLowerCase(Locale.ROOT));
            PseudonymRecord ofPlain = Records.pseudonym(plain);
            PseudonymRecord ofSpaced = Records.pseudonym(spaced);
            store().write(tx -> {
                tx.pseudonyms().insert(ofPlain);
                tx.pseudonyms().insert(ofSpaced);
                return null;
            });

            store().read(tx -> {
                assertThat(tx.pseudonyms().byAccount(plain)).containsExactly(ofPlain);
                assertThat(tx.pseudonyms().byAccount(spaced)).containsExactly(ofSpaced);
                assertThat(tx.pseudonyms().byAccount(lower)).isEmpty();
                return null;
            });
        }
    }

    @Nested
    @DisplayName("Communities")
    class Communities {
        @Test
        @DisplayName("keep every field, tags and rules in order, Unicode exactly")
        void roundTrip() {
            CommunityRecord community = new CommunityRecord(Records.community().id(), Records.unique("slug-"),
                    UNICODE, UNICODE + "\nsecond line\twith a tab", List.of("zeta", "alpha", "zeta"),
                    List.of(UNICODE, "[\"not\", \"json\"]", "", "line\nbreak"), Visibility.RESTRICTED,
                    JoinPolicy.INVITE_ONLY, true, 7, T0, T0.plusSeconds(1).plusNanos(1));
            store().write(tx -> {
                tx.communities().insert(community);
                return null;
            });

            var byId = store().read(tx -> tx.communities().byId(community.id()));
            assertThat(byId).contains(community);
            var bySlug = store().read(tx -> tx.communities().bySlug(community.slug()));
            assertThat(bySlug).contains(community);
            var byOtherCase = store().read(tx -> tx.communities().bySlug(community.slug().toUpperCase(Locale.ROOT)));
            assertThat(byOtherCase)
                    .isEmpty();
        }

        @Test
        @DisplayName("update every field except id, slug, createdAt and memberCount")
        void update() {
            CommunityRecord original = Records.community();
            store().write(tx -> {
                tx.communities().insert(original);
                tx.communities().addToMemberCount(original.id(), 3);
                return null;
            });
            CommunityRecord changed = new CommunityRecord(original.id(), "ignored-slug", "New title", "New description",
                    List.of("new-tag"), List.of("One rule"), Visibility.PRIVATE, JoinPolicy.APPROVAL, true, 99,
                    T0.minusSeconds(60), T0.plusSeconds(60));

            store().write(tx -> {
                tx.communities().update(changed);
                return null;
            });

            CommunityRecord expected = new CommunityRecord(original.id(), original.slug(), "New title", "New description",
                    List.of("new-tag"), List.of("One rule"), Visibility.PRIVATE, JoinPolicy.APPROVAL, true, 3,
                    original.createdAt(), T0.plusSeconds(60));
            var updated = store().read(tx -> tx.communities().byId(original.id()));
            assertThat(updated).contains(expected);
        }

        @Test
        @DisplayName("refuse to update or count a community that does not exist")
        void missing() {
            CommunityRecord ghost = Records.community();
            assertThatThrownBy(() -> store().write(tx -> {
                tx.communities().update(ghost);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining(ghost.id().value());
            assertThatThrownBy(() -> store().write(tx -> {
                tx.communities().addToMemberCount(ghost.id(), 1);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining(ghost.id().value());
        }

        @Test
        @DisplayName("add to the member count, down as well as up")
        void memberCount() {
            CommunityRecord community = Records.community();
            store().write(tx -> {
                tx.communities().insert(community);
                tx.communities().addToMemberCount(community.id(), 5);
                tx.communities().addToMemberCount(community.id(), -2);
                return null;
            });
            int memberCount = store().read(tx -> tx.communities().byId(community.id())).orElseThrow().memberCount();
            assertThat(memberCount).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("Memberships")
    class Memberships {
        @Test
        @DisplayName("are found by account and by pseudonym, and updated in place")
        void roundTrip() {
            CommunityRecord community = Records.community();
            AccountId account = Records.account();
            PseudonymId pseudonym = PseudonymId.of(UUID.randomUUID().toString());
            MembershipRecord pending = Records.membership(community.id(), account, pseudonym, MemberState.PENDING, T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.memberships().insert(pending);
                return null;
            });
            var byAccount = store().read(tx -> tx.memberships().find(community.id(), account));
            assertThat(byAccount).contains(pending);
            var byPseudonym = store().read(tx -> tx.memberships().findByPseudonym(community.id(), pseudonym));
            assertThat(byPseudonym).contains(pending);

            PseudonymId other = PseudonymId.of(UUID.randomUUID().toString());
            MembershipRecord active = new MembershipRecord(community.id(), account, other, Role.MODERATOR,
                    MemberState.ACTIVE, T0.plusNanos(5));
            store().write(tx -> {
                tx.memberships().update(active);
                return null;
            });

            store().read(tx -> {
                assertThat(tx.memberships().find(community.id(), account)).contains(active);
                assertThat(tx.memberships().findByPseudonym(community.id(), pseudonym)).isEmpty();
                assertThat(tx.memberships().findByPseudonym(community.id(), other)).contains(active);
                assertThat(tx.memberships().find(community.id(), Records.account())).isEmpty();
                return null;
            });
        }

        @Test
        @DisplayName("list the communities where an account holds a membership in a given state")
        void communitiesOf() {
            AccountId account = Records.account();
            CommunityRecord active = Records.community();
            CommunityRecord banned = Records.community();
            store().write(tx -> {
                tx.communities().insert(active);
                tx.communities().insert(banned);
                PseudonymId pseudonym = PseudonymId.of(UUID.randomUUID().toString());
                tx.memberships().insert(Records.membership(active.id(), account, pseudonym, MemberState.ACTIVE, T0));
                tx.memberships().insert(Records.membership(banned.id(), account, pseudonym, MemberState.BANNED, T0));
                return null;
            });
            store().read(tx -> {
                assertThat(tx.memberships().communitiesOf(account, MemberState.ACTIVE)).containsExactly(active.id());
                assertThat(tx.memberships().communitiesOf(account, MemberState.BANNED)).containsExactly(banned.id());
                assertThat(tx.memberships().communitiesOf(account, MemberState.LEFT)).isEmpty();
                return null;
            });
        }

        @Test
        @DisplayName("refuse to update a membership that does not exist, without naming the account")
        void missing() {
            AccountId account = AccountId.of("secret-account-" + UUID.randomUUID());
            MembershipRecord ghost = Records.membership(Records.community().id(), account,
                    PseudonymId.of(UUID.randomUUID().toString()), MemberState.ACTIVE, T0);
            assertThatThrownBy(() -> store().write(tx -> {
                tx.memberships().update(ghost);
                return null;
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ghost.community().value())
                    .hasMessageNotContaining(account.value());
        }
    }

    @Nested
    @DisplayName("Invites")
    class Invites {
        @Test
        @DisplayName("are found by id and by exact code, revoked, and used up to their limit")
        void roundTrip() {
            CommunityRecord community = Records.community();
            InviteRecord invite = Records.invite(community.id(), Records.unique("Code-"), 2);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.invites().insert(invite);
                return null;
            });
            store().read(tx -> {
                assertThat(tx.invites().byId(invite.id())).contains(invite);
                assertThat(tx.invites().byCode(invite.code())).contains(invite);
                assertThat(tx.invites().byCode(invite.code().toLowerCase(Locale.ROOT))).isEmpty();
                assertThat(tx.invites().byCode(invite.code() + " ")).isEmpty();
                return null;
            });

            List<Boolean> uses = store().write(tx -> List.of(
                    tx.invites().use(invite.id(), 2), tx.invites().use(invite.id(), 2), tx.invites().use(invite.id(), 2)));
            store().write(tx -> {
                tx.invites().revoke(invite.id());
                tx.invites().revoke(invite.id());
                return null;
            });

            assertThat(uses).containsExactly(true, true, false);
            InviteRecord stored = store().read(tx -> tx.invites().byId(invite.id())).orElseThrow();
            assertThat(stored.uses()).isEqualTo(2);
            assertThat(stored.revoked()).isTrue();
        }

        @Test
        @DisplayName("refuse to revoke an invite that does not exist")
        void missing() {
            InviteId ghost = InviteId.of(UUID.randomUUID().toString());
            assertThatThrownBy(() -> store().write(tx -> {
                tx.invites().revoke(ghost);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining(ghost.value());
            var used = store().write(tx -> tx.invites().use(ghost, 5));
            assertThat(used).isFalse();
        }
    }

    @Nested
    @DisplayName("Posts")
    class Posts {
        @Test
        @DisplayName("keep every field, Unicode, nanoseconds and every bit of the rank keys exactly, and are found by ids")
        void roundTrip() {
            CommunityRecord community = Records.community();
            PostRecord base = Records.root(community.id(), T0);
            PostRecord root = new PostRecord(base.id(), base.community(), base.id(), null, 0, base.author(),
                    base.authorAccount(), UNICODE, UNICODE.repeat(2_000), "https://example.com/" + UNICODE, T0,
                    T0.plusNanos(999_999_999), false, true, new PostCounters(4, 3, 2, 1),
                    new Ranks(Math.nextUp(13_017.123456789), 0.1 + 0.2, Double.MIN_VALUE));
            PostRecord reply = Records.reply(root, T0.plusNanos(1));
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(root);
                tx.posts().insert(reply);
                return null;
            });

            store().read(tx -> {
                assertThat(tx.posts().byId(root.id())).contains(root);
                assertThat(tx.posts().byId(reply.id())).contains(reply);
                assertThat(tx.posts().byIds(List.of(root.id(), reply.id(), PostId.of(UUID.randomUUID().toString()))))
                        .containsOnlyKeys(root.id(), reply.id())
                        .containsEntry(reply.id(), reply);
                return null;
            });
        }

        @Test
        @DisplayName("update texts, edit time and flags but never the counters")
        void update() {
            CommunityRecord community = Records.community();
            PostRecord root = Records.root(community.id(), T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(root);
                tx.posts().addVotes(root.id(), 2, 1);
                return null;
            });
            PostRecord edited = root.withText("New title", UNICODE, null, T0.plusSeconds(5))
                    .withLocked(true)
                    .withCounters(new PostCounters(100, 100, 100, 100));

            store().write(tx -> {
                tx.posts().update(edited);
                return null;
            });

            var afterEdit = store().read(tx -> tx.posts().byId(root.id()));
            assertThat(afterEdit)
                    .contains(edited.withCounters(new PostCounters(2, 1, 0, 0)));
            store().write(tx -> {
                tx.posts().update(edited.asTombstone());
                return null;
            });
            PostRecord tombstone = store().read(tx -> tx.posts().byId(root.id())).orElseThrow();
            assertThat(tombstone.deleted()).isTrue();
            assertThat(tombstone.title()).isEmpty();
            assertThat(tombstone.body()).isEmpty();
            assertThat(tombstone.link()).isNull();
        }

        @Test
        @DisplayName("replace the rank keys exactly, and nothing else, and refuse a post that does not exist")
        void setRanks() {
            CommunityRecord community = Records.community();
            PostRecord root = Records.root(community.id(), T0);
            Ranks ranks = new Ranks(-6543.210987654321, 1 - Math.ulp(1d), Math.nextDown(1024d));
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(root);
                tx.posts().addVotes(root.id(), 3, 1);
                tx.posts().setRanks(root.id(), ranks);
                return null;
            });

            PostRecord stored = store().read(tx -> tx.posts().byId(root.id())).orElseThrow();

            assertThat(stored).isEqualTo(root.withCounters(new PostCounters(3, 1, 0, 0)).withRanks(ranks));
            PostId ghost = PostId.of(UUID.randomUUID().toString());
            assertThatThrownBy(() -> store().write(tx -> {
                tx.posts().setRanks(ghost, ranks);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining(ghost.value());
        }

        @Test
        @DisplayName("add votes and return the counters after the addition")
        void addVotes() {
            CommunityRecord community = Records.community();
            PostRecord root = Records.root(community.id(), T0);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(root);
                return null;
            });

            PostCounters first = store().write(tx -> tx.posts().addVotes(root.id(), 1, 0));
            PostCounters second = store().write(tx -> tx.posts().addVotes(root.id(), -1, 2));

            assertThat(first).isEqualTo(new PostCounters(1, 0, 0, 0));
            assertThat(second).isEqualTo(new PostCounters(0, 2, 0, 0));
            assertThatThrownBy(() -> store().write(tx -> tx.posts().addVotes(PostId.of(UUID.randomUUID().toString()), 1, 0)))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("count a reply on its parent and on the thread root, once each when they are the same post")
        void addReply() {
            CommunityRecord community = Records.community();
            PostRecord root = Records.root(community.id(), T0);
            PostRecord child = Records.reply(root, T0.plusSeconds(1));
            PostRecord grandchild = Records.reply(child, T0.plusSeconds(2));
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(root);
                tx.posts().insert(child);
                tx.posts().addReply(root.id(), root.id());
                tx.posts().insert(grandchild);
                tx.posts().addReply(child.id(), root.id());
                return null;
            });

            store().read(tx -> {
                assertThat(tx.posts().byId(root.id()).orElseThrow().counters()).isEqualTo(new PostCounters(0, 0, 1, 2));
                assertThat(tx.posts().byId(child.id()).orElseThrow().counters()).isEqualTo(new PostCounters(0, 0, 1, 0));
                return null;
            });
            assertThatThrownBy(() -> store().write(tx -> {
                tx.posts().addReply(root.id(), PostId.of(UUID.randomUUID().toString()));
                return null;
            })).isInstanceOf(IllegalStateException.class);
            int replyCount = store().read(tx -> tx.posts().byId(root.id())).orElseThrow().counters().replyCount();
            assertThat(replyCount).as("the failed unit of work counted nothing").isEqualTo(1);
        }

        @Test
        @DisplayName("keep instants at both ends of the supported range and refuse those beyond it")
        void instantRange() {
            CommunityRecord community = Records.community();
            PostRecord oldest = Records.root(community.id(), EpochNanos.MIN);
            PostRecord newest = Records.root(community.id(), EpochNanos.MAX);
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(oldest);
                tx.posts().insert(newest);
                return null;
            });
            var storedOldest = store().read(tx -> tx.posts().byId(oldest.id()));
            assertThat(storedOldest).contains(oldest);
            var storedNewest = store().read(tx -> tx.posts().byId(newest.id()));
            assertThat(storedNewest).contains(newest);

            PostRecord tooLate = Records.root(community.id(), EpochNanos.MAX.plusNanos(1));
            assertThatThrownBy(() -> store().write(tx -> {
                tx.posts().insert(tooLate);
                return null;
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2262-04-11");
        }
    }

    @Nested
    @DisplayName("Votes")
    class Votes {
        @Test
        @DisplayName("are found, updated, tallied when counted, listed for an account and deleted")
        void roundTrip() {
            CommunityRecord community = Records.community();
            PostRecord first = Records.root(community.id(), T0);
            PostRecord second = Records.root(community.id(), T0);
            AccountId voter = Records.account();
            VoteRecord up = Records.vote(first.id(), voter, Direction.UP);
            VoteRecord uncounted = new VoteRecord(second.id(), voter, up.voter(), Direction.DOWN, false, T0.plusNanos(3));
            List<VoteRecord> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(Records.vote(first.id(), Records.account(), i == 0 ? Direction.UP : Direction.DOWN));
            }
            store().write(tx -> {
                tx.communities().insert(community);
                tx.posts().insert(first);
                tx.posts().insert(second);
                tx.votes().insert(up);
                tx.votes().insert(uncounted);
                others.forEach(tx.votes()::insert);
                return null;
            });

            store().read(tx -> {
                assertThat(tx.votes().find(first.id(), voter)).contains(up);
                assertThat(tx.votes().ofAccount(voter, List.of(first.id(), second.id(), PostId.of(UUID.randomUUID().toString()))))
                        .containsOnlyKeys(first.id(), second.id())
                        .containsEntry(second.id(), uncounted);
                assertThat(tx.votes().tally(first.id())).isEqualTo(new VoteTally(2, 2));
                assertThat(tx.votes().tally(second.id())).isEqualTo(new VoteTally(0, 0));
                return null;
            });

            VoteRecord down = new VoteRecord(first.id(), voter, PseudonymId.of(UUID.randomUUID().toString()),
                    Direction.DOWN, true, T0.plusSeconds(9));
            store().write(tx -> {
                tx.votes().update(down);
                return null;
            });
            var changed = store().read(tx -> tx.votes().find(first.id(), voter));
            assertThat(changed).contains(down);
            var tally = store().read(tx -> tx.votes().tally(first.id()));
            assertThat(tally).isEqualTo(new VoteTally(1, 3));

            var deleted = store().write(tx -> tx.votes().delete(first.id(), voter));
            assertThat(deleted).isTrue();
            var deletedAgain = store().write(tx -> tx.votes().delete(first.id(), voter));
            assertThat(deletedAgain).isFalse();
            var gone = store().read(tx -> tx.votes().find(first.id(), voter));
            assertThat(gone).isEmpty();
        }

        @Test
        @DisplayName("refuse to update a vote that does not exist, without naming the account")
        void missing() {
            AccountId account = AccountId.of("secret-account-" + UUID.randomUUID());
            VoteRecord ghost = Records.vote(PostId.of(UUID.randomUUID().toString()), account, Direction.UP);
            assertThatThrownBy(() -> store().write(tx -> {
                tx.votes().update(ghost);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(account.value());
            var noVotes = store().read(tx -> tx.votes().ofAccount(account, List.of()));
            assertThat(noVotes).isEmpty();
        }
    }

    @Test
    @DisplayName("a lookup that finds nothing answers empty")
    void absent() {
        store().read(tx -> {
            assertThat(tx.pseudonyms().byId(PseudonymId.of(UUID.randomUUID().toString()))).isEmpty();
            assertThat(tx.pseudonyms().byHandle("nobody-" + UUID.randomUUID())).isEmpty();
            assertThat(tx.communities().bySlug("no-such-slug")).isEqualTo(Optional.empty());
            assertThat(tx.posts().byIds(List.of())).isEmpty();
            assertThat(tx.invites().byCode("no-such-code")).isEmpty();
            return null;
        });
    }
}
