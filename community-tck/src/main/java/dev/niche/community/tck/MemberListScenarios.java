package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.membership.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing a community's members by state, longest-standing first, in keyset pages. */
abstract class MemberListScenarios extends EngineFixture {
    private Actor owner;
    private Actor moderator;
    private CommunityView community;
    private List<PseudonymId> expectedActive;
    private final List<Actor> sameInstant = new ArrayList<>();

    MemberListScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void crowd() {
        owner = person("founder");
        community = community(owner, "crowd", Visibility.PUBLIC, JoinPolicy.APPROVAL);
        tick();
        for (int i = 0; i < 4; i++) {
            sameInstant.add(member(community, owner, "same-" + i));
        }
        tick();
        moderator = member(community, owner, "moderator-1");
        engine.memberships().changeRole(owner, community.id(), moderator.pseudonym(), Role.MODERATOR);
        tick();
        Actor late = member(community, owner, "late");
        expectedActive = new ArrayList<>();
        expectedActive.add(owner.pseudonym());
        sameInstant.stream().map(Actor::pseudonym).sorted().forEach(expectedActive::add);
        expectedActive.add(moderator.pseudonym());
        expectedActive.add(late.pseudonym());
    }

    private List<MembershipView> all(Viewer viewer, MemberState state, int size) {
        List<MembershipView> all = new ArrayList<>();
        Page<MembershipView> page = engine.memberships().members(viewer, community.id(), state, PageRequest.first(size));
        all.addAll(page.items());
        while (page.hasNext()) {
            assertThat(page.items()).hasSize(size);
            page = engine.memberships().members(viewer, community.id(), state,
                    PageRequest.after(page.next().orElseThrow(), size));
            all.addAll(page.items());
        }
        return all;
    }

    private static List<PseudonymId> ids(List<MembershipView> members) {
        return members.stream().map(m -> m.member().id()).toList();
    }

    @Test
    @DisplayName("anyone lists active members, by joining time and then pseudonym id")
    void activeInOrder() {
        List<MembershipView> active = all(Viewer.anonymous(), MemberState.ACTIVE, 100);

        assertThat(ids(active)).containsExactlyElementsOf(expectedActive);
        assertThat(active).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(MemberState.ACTIVE);
            assertThat(m.community()).isEqualTo(community.id());
        });
        assertThat(active).isSortedAccordingTo(Comparator.comparing(MembershipView::since)
                .thenComparing(m -> m.member().id()));
        assertThat(active.get(0).member().handle()).isEqualTo("founder");
        assertThat(active.get(0).role()).isEqualTo(Role.OWNER);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    @DisplayName("pages of any size concatenate to the full list with no repeats")
    void pagesConcatenate(int size) {
        assertThat(ids(all(Viewer.anonymous(), MemberState.ACTIVE, size))).containsExactlyElementsOf(expectedActive);
    }

    @Test
    @DisplayName("a member who leaves and rejoins moves to the end")
    void rejoinMovesToEnd() {
        Actor first = sameInstant.stream().filter(a -> a.pseudonym().equals(expectedActive.get(1))).findFirst()
                .orElseThrow();
        engine.memberships().leave(first, community.id());
        tick();
        engine.memberships().join(first, JoinCommunity.withInvite(community.id(), invite(owner, community, 1).code()));

        List<PseudonymId> expected = Stream.concat(
                expectedActive.stream().filter(id -> !id.equals(first.pseudonym())), Stream.of(first.pseudonym())).toList();
        assertThat(ids(all(Viewer.anonymous(), MemberState.ACTIVE, 3))).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("moderators list pending, banned and left members; plain members may not")
    void otherStatesForModerators() {
        Actor applicant = person("applicant");
        engine.memberships().join(applicant, JoinCommunity.of(community.id()));
        Actor member = member(community, owner, "plain");
        Actor troll = member(community, owner, "troll");
        engine.memberships().ban(moderator, community.id(), troll.pseudonym());
        Actor leaver = member(community, owner, "leaver");
        engine.memberships().leave(leaver, community.id());

        assertThat(ids(all(moderator.asViewer(), MemberState.PENDING, 10))).containsExactly(applicant.pseudonym());
        assertThat(ids(all(owner.asViewer(), MemberState.BANNED, 10))).containsExactly(troll.pseudonym());
        assertThat(ids(all(moderator.asViewer(), MemberState.LEFT, 10))).containsExactly(leaver.pseudonym());
        for (MemberState hidden : List.of(MemberState.PENDING, MemberState.BANNED, MemberState.LEFT)) {
            assertRejected(ErrorCode.FORBIDDEN, () -> engine.memberships()
                    .members(member.asViewer(), community.id(), hidden, PageRequest.first(10)));
        }
    }
}
