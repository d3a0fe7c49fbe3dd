package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.CommunityEvent.AccountRevealed;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.EditPost;
import dev.niche.community.post.HomeFeed;
import dev.niche.community.post.PostView;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pseudonymity: no view, event, message or cursor carries an account, or ties two pseudonyms of one
 * account together. One account with a distinctive key lives a full life, and everything it causes is
 * searched for that key.
 */
abstract class PrivacyScenarios extends EngineFixture {
    private static final String SECRET_TEXT = "acct-SECRET-7731";
    private static final AccountId SECRET = AccountId.of(SECRET_TEXT);

    private final List<Object> views = new ArrayList<>();
    private final List<String> cursors = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private Actor owner;
    private Actor masked;
    private Actor veiled;
    private CommunityView agora;
    private CommunityView club;
    private PostView mine;
    private PostView theirs;

    PrivacyScenarios(EngineScenarios suite) {
        super(suite);
    }

    private <T> T saw(T view) {
        views.add(view);
        return view;
    }

    private void sawCursor(Page<?> page) {
        views.addAll(page.items());
        cursors.add(page.next().orElseThrow());
    }

    @BeforeEach
    final void aLife() {
        owner = person("founder");
        agora = saw(openCommunity(owner, "agora"));
        club = saw(community(owner, "club", Visibility.PRIVATE, JoinPolicy.INVITE_ONLY));
        masked = identity(SECRET, "masked");
        veiled = identity(SECRET, "veiled");
        saw(engine.memberships().join(masked, JoinCommunity.of(agora.id())));
        saw(engine.memberships().join(veiled, JoinCommunity.withInvite(club.id(), invite(owner, club, 1).code())));
        mine = saw(thread(masked, agora));
        theirs = saw(thread(owner, agora));
        saw(reply(owner, mine));
        saw(reply(owner, mine));
        saw(reply(masked, theirs));
        saw(thread(veiled, club));
        saw(engine.votes().cast(masked, new CastVote(theirs.id(), Direction.UP)));
        saw(engine.votes().cast(masked, new CastVote(theirs.id(), Direction.DOWN)));
        // Neither is published: one is not the membership's pseudonym, the other is the account's own post.
        failure(ErrorCode.FORBIDDEN, () -> engine.votes().cast(veiled, new CastVote(theirs.id(), Direction.DOWN)));
        failure(ErrorCode.FORBIDDEN, () -> engine.votes().cast(masked, new CastVote(mine.id(), Direction.UP)));
        Viewer secretViewer = Viewer.of(SECRET);
        saw(engine.posts().thread(secretViewer, mine.id(), TreeRequest.of(ReplySort.OLD)));
        sawCursor(engine.posts().threads(secretViewer, agora.id(), ThreadOrder.NEW, PageRequest.first(1)));
        sawCursor(engine.posts().threads(secretViewer, agora.id(), ThreadOrder.HOT, PageRequest.first(1)));
        sawCursor(engine.posts().homeFeed(secretViewer, HomeFeed.of(ThreadOrder.NEW), PageRequest.first(1)));
        sawCursor(engine.posts().homeFeed(secretViewer, HomeFeed.scaled(ThreadOrder.HOT), PageRequest.first(1)));
        ThreadView firstReply = saw(engine.posts().thread(secretViewer, mine.id(), new TreeRequest(ReplySort.BEST, 1, 1)));
        cursors.add(Objects.requireNonNull(firstReply.more()).cursor());
        sawCursor(engine.memberships().members(secretViewer, agora.id(), MemberState.ACTIVE, PageRequest.first(1)));
        sawCursor(engine.communities().discover(secretViewer, DiscoveryQuery.everything(), PageRequest.first(1)));
    }

    private void failure(ErrorCode code, ThrowingCallable command) {
        messages.add(assertRejected(code, command).getMessage());
    }

    @Test
    @DisplayName("no view, event, error message or cursor contains the account's key")
    void accountNeverShown() {
        failure(ErrorCode.CONFLICT, () -> engine.memberships().join(veiled, JoinCommunity.of(agora.id())));
        failure(ErrorCode.FORBIDDEN, () -> engine.memberships().join(Actor.of(SECRET, owner.pseudonym()),
                JoinCommunity.of(agora.id())));
        failure(ErrorCode.FORBIDDEN, () -> engine.posts().edit(veiled, new EditPost(mine.id(), "Mine?", "", null)));
        failure(ErrorCode.INVALID_INPUT, () -> engine.identities().register(SECRET, new RegisterPseudonym("Bad!")));
        failure(ErrorCode.CONFLICT, () -> engine.identities().register(SECRET, new RegisterPseudonym("FOUNDER")));
        engine.memberships().ban(owner, agora.id(), masked.pseudonym());
        failure(ErrorCode.FORBIDDEN, () -> engine.votes().cast(veiled, new CastVote(theirs.id(), Direction.UP)));

        List<String> texts = new ArrayList<>(messages);
        views.forEach(view -> texts.add(view.toString()));
        events.forEach(event -> texts.add(event.toString()));
        for (String cursor : cursors) {
            texts.add(cursor);
            texts.add(decoded(cursor, Base64.getUrlDecoder()));
            texts.add(decoded(cursor, Base64.getDecoder()));
        }

        assertThat(texts).isNotEmpty().noneSatisfy(text ->
                assertThat(text.toLowerCase(Locale.ROOT)).contains(SECRET_TEXT.toLowerCase(Locale.ROOT)));
    }

    private static String decoded(String cursor, Base64.Decoder decoder) {
        try {
            return new String(decoder.decode(cursor), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    @Test
    @DisplayName("no single view or event names both pseudonyms of the account")
    void pseudonymsNeverTied() {
        List<String> texts = new ArrayList<>();
        views.stream().filter(view -> !(view instanceof ThreadView))
                .forEach(view -> texts.add(view.toString()));
        events.stream().map(CommunityEvent::toString).forEach(texts::add);

        assertThat(texts).noneSatisfy(text -> assertThat(text)
                .contains(masked.pseudonym().value()).contains(veiled.pseudonym().value()));
        assertThat(texts).noneSatisfy(text -> assertThat(text).contains("masked").contains("veiled"));
    }

    @Test
    @DisplayName("the refusal of a second identity, or of a banned account's other identity, names neither pseudonym")
    void refusalsNameNoPseudonym() {
        String second = assertRejected(ErrorCode.CONFLICT,
                () -> engine.memberships().join(veiled, JoinCommunity.of(agora.id()))).getMessage();
        engine.memberships().ban(owner, agora.id(), masked.pseudonym());
        String banned = assertRejected(ErrorCode.FORBIDDEN,
                () -> engine.memberships().join(veiled, JoinCommunity.of(agora.id()))).getMessage();

        for (String message : List.of(second, banned)) {
            assertThat(message).doesNotContain(masked.pseudonym().value()).doesNotContain("masked")
                    .doesNotContain(veiled.pseudonym().value()).doesNotContain("veiled");
        }
    }

    @Test
    @DisplayName("outsiders cannot vote on a PRIVATE community's posts, and are told NOT_FOUND")
    void privateVotesAreNotFound() {
        PostView hidden = thread(owner, club);
        Actor outsider = person("outsider");

        assertRejected(ErrorCode.NOT_FOUND, () -> engine.votes().cast(outsider, new CastVote(hidden.id(), Direction.UP)));
        assertRejected(ErrorCode.NOT_FOUND, () -> engine.votes().retract(outsider, hidden.id()));
    }

    @Test
    @DisplayName("only the host's audited reveal maps a pseudonym to its account")
    void revealIsAudited() {
        tick();

        assertThat(engine.identities().revealAccount(veiled.pseudonym(), "harassment report")).isEqualTo(SECRET);

        AccountRevealed audit = lastEvent(AccountRevealed.class);
        assertThat(audit).isEqualTo(new AccountRevealed(veiled.pseudonym(), "harassment report", START.plusSeconds(1)));
        assertThat(audit.toString()).doesNotContain(SECRET_TEXT);
    }
}
