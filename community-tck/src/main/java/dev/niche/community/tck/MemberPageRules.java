package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.membership.MemberState;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PseudonymRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules for the keyset pages of {@link dev.niche.community.spi.MembershipTable#page}. */
abstract class MemberPageRules extends RuleFamily {
    private static final Comparator<MemberKey> KEYS_LONGEST_STANDING_FIRST =
            Comparator.comparing(MemberKey::since).thenComparing(MemberKey::pseudonym);
    private static final Comparator<MembershipRecord> LONGEST_STANDING_FIRST =
            Comparator.comparing(MemberPageRules::keyOf, KEYS_LONGEST_STANDING_FIRST);

    private final CommunityRecord community = Rows.community("members");
    private final Random random = new Random(11);
    private int joined;

    MemberPageRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeCommunity() {
        given(tx -> tx.communities().insert(community));
    }

    private static MemberKey keyOf(MembershipRecord m) {
        return new MemberKey(m.since(), m.pseudonym());
    }

    /** New members, each with an account and a pseudonym of its own, since one of five instants. */
    private List<MembershipRecord> join(int count, MemberState state) {
        List<PseudonymRecord> people = new ArrayList<>();
        List<MembershipRecord> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PseudonymRecord p = Rows.pseudonym(Rows.account(), "member-" + joined++);
            people.add(p);
            members.add(Rows.membership(community, p, state, Rows.at(random.nextInt(5))));
        }
        given(tx -> {
            people.forEach(tx.pseudonyms()::insert);
            members.forEach(tx.memberships()::insert);
        });
        return members;
    }

    private List<MembershipRecord> walk(MemberState state, int size, Consumer<MemberKey> betweenPages) {
        List<MembershipRecord> seen = new ArrayList<>();
        @Nullable MemberKey after = null;
        while (true) {
            List<MembershipRecord> page = committed().memberships().page(community.id(), state, after, size);
            assertThat(page).as("a page of at most %d members", size).hasSizeLessThanOrEqualTo(size);
            seen.addAll(page);
            if (page.size() < size) {
                return seen;
            }
            after = keyOf(page.get(size - 1));
            betweenPages.accept(after);
        }
    }

    /** If this fails, check the ORDER BY of page(): since ascending, then pseudonym id ascending, filtered on community and state. */
    @Test
    @DisplayName("members come longest-standing first, ties broken by pseudonym id, in the state asked for only")
    void longestStandingFirst() {
        List<MembershipRecord> active = join(12, MemberState.ACTIVE);
        List<MembershipRecord> banned = join(3, MemberState.BANNED);

        assertThat(committed().memberships().page(community.id(), MemberState.ACTIVE, null, 100))
                .containsExactlyElementsOf(active.stream().sorted(LONGEST_STANDING_FIRST).toList());
        assertThat(committed().memberships().page(community.id(), MemberState.BANNED, null, 100))
                .containsExactlyElementsOf(banned.stream().sorted(LONGEST_STANDING_FIRST).toList());
        assertThat(committed().memberships().page(community.id(), MemberState.PENDING, null, 100)).isEmpty();
    }

    /** If this fails, check that the page starts strictly after the cursor: (since, pseudonym) > (after.since, after.pseudonym), and that limit applies. */
    @Test
    @DisplayName("a page starts right after its cursor and holds at most limit members")
    void afterIsExclusive() {
        List<MembershipRecord> sorted = join(10, MemberState.ACTIVE).stream().sorted(LONGEST_STANDING_FIRST).toList();

        assertThat(committed().memberships().page(community.id(), MemberState.ACTIVE, keyOf(sorted.get(2)), 5))
                .containsExactlyElementsOf(sorted.subList(3, 8));
        assertThat(committed().memberships().page(community.id(), MemberState.ACTIVE, keyOf(sorted.get(9)), 5)).isEmpty();
    }

    /** If this fails, check the keyset predicate for ties: rows with the cursor's since and a greater pseudonym id must follow it. */
    @Test
    @DisplayName("walking the pages yields every member once, in order, though many joined at one time")
    void walkSkipsAndRepeatsNothing() {
        List<MembershipRecord> members = join(21, MemberState.ACTIVE);

        for (int size : new int[] {1, 4, 6}) {
            assertThat(walk(MemberState.ACTIVE, size, after -> {}))
                    .as("every member, walked %d at a time", size)
                    .containsExactlyElementsOf(members.stream().sorted(LONGEST_STANDING_FIRST).toList());
        }
    }

    /** If this fails, check that member pages are keyset scans from the cursor, not OFFSET scans. */
    @Test
    @DisplayName("members joining from another thread between pages neither shift nor repeat the walk")
    void walkWhileOthersJoin() {
        List<MembershipRecord> expected = new ArrayList<>(join(14, MemberState.ACTIVE));

        List<MembershipRecord> seen = walk(MemberState.ACTIVE, 4, after -> {
            List<MembershipRecord> newcomers = Objects.requireNonNull(Race.elsewhere(() -> join(3, MemberState.ACTIVE)));
            newcomers.stream()
                    .filter(m -> KEYS_LONGEST_STANDING_FIRST.compare(keyOf(m), after) > 0)
                    .forEach(expected::add);
        });

        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted(LONGEST_STANDING_FIRST).toList());
    }
}
