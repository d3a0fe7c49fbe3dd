package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.MembershipTable;
import dev.niche.community.spi.UniqueKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

final class ReferenceMemberships implements MembershipTable {
    private static final Comparator<MemberKey> ORDER =
            Comparator.comparing(MemberKey::since).thenComparing(MemberKey::pseudonym);

    private final ReferenceData data;

    ReferenceMemberships(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void insert(MembershipRecord membership) {
        ReferenceData.Membership key = key(membership);
        if (data.memberships.containsKey(key)) {
            throw new DuplicateKeyException(UniqueKey.MEMBERSHIP);
        }
        data.memberships.put(key, membership);
    }

    @Override
    public void update(MembershipRecord membership) {
        ReferenceData.Membership key = key(membership);
        if (!data.memberships.containsKey(key)) {
            throw new IllegalStateException("there is no membership of that account in community " + membership.community());
        }
        data.memberships.put(key, membership);
    }

    @Override
    public Optional<MembershipRecord> find(CommunityId community, AccountId account) {
        return Optional.ofNullable(data.memberships.get(new ReferenceData.Membership(community, account)));
    }

    @Override
    public Optional<MembershipRecord> findByPseudonym(CommunityId community, PseudonymId pseudonym) {
        return data.memberships.values().stream()
                .filter(m -> m.community().equals(community) && m.pseudonym().equals(pseudonym))
                .findFirst();
    }

    @Override
    public List<MembershipRecord> page(CommunityId community, MemberState state, @Nullable MemberKey after, int limit) {
        return data.memberships.values().stream()
                .filter(m -> m.community().equals(community) && m.state() == state)
                .filter(m -> after == null || ORDER.compare(positionOf(m), after) > 0)
                .sorted(Comparator.comparing(ReferenceMemberships::positionOf, ORDER))
                .limit(limit)
                .toList();
    }

    @Override
    public Set<CommunityId> communitiesOf(AccountId account, MemberState state) {
        return data.memberships.values().stream()
                .filter(m -> m.account().equals(account) && m.state() == state)
                .map(MembershipRecord::community)
                .collect(Collectors.toSet());
    }

    private static MemberKey positionOf(MembershipRecord m) {
        return new MemberKey(m.since(), m.pseudonym());
    }

    private static ReferenceData.Membership key(MembershipRecord m) {
        return new ReferenceData.Membership(m.community(), m.account());
    }
}
