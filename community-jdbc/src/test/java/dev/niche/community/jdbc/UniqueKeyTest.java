package dev.niche.community.jdbc;

import static dev.niche.community.jdbc.Records.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.vote.Direction;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A unique violation names its invariant and leaves nothing of the unit of work")
class UniqueKeyTest extends OnEveryDatabase {

    /**
     * Stores {@code existing}, then runs a unit that stores a fresh pseudonym and then
     * {@code duplicate}, and checks the failure and that the fresh pseudonym is gone.
     *
     * @param privateValue a value of the duplicate that no message may quote
     */
    private void assertDuplicate(UniqueKey key, Consumer<StoreTransaction> existing, Consumer<StoreTransaction> duplicate,
            String privateValue) {
        store().write(tx -> {
            existing.accept(tx);
            return null;
        });
        PseudonymRecord bystander = Records.pseudonym(Records.account());

        DuplicateKeyException failure = catchThrowableOfType(DuplicateKeyException.class, () -> store().write(tx -> {
            tx.pseudonyms().insert(bystander);
            duplicate.accept(tx);
            return null;
        }));

        assertThat(failure).as("a duplicate must be refused").isNotNull();
        assertThat(failure.key()).isEqualTo(key);
        assertThat(failure.getCause()).isInstanceOf(RedactedSqlException.class);
        assertThat(failure.getMessage()).doesNotContain(privateValue);
        assertThat(failure.getCause().getMessage()).doesNotContain(privateValue);
        var left = store().read(tx -> tx.pseudonyms().byId(bystander.id()));
        assertThat(left).as("the unit of work was rolled back").isEmpty();
    }

    @Nested
    @DisplayName("Invariants")
    class Invariants {
        @Test
        @DisplayName("a taken slug is COMMUNITY_SLUG")
        void slug() {
            CommunityRecord first = Records.community();
            CommunityRecord second = Records.community(first.slug(), first.visibility(), first.tags());
            assertDuplicate(UniqueKey.COMMUNITY_SLUG, tx -> tx.communities().insert(first),
                    tx -> tx.communities().insert(second), first.slug());
        }

        @Test
        @DisplayName("a handle taken in another case is PSEUDONYM_HANDLE")
        void handle() {
            String handle = Records.unique("Handle");
            PseudonymRecord first = Records.pseudonym(Records.account(), handle, T0);
            PseudonymRecord second = Records.pseudonym(Records.account(), handle.toUpperCase(Locale.ROOT), T0);
            assertDuplicate(UniqueKey.PSEUDONYM_HANDLE, tx -> tx.pseudonyms().insert(first),
                    tx -> tx.pseudonyms().insert(second), handle.toUpperCase(Locale.ROOT));
        }

        @Test
        @DisplayName("a second membership of an account in a community is MEMBERSHIP")
        void membership() {
            CommunityRecord community = Records.community();
            AccountId account = AccountId.of(Records.unique("private-account-"));
            assertDuplicate(UniqueKey.MEMBERSHIP,
                    tx -> {
                        tx.communities().insert(community);
                        tx.memberships().insert(Records.membership(community.id(), account,
                                PseudonymId.of(UUID.randomUUID().toString()), MemberState.ACTIVE, T0));
                    },
                    tx -> tx.memberships().insert(Records.membership(community.id(), account,
                            PseudonymId.of(UUID.randomUUID().toString()), MemberState.PENDING, T0)),
                    account.value());
        }

        @Test
        @DisplayName("a second vote of an account on a post is VOTE")
        void vote() {
            CommunityRecord community = Records.community();
            PostRecord post = Records.root(community.id(), T0);
            AccountId account = AccountId.of(Records.unique("private-account-"));
            assertDuplicate(UniqueKey.VOTE,
                    tx -> {
                        tx.communities().insert(community);
                        tx.posts().insert(post);
                        tx.votes().insert(Records.vote(post.id(), account, Direction.UP));
                    },
                    tx -> tx.votes().insert(Records.vote(post.id(), account, Direction.DOWN)),
                    account.value());
        }

        @Test
        @DisplayName("a taken invite code is INVITE_CODE")
        void inviteCode() {
            CommunityId community = CommunityId.of(UUID.randomUUID().toString());
            String code = Records.unique("secret-code-");
            assertDuplicate(UniqueKey.INVITE_CODE, tx -> tx.invites().insert(Records.invite(community, code, 1)),
                    tx -> tx.invites().insert(Records.invite(community, code, 2)), code);
        }
    }

    @Nested
    @DisplayName("Ids")
    class Ids {
        @Test
        @DisplayName("a taken pseudonym id is ID")
        void pseudonym() {
            PseudonymRecord first = Records.pseudonym(Records.account());
            PseudonymRecord second = new PseudonymRecord(first.id(), Records.account(), Records.unique("other"), T0);
            assertDuplicate(UniqueKey.ID, tx -> tx.pseudonyms().insert(first), tx -> tx.pseudonyms().insert(second),
                    second.handle());
        }

        @Test
        @DisplayName("a taken community id is ID")
        void community() {
            CommunityRecord first = Records.community();
            CommunityRecord other = Records.community();
            CommunityRecord second = new CommunityRecord(first.id(), other.slug(), other.title(), other.description(),
                    other.tags(), other.rules(), other.visibility(), other.joinPolicy(), false, 0, T0, T0);
            assertDuplicate(UniqueKey.ID, tx -> tx.communities().insert(first), tx -> tx.communities().insert(second),
                    other.slug());
        }

        @Test
        @DisplayName("a taken post id is ID")
        void post() {
            CommunityRecord community = Records.community();
            PostRecord first = Records.root(community.id(), T0);
            assertDuplicate(UniqueKey.ID,
                    tx -> {
                        tx.communities().insert(community);
                        tx.posts().insert(first);
                    },
                    tx -> tx.posts().insert(first.withText("Other", "Other body", null, T0)), "Other body");
        }

        @Test
        @DisplayName("a taken invite id is ID")
        void invite() {
            CommunityId community = CommunityId.of(UUID.randomUUID().toString());
            InviteRecord first = Records.invite(community, Records.unique("code-"), 1);
            String otherCode = Records.unique("secret-code-");
            InviteRecord second = new InviteRecord(first.id(), community, otherCode, first.createdBy(), T0,
                    first.expiresAt(), 1, 0, false);
            assertDuplicate(UniqueKey.ID, tx -> tx.invites().insert(first), tx -> tx.invites().insert(second), otherCode);
        }
    }

    @Test
    @DisplayName("ends the unit of work on PostgreSQL, and says so if the work goes on regardless")
    void afterADuplicate() {
        PseudonymRecord first = Records.pseudonym(Records.account());
        store().write(tx -> {
            tx.pseudonyms().insert(first);
            return null;
        });

        Throwable next = catchThrowable(() -> store().write(tx -> {
            catchThrowable(() -> tx.pseudonyms().insert(first));
            // On PostgreSQL the insert travels with the next statement, and fails there.
            catchThrowable(() -> tx.pseudonyms().byId(first.id()));
            return tx.pseudonyms().byId(first.id());
        }));

        if (database().dialect() == Dialect.POSTGRESQL) {
            assertThat(next).isInstanceOf(IllegalStateException.class).hasMessageContaining("earlier statement");
        } else {
            assertThat(next).as("H2 and MariaDB undo only the failed statement").isNull();
        }
    }
}
