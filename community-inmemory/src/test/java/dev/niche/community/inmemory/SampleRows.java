package dev.niche.community.inmemory;

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
import dev.niche.community.spi.LedgerEntry;
import dev.niche.community.spi.LedgerKind;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.util.List;

/** Rows for tests, with ids numbered so that a higher number is a greater id. */
final class SampleRows {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Ranks UNRANKED = new Ranks(0, 0, 0);

    private SampleRows() {}

    static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    static String id(long n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    static AccountId account(int n) {
        return AccountId.of("account-" + n);
    }

    static PseudonymId pseudonymId(long n) {
        return PseudonymId.of(id(n));
    }

    static CommunityId communityId(long n) {
        return CommunityId.of(id(n));
    }

    static PostId postId(long n) {
        return PostId.of(id(n));
    }

    static InviteId inviteId(long n) {
        return InviteId.of(id(n));
    }

    static PseudonymRecord pseudonym(long n, AccountId account, String handle) {
        return new PseudonymRecord(pseudonymId(n), account, handle, at(n));
    }

    static CommunityRecord community(long n, String slug) {
        return community(n, slug, Visibility.PUBLIC, List.of());
    }

    static CommunityRecord community(long n, String slug, Visibility visibility, List<String> tags) {
        return new CommunityRecord(communityId(n), slug, "Title of " + slug, "About " + slug, tags, List.of(),
                visibility, JoinPolicy.OPEN, false, 0, T0, T0);
    }

    static CommunityRecord renamed(CommunityRecord community, String title) {
        return new CommunityRecord(community.id(), community.slug(), title, community.description(), community.tags(),
                community.rules(), community.visibility(), community.joinPolicy(), community.archived(),
                community.memberCount(), community.createdAt(), community.updatedAt());
    }

    static MembershipRecord membership(
            CommunityId community, AccountId account, PseudonymId pseudonym, MemberState state, Instant since) {
        return new MembershipRecord(community, account, pseudonym, Role.MEMBER, state, since);
    }

    static InviteRecord invite(long n, CommunityId community, String code) {
        return new InviteRecord(inviteId(n), community, code, pseudonymId(1), T0, at(60 * 24), 100, 0, false);
    }

    static PostRecord root(long n, CommunityId community, Instant createdAt) {
        return root(n, community, createdAt, pseudonymId(1), account(1));
    }

    static PostRecord root(long n, CommunityId community, Instant createdAt, PseudonymId author, AccountId account) {
        return new PostRecord(postId(n), community, postId(n), null, 0, author, account,
                "Thread " + n, "Body " + n, null, createdAt, null, false, false, PostCounters.ZERO, UNRANKED);
    }

    static PostRecord reply(long n, PostRecord parent, Instant createdAt) {
        return reply(n, parent, createdAt, pseudonymId(1), account(1));
    }

    static PostRecord reply(long n, PostRecord parent, Instant createdAt, PseudonymId author, AccountId account) {
        return new PostRecord(postId(n), parent.community(), parent.thread(), parent.id(), parent.depth() + 1,
                author, account, "", "Reply " + n, null, createdAt, null, false, false, PostCounters.ZERO, UNRANKED);
    }

    static VoteRecord vote(PostId post, AccountId account, Direction direction) {
        return new VoteRecord(post, account, pseudonymId(1), direction, true, T0);
    }

    /** The UTC day of an instant, as days since 1970-01-01. */
    static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400);
    }

    /**
     * A ledger entry: {@code voter} (account n, pseudonym n) voted on {@code post} by {@code author}
     * (account n, pseudonym n) at {@code at}.
     */
    static LedgerEntry entry(CommunityId community, int author, LedgerKind kind, int points, PostId post, int voter,
            Instant at) {
        return new LedgerEntry(community, pseudonymId(author), account(author), kind, points, post, account(voter),
                pseudonymId(voter), day(at), at);
    }
}
