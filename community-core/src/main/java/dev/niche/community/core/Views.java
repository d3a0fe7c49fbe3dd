package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns stored records into the views the public may see: no account, no private link. */
final class Views {
    private Views() {}

    static PseudonymView pseudonym(PseudonymRecord record) {
        return new PseudonymView(record.id(), record.handle(), record.createdAt());
    }

    static CommunityView community(CommunityRecord r) {
        return new CommunityView(r.id(), r.slug(), r.title(), r.description(), r.tags(), r.rules(),
                r.visibility(), r.joinPolicy(), r.archived(), r.memberCount(), r.createdAt(), r.updatedAt());
    }

    static MembershipView membership(MembershipRecord r, PseudonymRecord holder) {
        return new MembershipView(r.community(), pseudonym(holder), r.role(), r.state(), r.since());
    }

    /** Memberships with their holders, loaded in one batch. */
    static List<MembershipView> memberships(StoreTransaction tx, List<MembershipRecord> records) {
        Set<PseudonymId> holders = new HashSet<>();
        for (MembershipRecord record : records) {
            holders.add(record.pseudonym());
        }
        Map<PseudonymId, PseudonymRecord> pseudonyms = tx.pseudonyms().byIds(holders);
        List<MembershipView> views = new ArrayList<>(records.size());
        for (MembershipRecord record : records) {
            views.add(membership(record,
                    Objects.requireNonNull(pseudonyms.get(record.pseudonym()), "a membership's pseudonym exists")));
        }
        return views;
    }

    static PostView post(PostRecord r, @Nullable PseudonymRecord author, @Nullable VoteRecord viewerVote) {
        PostCounters c = r.counters();
        return new PostView(r.id(), r.community(), r.thread(), r.parent(), r.depth(),
                r.deleted() || author == null ? null : pseudonym(author),
                r.title(), r.body(), r.link(), r.createdAt(), r.editedAt(), r.deleted(), r.locked(),
                c.ups(), c.downs(), c.score(), c.replyCount(), c.threadReplyCount(),
                viewerVote == null ? null : viewerVote.direction());
    }

    /**
     * Posts with their authors and the viewer's own votes, in a fixed number of store queries
     * however many posts there are: one for the authors, one for the votes.
     */
    static List<PostView> posts(StoreTransaction tx, Collection<PostRecord> records, Viewer viewer) {
        Set<PseudonymId> authors = new HashSet<>();
        List<PostId> ids = new ArrayList<>(records.size());
        for (PostRecord record : records) {
            if (!record.deleted()) {
                authors.add(record.author());
            }
            ids.add(record.id());
        }
        Map<PseudonymId, PseudonymRecord> pseudonyms = authors.isEmpty() ? Map.of() : tx.pseudonyms().byIds(authors);
        AccountId account = viewer.account().orElse(null);
        Map<PostId, VoteRecord> votes = account == null || ids.isEmpty() ? Map.of() : tx.votes().ofAccount(account, ids);
        List<PostView> views = new ArrayList<>(records.size());
        for (PostRecord record : records) {
            views.add(post(record, pseudonyms.get(record.author()), votes.get(record.id())));
        }
        return views;
    }
}
