package dev.niche.community.inmemory;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.MembershipTable;
import dev.niche.community.spi.UniqueKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The membership table, one row per (community, account), indexed by account and, per community,
 * by pseudonym and by state in member-list order.
 *
 * <p>A pseudonym holds at most one membership per community. That follows from one membership per
 * account, since a pseudonym belongs to one account; the table checks it anyway, with
 * {@link UniqueKey#MEMBERSHIP}, because its pseudonym-keyed indexes rely on it.
 */
final class MembershipRows {
    private static final Comparator<MemberKey> MEMBER_ORDER = (a, b) -> {
        int bySince = a.since().compareTo(b.since());
        return bySince != 0 ? bySince : a.pseudonym().compareTo(b.pseudonym());
    };

    private final HashMap<AccountId, HashMap<CommunityId, MembershipRecord>> byAccount = new HashMap<>();
    private final HashMap<CommunityId, Members> byCommunity = new HashMap<>();

    /** One community's memberships, by pseudonym and by state. */
    private static final class Members {
        final HashMap<PseudonymId, MembershipRecord> byPseudonym = new HashMap<>();
        final EnumMap<MemberState, TreeMap<MemberKey, MembershipRecord>> byState = new EnumMap<>(MemberState.class);
    }

    MembershipTable table(UnitOfWork unit) {
        return new View(unit);
    }

    private static MemberKey keyOf(MembershipRecord membership) {
        return new MemberKey(membership.since(), membership.pseudonym());
    }

    private @Nullable MembershipRecord stored(CommunityId community, AccountId account) {
        HashMap<CommunityId, MembershipRecord> held = byAccount.get(account);
        return held == null ? null : held.get(community);
    }

    private void add(MembershipRecord membership) {
        byAccount.computeIfAbsent(membership.account(), account -> new HashMap<>())
                .put(membership.community(), membership);
        Members members = byCommunity.computeIfAbsent(membership.community(), community -> new Members());
        members.byPseudonym.put(membership.pseudonym(), membership);
        members.byState.computeIfAbsent(membership.state(), state -> new TreeMap<>(MEMBER_ORDER))
                .put(keyOf(membership), membership);
    }

    private void remove(MembershipRecord membership) {
        Objects.requireNonNull(byAccount.get(membership.account()), "indexed on insert").remove(membership.community());
        Members members = Objects.requireNonNull(byCommunity.get(membership.community()), "indexed on insert");
        members.byPseudonym.remove(membership.pseudonym());
        Objects.requireNonNull(members.byState.get(membership.state()), "indexed on insert").remove(keyOf(membership));
    }

    private void replace(MembershipRecord old, MembershipRecord replacement) {
        remove(old);
        add(replacement);
    }

    private boolean pseudonymTaken(MembershipRecord membership) {
        Members members = byCommunity.get(membership.community());
        if (members == null) {
            return false;
        }
        MembershipRecord holder = members.byPseudonym.get(membership.pseudonym());
        return holder != null && !holder.account().equals(membership.account());
    }

    private final class View implements MembershipTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void insert(MembershipRecord membership) {
            unit.checkWritable();
            if (stored(membership.community(), membership.account()) != null || pseudonymTaken(membership)) {
                throw new DuplicateKeyException(UniqueKey.MEMBERSHIP);
            }
            add(membership);
            unit.onUndo(() -> remove(membership));
        }

        @Override
        public void update(MembershipRecord membership) {
            unit.checkWritable();
            MembershipRecord stored = stored(membership.community(), membership.account());
            if (stored == null) {
                // The account is private: the message names only the community.
                throw new IllegalStateException("there is no membership of this account in community "
                        + membership.community());
            }
            if (pseudonymTaken(membership)) {
                throw new DuplicateKeyException(UniqueKey.MEMBERSHIP);
            }
            replace(stored, membership);
            unit.onUndo(() -> replace(membership, stored));
        }

        @Override
        public Optional<MembershipRecord> find(CommunityId community, AccountId account) {
            unit.checkOpen();
            return Optional.ofNullable(stored(community, account));
        }

        @Override
        public Optional<MembershipRecord> findByPseudonym(CommunityId community, PseudonymId pseudonym) {
            unit.checkOpen();
            Members members = byCommunity.get(community);
            return members == null ? Optional.empty() : Optional.ofNullable(members.byPseudonym.get(pseudonym));
        }

        @Override
        public List<MembershipRecord> page(
                CommunityId community, MemberState state, @Nullable MemberKey after, int limit) {
            unit.checkOpen();
            Members members = byCommunity.get(community);
            TreeMap<MemberKey, MembershipRecord> inState = members == null ? null : members.byState.get(state);
            List<MembershipRecord> page = new ArrayList<>();
            if (inState == null || limit <= 0) {
                return page;
            }
            SortedMap<MemberKey, MembershipRecord> from = after == null ? inState : inState.tailMap(after, false);
            for (MembershipRecord membership : from.values()) {
                page.add(membership);
                if (page.size() == limit) {
                    break;
                }
            }
            return page;
        }

        @Override
        public Set<CommunityId> communitiesOf(AccountId account, MemberState state) {
            unit.checkOpen();
            Set<CommunityId> communities = new HashSet<>();
            HashMap<CommunityId, MembershipRecord> held = byAccount.get(account);
            if (held != null) {
                for (Map.Entry<CommunityId, MembershipRecord> entry : held.entrySet()) {
                    if (entry.getValue().state() == state) {
                        communities.add(entry.getKey());
                    }
                }
            }
            return communities;
        }
    }
}
