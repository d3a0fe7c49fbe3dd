package dev.niche.community.jdbc;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
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
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records with fresh ids, keys and slugs, so that tests sharing one database never collide. */
final class Records {
    /** An instant with nanoseconds, which every table must keep exactly. */
    static final Instant T0 = Instant.parse("2026-05-01T10:15:30.123456789Z");

    /** Rank keys as the engine writes them for a post nobody voted on yet; a store never checks them. */
    static final Ranks UNRANKED = new Ranks(0, 0, 0);

    private Records() {}

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static AccountId account() {
        return AccountId.of(unique("account-"));
    }

    static PseudonymRecord pseudonym(AccountId account) {
        return pseudonym(account, unique("h"), T0);
    }

    static PseudonymRecord pseudonym(AccountId account, String handle, Instant createdAt) {
        return new PseudonymRecord(PseudonymId.of(UUID.randomUUID().toString()), account, handle, createdAt);
    }

    static CommunityRecord community() {
        return community(unique("c-"), Visibility.PUBLIC, List.of("baking"));
    }

    static CommunityRecord community(String slug, Visibility visibility, List<String> tags) {
        return new CommunityRecord(CommunityId.of(UUID.randomUUID().toString()), slug, "Title of " + slug,
                "About " + slug, tags, List.of("Be kind", "Stay on topic"), visibility,
                visibility == Visibility.PUBLIC ? JoinPolicy.OPEN : JoinPolicy.APPROVAL, false, 0, T0, T0);
    }

    static MembershipRecord membership(CommunityId community, AccountId account, PseudonymId pseudonym,
            MemberState state, Instant since) {
        return new MembershipRecord(community, account, pseudonym, Role.MEMBER, state, since);
    }

    static PostRecord root(CommunityId community, Instant createdAt) {
        PostId id = PostId.of(UUID.randomUUID().toString());
        return new PostRecord(id, community, id, null, 0, PseudonymId.of(UUID.randomUUID().toString()), account(),
                "A thread", "Its body", "https://example.com/a", createdAt, null, false, false, PostCounters.ZERO, UNRANKED);
    }

    static PostRecord reply(PostRecord parent, Instant createdAt) {
        return new PostRecord(PostId.of(UUID.randomUUID().toString()), parent.community(), parent.thread(), parent.id(),
                parent.depth() + 1, PseudonymId.of(UUID.randomUUID().toString()), account(), "", "A reply", null,
                createdAt, null, false, false, PostCounters.ZERO, UNRANKED);
    }

    static VoteRecord vote(PostId post, AccountId account, Direction direction) {
        return new VoteRecord(post, account, PseudonymId.of(UUID.randomUUID().toString()), direction, true, T0);
    }

    static InviteRecord invite(CommunityId community, String code, int maxUses) {
        return new InviteRecord(InviteId.of(UUID.randomUUID().toString()), community, code,
                PseudonymId.of(UUID.randomUUID().toString()), T0, T0.plus(Duration.ofDays(7)), maxUses, 0, false);
    }
}
