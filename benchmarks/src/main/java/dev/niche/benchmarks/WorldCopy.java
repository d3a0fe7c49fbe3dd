package dev.niche.benchmarks;

import dev.niche.community.Actor;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Copies a world built on the in-memory store into another store through the SPI, rows as stored
 * (counters and rank keys included), a few thousand rows per unit of work. Building a large world
 * through the engine on a real database takes far longer than a trial may; copying its rows does
 * not, and reads then see exactly what the engine left. Votes are not copied: reads never touch them.
 */
final class WorldCopy {
    private static final int BATCH = 5_000;

    private WorldCopy() {
    }

    /**
     * Copies the world's pseudonyms, community, memberships and {@code posts}, which must be in
     * creation order so that every parent lands before its replies.
     */
    static void copy(Worlds world, CommunityStore from, CommunityStore to, List<PostId> posts) {
        List<PseudonymRecord> pseudonyms = from.read(tx -> {
            List<PseudonymRecord> all = new ArrayList<>();
            for (Actor member : world.members) {
                all.addAll(tx.pseudonyms().byAccount(member.account()));
            }
            return all;
        });
        to.write(tx -> {
            pseudonyms.forEach(tx.pseudonyms()::insert);
            return null;
        });
        var community = from.read(tx -> tx.communities().byId(world.community)).orElseThrow();
        List<MembershipRecord> memberships = from.read(tx -> {
            List<MembershipRecord> all = new ArrayList<>();
            @Nullable MemberKey after = null;
            while (true) {
                List<MembershipRecord> page = tx.memberships().page(world.community, MemberState.ACTIVE, after, 1_000);
                all.addAll(page);
                if (page.size() < 1_000) {
                    return all;
                }
                MembershipRecord last = page.get(page.size() - 1);
                after = new MemberKey(last.since(), last.pseudonym());
            }
        });
        to.write(tx -> {
            tx.communities().insert(community);
            memberships.forEach(tx.memberships()::insert);
            return null;
        });
        for (int start = 0; start < posts.size(); start += BATCH) {
            List<PostId> ids = posts.subList(start, Math.min(posts.size(), start + BATCH));
            Map<PostId, PostRecord> rows = from.read(tx -> tx.posts().byIds(ids));
            to.write(tx -> {
                for (PostId id : ids) {
                    tx.posts().insert(rows.get(id));
                }
                return null;
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
