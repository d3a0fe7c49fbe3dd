package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Memberships. */
public interface MembershipTable {

    /**
     * Stores a new membership.
     *
     * @throws DuplicateKeyException with {@link UniqueKey#MEMBERSHIP} if the account already has a
     *         membership in the community, in any state (since a pseudonym belongs to one account,
     *         this also keeps one membership per pseudonym per community)
     */
    void insert(MembershipRecord membership);

    /**
     * Replaces the pseudonym, role, state and {@code since} of the membership of
     * {@code membership.account()} in {@code membership.community()}.
     *
     * @throws IllegalStateException if there is no such membership
     */
    void update(MembershipRecord membership);

    /** The account's membership in a community, in any state. */
    Optional<MembershipRecord> find(CommunityId community, AccountId account);

    /**
     * The memberships of several accounts in one community, in any state, by account; accounts with
     * none are absent. The default asks {@link #find} once per account; a store that can answer in one
     * query should.
     *
     * @since 0.2
     */
    default Map<AccountId, MembershipRecord> findAll(CommunityId community, Collection<AccountId> accounts) {
        Map<AccountId, MembershipRecord> found = new HashMap<>();
        for (AccountId account : accounts) {
            find(community, account).ifPresent(membership -> found.put(account, membership));
        }
        return found;
    }

    /** The membership a pseudonym holds in a community, in any state. */
    Optional<MembershipRecord> findByPseudonym(CommunityId community, PseudonymId pseudonym);

    /**
     * The community's memberships in {@code state}, ordered by ({@code since}, pseudonym id)
     * ascending, starting after {@code after} (exclusive) when given, at most {@code limit} (at least 1).
     */
    List<MembershipRecord> page(CommunityId community, MemberState state, @Nullable MemberKey after, int limit);

    /** The communities where {@code account} has a membership in {@code state}. */
    Set<CommunityId> communitiesOf(AccountId account, MemberState state);
}
