package dev.niche.community.inmemory;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vote table, one row per (post, account), kept as each post's votes by account: a lookup by
 * (post, account) needs no key object, and a tally reads only its own post's votes.
 *
 * <p>A post's map stays when its last vote is deleted, so that an undo can refill the very map its
 * write emptied.
 */
final class VoteRows {
    private final HashMap<PostId, HashMap<AccountId, VoteRecord>> byPost = new HashMap<>();

    VoteTable table(UnitOfWork unit) {
        return new View(unit);
    }

    /** The votes on a post, in no order; for other tables' reads inside a unit of work. */
    Collection<VoteRecord> on(PostId post) {
        HashMap<AccountId, VoteRecord> votes = byPost.get(post);
        return votes == null ? List.of() : votes.values();
    }

    private @Nullable VoteRecord stored(PostId post, AccountId account) {
        HashMap<AccountId, VoteRecord> votes = byPost.get(post);
        return votes == null ? null : votes.get(account);
    }

    private final class View implements VoteTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public Optional<VoteRecord> find(PostId post, AccountId account) {
            unit.checkOpen();
            return Optional.ofNullable(stored(post, account));
        }

        @Override
        public void insert(VoteRecord vote) {
            unit.checkWritable();
            HashMap<AccountId, VoteRecord> votes = byPost.computeIfAbsent(vote.post(), post -> new HashMap<>());
            if (votes.containsKey(vote.account())) {
                throw new DuplicateKeyException(UniqueKey.VOTE);
            }
            votes.put(vote.account(), vote);
            unit.onUndo(() -> votes.remove(vote.account()));
        }

        @Override
        public void update(VoteRecord vote) {
            unit.checkWritable();
            HashMap<AccountId, VoteRecord> votes = byPost.get(vote.post());
            VoteRecord stored = votes == null ? null : votes.get(vote.account());
            if (votes == null || stored == null) {
                // The account is private: the message names only the post.
                throw new IllegalStateException("there is no vote of this account on post " + vote.post());
            }
            votes.put(vote.account(), vote);
            unit.onUndo(() -> votes.put(vote.account(), stored));
        }

        @Override
        public boolean delete(PostId post, AccountId account) {
            unit.checkWritable();
            HashMap<AccountId, VoteRecord> votes = byPost.get(post);
            VoteRecord removed = votes == null ? null : votes.remove(account);
            if (votes == null || removed == null) {
                return false;
            }
            unit.onUndo(() -> votes.put(account, removed));
            return true;
        }

        @Override
        public Map<PostId, VoteRecord> ofAccount(AccountId account, Collection<PostId> posts) {
            unit.checkOpen();
            Map<PostId, VoteRecord> found = new HashMap<>();
            for (PostId post : posts) {
                VoteRecord vote = stored(post, account);
                if (vote != null) {
                    found.put(post, vote);
                }
            }
            return found;
        }

        @Override
        public VoteTally tally(PostId post) {
            unit.checkOpen();
            int ups = 0;
            int downs = 0;
            HashMap<AccountId, VoteRecord> votes = byPost.get(post);
            if (votes != null) {
                for (VoteRecord vote : votes.values()) {
                    if (vote.counted()) {
                        if (vote.direction() == Direction.UP) {
                            ups++;
                        } else {
                            downs++;
                        }
                    }
                }
            }
            return new VoteTally(ups, downs);
        }
    }
}
