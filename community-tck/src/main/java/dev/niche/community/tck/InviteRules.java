package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.niche.community.membership.InviteId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.UniqueKey;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for {@link dev.niche.community.spi.InviteTable}. */
abstract class InviteRules extends RuleFamily {
    private final PseudonymRecord moderator = Rows.pseudonym(Rows.account(), "moderator");
    private final CommunityRecord community = Rows.community("invites");

    InviteRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeCommunity() {
        given(tx -> {
            tx.pseudonyms().insert(moderator);
            tx.communities().insert(community);
        });
    }

    private InviteRecord storedInvite(String code, int maxUses) {
        InviteRecord invite = Rows.invite(community, moderator, code, maxUses);
        given(tx -> tx.invites().insert(invite));
        return invite;
    }

    /** If this fails, check that every column of an invite is stored and read back, and that codes compare case-sensitively. */
    @Test
    @DisplayName("a stored invite reads back by id and by its exact code only")
    void readsBack() {
        InviteRecord invite = storedInvite("k3xq7zv2mbn4wp5rt6yc8dfgha", 10);

        assertThat(committed().invites().byId(invite.id())).contains(invite);
        assertThat(committed().invites().byCode("k3xq7zv2mbn4wp5rt6yc8dfgha")).contains(invite);
        assertThat(committed().invites().byCode("K3XQ7ZV2MBN4WP5RT6YC8DFGHA")).isEmpty();
        assertThat(committed().invites().byCode("k3xq7zv2mbn4wp5rt6yc8dfgh")).isEmpty();
        assertThat(committed().invites().byId(InviteId.of(Rows.newId()))).isEmpty();
    }

    /** If this fails, check that revoke sets the flag and throws IllegalStateException when no row was affected. */
    @Test
    @DisplayName("revoking marks the invite revoked; revoking a missing one is an IllegalStateException")
    void revoke() {
        InviteRecord invite = storedInvite("revoke-me", 10);

        given(tx -> tx.invites().revoke(invite.id()));

        assertThat(committed().invites().byId(invite.id()).orElseThrow().revoked()).isTrue();
        assertThatThrownBy(() -> given(tx -> tx.invites().revoke(InviteId.of(Rows.newId()))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** If this fails, check that use increments uses only while it is below maxUses, and reports whether it did. */
    @Test
    @DisplayName("an invite counts uses up to its limit and then refuses")
    void useUpToLimit() {
        InviteRecord invite = storedInvite("three-uses", 3);

        List<Boolean> answers = List.of(committing().invites().use(invite.id(), 3),
                committing().invites().use(invite.id(), 3), committing().invites().use(invite.id(), 3),
                committing().invites().use(invite.id(), 3));

        assertThat(answers).containsExactly(true, true, true, false);
        assertThat(committed().invites().byId(invite.id()).orElseThrow().uses()).isEqualTo(3);
    }

    /** If this fails, check the unique index on the code and that its violation becomes a DuplicateKeyException(INVITE_CODE). */
    @Test
    @DisplayName("a taken code is refused with INVITE_CODE")
    void duplicateCodeRefused() {
        InviteRecord first = storedInvite("same-code", 1);

        assertThatThrownBy(() -> storedInvite("same-code", 5))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.key()).isEqualTo(UniqueKey.INVITE_CODE));
        assertThat(committed().invites().byCode("same-code")).contains(first);
    }

    /** If this fails, check that use is one conditional statement ({@code SET uses = uses + 1 WHERE uses < ?}), not a read followed by a write. */
    @Test
    @DisplayName("of 8 threads using a 5-use invite 3 times each, exactly 5 uses count")
    void concurrentUses() {
        InviteRecord invite = storedInvite("popular", 5);

        List<Race.Outcome<Integer>> outcomes = Race.run(Race.THREADS, i -> {
            int counted = 0;
            for (int n = 0; n < 3; n++) {
                if (writeRetrying(tx -> tx.invites().use(invite.id(), 5))) {
                    counted++;
                }
            }
            return counted;
        });

        Race.assertAllSucceeded(outcomes);
        assertThat(outcomes.stream().mapToInt(o -> o.value() == null ? 0 : o.value()).sum()).isEqualTo(5);
        assertThat(committed().invites().byId(invite.id()).orElseThrow().uses()).isEqualTo(5);
    }
}
