package dev.niche.community.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.post.PostId;
import dev.niche.community.post.StartThread;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.io.PrintStream;
import java.util.List;

/**
 * The child JVM of {@link DurabilityTest}: builds an engine on the H2 file named by its first
 * argument through {@link JdbcStore#builder}, then starts threads and up-votes each, printing each id
 * only after its command returned, until it is killed (or, at the latest, after its maximum count).
 *
 * <p>Arguments: JDBC URL, a tag unique to the round, the most posts to write. Lines printed:
 * {@code COMMUNITY <community id> <author pseudonym id>}, then {@code POST <id>} and {@code VOTE <id>}.
 */
final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        String url = args[0];
        String tag = args[1];
        int most = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        config.setPoolName("crashing-writer");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CommunityEngine engine = Niche.builder().store(JdbcStore.builder(pool).migrate(true).build()).build();
            AccountId ownerAccount = AccountId.of("owner-" + tag);
            Actor owner = Actor.of(ownerAccount,
                    engine.identities().register(ownerAccount, new RegisterPseudonym("owner-" + tag)).id());
            AccountId voterAccount = AccountId.of("voter-" + tag);
            Actor voter = Actor.of(voterAccount,
                    engine.identities().register(voterAccount, new RegisterPseudonym("voter-" + tag)).id());
            CommunityView community = engine.communities().create(owner, new CreateCommunity("crash-" + tag,
                    "Crash " + tag, "", List.of(), List.of(), Visibility.PUBLIC, JoinPolicy.OPEN));
            engine.memberships().join(voter, JoinCommunity.of(community.id()));
            out.println("COMMUNITY " + community.id() + " " + owner.pseudonym());
            out.flush();
            for (int i = 0; i < most; i++) {
                PostId post = engine.posts().startThread(owner,
                        new StartThread(community.id(), "Thread " + i, "Body " + i, null)).id();
                out.println("POST " + post);
                out.flush();
                engine.votes().cast(voter, new CastVote(post, Direction.UP));
                out.println("VOTE " + post);
                out.flush();
            }
        }
    }
}
