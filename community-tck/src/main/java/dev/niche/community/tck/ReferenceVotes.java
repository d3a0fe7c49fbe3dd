package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.UniqueKey;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.spi.VoteTable;
import dev.niche.community.spi.VoteTally;
import dev.niche.community.vote.Direction;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class ReferenceVotes implements VoteTable {
    private final ReferenceData data;

    ReferenceVotes(ReferenceData data) {
        this.data = data;
    }

    @Override
    public Optional<VoteRecord> find(PostId post, AccountId account) {
        return Optional.ofNullable(data.votes.get(new ReferenceData.Ballot(post, account)));
    }

    @Override
    public void insert(VoteRecord vote) {
        ReferenceData.Ballot key = new ReferenceData.Ballot(vote.post(), vote.account());
        if (data.votes.containsKey(key)) {
            throw new DuplicateKeyException(UniqueKey.VOTE);
        }
        data.votes.put(key, vote);
    }

    @Override
    public void update(VoteRecord vote) {
        ReferenceData.Ballot key = new ReferenceData.Ballot(vote.post(), vote.account());
        if (!data.votes.containsKey(key)) {
            throw new IllegalStateException("there is no vote of that account on post " + vote.post());
        }
        data.votes.put(key, vote);
    }

    @Override
    public boolean delete(PostId post, AccountId account) {
        return data.votes.remove(new ReferenceData.Ballot(post, account)) != null;
    }

    @Override
    public Map<PostId, VoteRecord> ofAccount(AccountId account, Collection<PostId> posts) {
        Map<PostId, VoteRecord> found = new HashMap<>();
        for (PostId post : posts) {
            find(post, account).ifPresent(v -> found.put(post, v));
        }
        return found;
    }

    @Override
    public VoteTally tally(PostId post) {
        int ups = 0;
        int downs = 0;
        for (VoteRecord v : data.votes.values()) {
            if (v.post().equals(post) && v.counted()) {
                if (v.direction() == Direction.UP) {
                    ups++;
                } else {
                    downs++;
                }
            }
        }
        return new VoteTally(ups, downs);
    }
}
