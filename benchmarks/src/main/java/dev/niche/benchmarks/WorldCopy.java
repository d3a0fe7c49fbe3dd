package dev.niche.benchmarks;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.community.CommunityId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.VoteRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Copies a world built on the in-memory store into another store through the SPI, rows as stored
 * (counters, rank keys, join times, roles and the vote flags included), a few thousand rows per unit
 * of work. Building a large world through the engine on a real database takes far longer than a
 * trial may; copying its rows does not, and reads then see exactly what the engine left. Votes are
 * copied only when asked for ({@link #copyVotes}): feed and reply-tree reads never touch them, a
 * trust recompute reads them. The reputation ledger, activity, trust levels and scores are never
 * copied.
 */
final class WorldCopy {
    private static final int BATCH = 5_000;

    /** Which vote to copy: the one {@code account} cast on {@code post}. */
    record VoteKey(PostId post, AccountId account) {}

    private WorldCopy() {
    }

    /**
     * Copies the {@link Worlds} world's pseudonyms, community, memberships and {@code posts}, which
     * must be in creation order so that every parent lands before its replies.
     */
    static void copy(Worlds world, CommunityStore from, CommunityStore to, List<PostId> posts) {
        copy(from, to, world.community, world.members.stream().map(Actor::account).toList(), posts);
    }

    /**
     * Copies the pseudonyms of {@code accounts}; {@code community} with its trust policy, if it has
     * one of its own, and its ACTIVE memberships; and {@code posts}, which must be in creation order
     * so that every parent lands before its replies.
     */
    static void copy(CommunityStore from, CommunityStore to, CommunityId community, Collection<AccountId> accounts,
            List<PostId> posts) {
        List<PseudonymRecord> pseudonyms = from.read(tx -> {
            List<PseudonymRecord> all = new ArrayList<>();
            for (AccountId account : accounts) {
                all.addAll(tx.pseudonyms().byAccount(account));
            }
            return all;
        });
        to.write(tx -> {
            pseudonyms.forEach(tx.pseudonyms()::insert);
            return Boolean.TRUE;
        });
        var record = from.read(tx -> tx.communities().byId(community)).orElseThrow();
        Optional<String> policy = from.read(tx -> tx.trust().policy(community));
        List<MembershipRecord> memberships = from.read(tx -> {
            List<MembershipRecord> all = new ArrayList<>();
            @Nullable MemberKey after = null;
            while (true) {
                List<MembershipRecord> page = tx.memberships().page(community, MemberState.ACTIVE, after, 1_000);
                all.addAll(page);
                if (page.size() < 1_000) {
                    return all;
                }
                MembershipRecord last = page.get(page.size() - 1);
                after = new MemberKey(last.since(), last.pseudonym());
            }
        });
        to.write(tx -> {
            tx.communities().insert(record);
            policy.ifPresent(text -> tx.trust().putPolicy(community, text));
            memberships.forEach(tx.memberships()::insert);
            return Boolean.TRUE;
        });
        for (int start = 0; start < posts.size(); start += BATCH) {
            List<PostId> ids = posts.subList(start, Math.min(posts.size(), start + BATCH));
            Map<PostId, PostRecord> rows = from.read(tx -> tx.posts().byIds(ids));
            to.write(tx -> {
                for (PostId id : ids) {
                    tx.posts().insert(Objects.requireNonNull(rows.get(id), "every copied post was read"));
                }
                return Boolean.TRUE;
            });
        }
    }

    /**
     * Copies the votes named by {@code votes}, each once, with their voter, direction, {@code counted}
     * flag and time as stored; their posts must have been copied. The posts' counters are copied with
     * the posts, so nothing is recounted.
     *
     * @throws IllegalStateException if {@code from} holds no such vote
     */
    static void copyVotes(CommunityStore from, CommunityStore to, List<VoteKey> votes) {
        for (int start = 0; start < votes.size(); start += BATCH) {
            List<VoteKey> keys = votes.subList(start, Math.min(votes.size(), start + BATCH));
            List<VoteRecord> rows = from.read(tx -> {
                List<VoteRecord> found = new ArrayList<>(keys.size());
                for (VoteKey key : keys) {
                    found.add(tx.votes().find(key.post(), key.account()).orElseThrow(() -> new IllegalStateException(
                            "account " + key.account() + " has no vote on post " + key.post() + " to copy")));
                }
                return found;
            });
            to.write(tx -> {
                rows.forEach(tx.votes()::insert);
                return Boolean.TRUE;
            });
        }
    }

    /** Refreshes PostgreSQL's planner statistics after a bulk load; H2 needs none. */
    static void analyze(String database, DataSource dataSource) {
        if (!database.equals("postgresql")) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not ANALYZE the benchmark's PostgreSQL schema", e);
        }
    }
}
