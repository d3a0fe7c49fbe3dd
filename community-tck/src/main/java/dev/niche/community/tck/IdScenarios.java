package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.core.IdGenerator;
import dev.niche.community.core.Niche;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteView;
import dev.niche.community.post.PostView;
import dev.niche.community.post.StartThread;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ids are typed, opaque lowercase UUIDs from the injected generator; time comes from the injected clock. */
abstract class IdScenarios extends EngineFixture {
    private static final String LOWERCASE_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    IdScenarios(EngineScenarios suite) {
        super(suite);
    }

    @Test
    @DisplayName("with the default generator, every id's text is a lowercase UUID and times come from the clock")
    void defaultIds() {
        CommunityEngine plain = Niche.builder().store(store).clock(clock).build();
        AccountId account = AccountId.of("acct-plain");
        PseudonymView pseudonym = plain.identities().register(account, new RegisterPseudonym("plain"));
        Actor actor = Actor.of(account, pseudonym.id());
        CommunityView community = plain.communities().create(actor,
                creation("plain-ids", Visibility.PUBLIC, JoinPolicy.OPEN));
        PostView post = plain.posts().startThread(actor, new StartThread(community.id(), "Ids", "", null));
        InviteView invite = plain.memberships().createInvite(actor,
                new CreateInvite(community.id(), Duration.ofDays(1), 1));

        for (String id : new String[] {pseudonym.id().value(), community.id().value(), post.id().value(),
            invite.id().value()}) {
            assertThat(id).matches(LOWERCASE_UUID);
        }
        assertThat(invite.code()).doesNotContain(invite.id().value());
        assertThat(post.createdAt()).isEqualTo(START);
        assertThat(community.createdAt()).isEqualTo(START);
    }

    @Test
    @DisplayName("two secure generators make 10,000 distinct ids")
    void secureIdsDoNotCollide() {
        IdGenerator first = IdGenerator.secure();
        IdGenerator second = IdGenerator.secure();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(first.newId());
            ids.add(second.newId());
        }

        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches(LOWERCASE_UUID));
    }
}
