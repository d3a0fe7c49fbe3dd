package dev.niche.community.inmemory;

import static dev.niche.community.inmemory.SampleRows.T0;
import static dev.niche.community.inmemory.SampleRows.communityId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.SortKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Walking the pages of an index, each after the last key of the one before, visits every row once
 * in index order, however times tie and whatever the page size. Ids are scattered so that neither
 * insert order nor id order gives the answer away.
 */
class PagingProperties {
    private static final CommunityId COMMUNITY = communityId(1);

    @Property(tries = 200)
    void threadPagesVisitEveryRootOnceNewestFirst(
            @ForAll @Size(max = 30) List<@IntRange(max = 4) Integer> minutes,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        InMemoryStore store = new InMemoryStore();
        List<PostRecord> roots = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            PostId id = PostId.of(scattered("post", i));
            roots.add(new PostRecord(id, COMMUNITY, id, null, 0, PseudonymId.of(scattered("author", i)),
                    AccountId.of("account"), "title", "body", null, T0.plusSeconds(60L * minutes.get(i)), null,
                    false, false, PostCounters.ZERO, SampleRows.UNRANKED));
        }
        store.write(tx -> {
            roots.forEach(tx.posts()::insert);
            return null;
        });

        List<PostRecord> walked = new ArrayList<>();
        SortKey after = null;
        while (true) {
            SortKey from = after;
            List<PostRecord> page = store.read(tx -> tx.posts().threads(COMMUNITY, ThreadSort.NEW, null, from, pageSize));
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            PostRecord last = page.get(page.size() - 1);
            after = SortKey.of(last, ThreadSort.NEW);
        }

        roots.sort(Comparator.comparing(PostRecord::createdAt).thenComparing(PostRecord::id).reversed());
        assertThat(walked).containsExactlyElementsOf(roots);
    }

    @Property(tries = 200)
    void memberPagesVisitEveryMemberOfAStateOnceInOrder(
            @ForAll @Size(max = 30) List<@IntRange(max = 3) Integer> states,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        InMemoryStore store = new InMemoryStore();
        List<MembershipRecord> memberships = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            memberships.add(new MembershipRecord(COMMUNITY, AccountId.of("account-" + i),
                    PseudonymId.of(scattered("pseudonym", i)), Role.MEMBER, MemberState.values()[states.get(i)],
                    T0.plusSeconds(60L * (i % 3))));
        }
        store.write(tx -> {
            memberships.forEach(tx.memberships()::insert);
            return null;
        });

        List<MembershipRecord> walked = new ArrayList<>();
        MemberKey after = null;
        while (true) {
            MemberKey from = after;
            List<MembershipRecord> page =
                    store.read(tx -> tx.memberships().page(COMMUNITY, MemberState.ACTIVE, from, pageSize));
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            MembershipRecord last = page.get(page.size() - 1);
            after = new MemberKey(last.since(), last.pseudonym());
        }

        List<MembershipRecord> active = memberships.stream()
                .filter(m -> m.state() == MemberState.ACTIVE)
                .sorted(Comparator.comparing(MembershipRecord::since).thenComparing(MembershipRecord::pseudonym))
                .toList();
        assertThat(walked).containsExactlyElementsOf(active);
    }

    private static String scattered(String kind, int n) {
        return UUID.nameUUIDFromBytes((kind + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

}
