package dev.niche.community.tck;

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

/**
 * Valid rows for the rules to store, with fresh random ids. Times are whole microseconds, the
 * finest that common SQL timestamp columns keep.
 */
final class Rows {
    static final Instant T0 = Instant.parse("2031-03-01T09:00:00.123456Z");

    /** The rank keys of a post nobody voted on, as far as a store can tell: a store never checks them. */
    static final Ranks UNRANKED = new Ranks(0, 0, 0);

    private Rows() {}

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static AccountId account() {
        return AccountId.of("account-" + newId());
    }

    static PseudonymRecord pseudonym(AccountId account, String handle) {
        return new PseudonymRecord(PseudonymId.of(newId()), account, handle, T0);
    }

    static CommunityRecord community(String slug) {
        return community(slug, Visibility.PUBLIC, List.of());
    }

    static CommunityRecord community(String slug, Visibility visibility, List<String> tags) {
        JoinPolicy policy = visibility == Visibility.RESTRICTED ? JoinPolicy.APPROVAL : JoinPolicy.OPEN;
        return new CommunityRecord(CommunityId.of(newId()), slug, "Title of " + slug, "About " + slug,
                tags, List.of("Be kind."), visibility, policy, false, 0, T0, T0);
    }

    static MembershipRecord membership(CommunityRecord community, PseudonymRecord member, MemberState state, Instant since) {
        return new MembershipRecord(community.id(), member.account(), member.id(), Role.MEMBER, state, since);
    }

    static PostRecord thread(CommunityRecord community, PseudonymRecord author, Instant createdAt) {
        PostId id = PostId.of(newId());
        return new PostRecord(id, community.id(), id, null, 0, author.id(), author.account(),
                "A thread", "Its body", null, createdAt, null, false, false, PostCounters.ZERO, UNRANKED);
    }

    static PostRecord reply(PostRecord parent, PseudonymRecord author, Instant createdAt) {
        return new PostRecord(PostId.of(newId()), parent.community(), parent.thread(), parent.id(),
                parent.depth() + 1, author.id(), author.account(), "", "A reply", null, createdAt, null, false, false,
                PostCounters.ZERO, UNRANKED);
    }

    static VoteRecord vote(PostRecord post, PseudonymRecord voter, Direction direction) {
        return new VoteRecord(post.id(), voter.account(), voter.id(), direction, true, T0);
    }

    static InviteRecord invite(CommunityRecord community, PseudonymRecord by, String code, int maxUses) {
        return new InviteRecord(InviteId.of(newId()), community.id(), code, by.id(), T0, T0.plus(Duration.ofDays(7)),
                maxUses, 0, false);
    }
}
