package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.Actor;
import dev.niche.community.ErrorCode;
import dev.niche.community.FieldViolation;
import dev.niche.community.InvalidInputException;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadOrder;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input rules: field paths, messages, NFC, code-point lengths and control characters. Nothing is written on failure. */
abstract class ValidationScenarios extends EngineFixture {
    private static final String EMOJI = "\uD83D\uDE00";

    private Actor owner;
    private CommunityView community;

    ValidationScenarios(EngineScenarios suite) {
        super(suite);
    }

    @BeforeEach
    final void community() {
        owner = person("founder");
        community = openCommunity(owner, "checked");
    }

    private PostView start(String title, String body) {
        return engine.posts().startThread(owner, new StartThread(community.id(), title, body, null));
    }

    private CreateCommunity create(String slug, String title, String description, List<String> tags, List<String> rules) {
        return new CreateCommunity(slug, title, description, tags, rules, Visibility.PUBLIC, JoinPolicy.OPEN);
    }

    private void assertNoThreads() {
        assertThat(engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.NEW, PageRequest.first(5))
                .items()).isEmpty();
    }

    private void assertOnlyTheFirstCommunity() {
        assertThat(engine.communities().discover(Viewer.anonymous(), DiscoveryQuery.everything(), PageRequest.first(10))
                .items()).extracting(CommunityView::slug).containsExactly("checked");
    }

    @Test
    @DisplayName("text is stored NFC-normalised")
    void normalisesToNfc() {
        PostView thread = start("Cafe\u0301 talk", "Cre\u0300me bru\u0302le\u0301e");
        CommunityView created = engine.communities().create(owner,
                create("nfc-check", "Nin\u0303o", "Pin\u0303ata", List.of(), List.of("No\u0308 spam")));

        assertThat(thread.title()).isEqualTo("Caf\u00e9 talk");
        assertThat(thread.body()).isEqualTo("Cr\u00e8me br\u00fbl\u00e9e");
        assertThat(reread(thread).title()).isEqualTo("Caf\u00e9 talk");
        assertThat(created.title()).isEqualTo("Ni\u00f1o");
        assertThat(created.description()).isEqualTo("Pi\u00f1ata");
        assertThat(created.rules()).containsExactly("N\u00f6 spam");
    }

    @Test
    @DisplayName("lengths count code points after NFC: 300 emoji make a title, 301 do not")
    void countsCodePoints() {
        assertThat(start(EMOJI.repeat(300), "").title()).isEqualTo(EMOJI.repeat(300));
        assertThat(start("e\u0301".repeat(300), "").title()).isEqualTo("\u00e9".repeat(300));

        FieldViolation tooLong = assertInvalid("title", () -> start(EMOJI.repeat(301), ""));

        assertThat(tooLong.message()).contains("title");
        assertThat(engine.posts().threads(Viewer.anonymous(), community.id(), ThreadOrder.NEW, PageRequest.first(5))
                .items()).hasSize(2);
    }

    @Test
    @DisplayName("an empty title and an empty reply are refused; so is a reply of 10,001 code points")
    void minimumsAndMaximums() {
        assertInvalid("title", () -> start("", "Body"));
        PostView thread = start("Title", "");
        assertInvalid("body", () -> engine.posts().reply(owner, new Reply(thread.id(), "")));
        assertInvalid("body", () -> engine.posts().reply(owner, new Reply(thread.id(), "x".repeat(10_001))));
        assertThat(engine.posts().reply(owner, new Reply(thread.id(), EMOJI.repeat(10_000))).body())
                .hasSize(20_000);
        assertThat(reread(thread).replyCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\there", "bell\u0007", "nul\u0000", "del\u007f", "c1\u0085"})
    @DisplayName("one-line fields refuse control characters, line feeds and tabs included")
    void oneLineFieldsRefuseControls(String title) {
        assertInvalid("title", () -> start(title, "Body"));
        assertNoThreads();
    }

    @Test
    @DisplayName("multiline fields take line feeds and tabs but no other control characters")
    void multilineFields() {
        assertThat(start("Title", "one\n\ttwo").body()).isEqualTo("one\n\ttwo");
        assertInvalid("body", () -> start("Title", "bell\u0007"));
        assertInvalid("body", () -> start("Title", "escape\u001b[31m"));
        CommunityView created = engine.communities().create(owner,
                create("multiline", "Multi", "first\nsecond", List.of(), List.of("rule\n\tdetail")));
        assertThat(created.description()).isEqualTo("first\nsecond");
        assertInvalid("description", () -> engine.communities().create(owner,
                create("multiline-2", "Multi", "bad\u0000", List.of(), List.of())));
    }

    @Test
    @DisplayName("violations in lists name the element's index: tags[2], rules[0]")
    void listElementPaths() {
        FieldViolation tag = assertInvalid("tags[2]", () -> engine.communities().create(owner,
                create("listed", "Listed", "", List.of("ok", "fine", "Bad Tag"), List.of())));
        assertThat(tag.message()).contains("\"Bad Tag\"");
        assertInvalid("rules[0]", () -> engine.communities().create(owner,
                create("listed", "Listed", "", List.of(), List.of(""))));
        assertInvalid("tags", () -> engine.communities().create(owner,
                create("listed", "Listed", "", Collections.nCopies(11, "tag"), List.of())));
        assertInvalid("rules", () -> engine.communities().create(owner,
                create("listed", "Listed", "", List.of(), Collections.nCopies(21, "Rule"))));
        assertOnlyTheFirstCommunity();
    }

    @Test
    @DisplayName("a message names the field and the value in quotes")
    void messagesNameFieldAndValue() {
        FieldViolation slug = assertInvalid("slug", () -> engine.communities().create(owner,
                create("Bad Slug", "Title", "", List.of(), List.of())));

        assertThat(slug.message()).contains("slug").contains("\"Bad Slug\"");
    }

    @Test
    @DisplayName("every fault of a command is reported at once, and nothing is written")
    void allViolationsAtOnce() {
        InvalidInputException failure = (InvalidInputException) assertRejected(ErrorCode.INVALID_INPUT,
                () -> engine.communities().create(owner, create("x", "", "", List.of("Bad Tag"), List.of())));

        assertThat(failure.violations()).extracting(FieldViolation::field).contains("slug", "title", "tags[0]");
        assertThat(failure.getMessage()).contains("slug").contains("title");
        assertOnlyTheFirstCommunity();
    }

    @Test
    @DisplayName("a null command to any facet is a NullPointerException naming the parameter, before any store work")
    @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the engine's answer is the test
    void nullCommandNamesTheParameter() {
        List<Runnable> calls = List.of(
                () -> engine.identities().register(dev.niche.community.AccountId.of("null-check"), null),
                () -> engine.communities().create(owner, null),
                () -> engine.communities().update(owner, null),
                () -> engine.memberships().join(owner, null),
                () -> engine.memberships().createInvite(owner, null),
                () -> engine.posts().startThread(owner, null),
                () -> engine.posts().reply(owner, null),
                () -> engine.posts().edit(owner, null),
                () -> engine.votes().cast(owner, null));
        for (Runnable call : calls) {
            org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
                    .isExactlyInstanceOf(NullPointerException.class).hasMessage("command");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.communities().discover(Viewer.anonymous(), null,
                PageRequest.first(5))).isExactlyInstanceOf(NullPointerException.class).hasMessage("query");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.posts().startThread(null,
                new StartThread(community.id(), "Title", "Body", null)))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("actor");
        assertNoThreads();
    }

    @Test
    @DisplayName("a null field or a null list element is INVALID_INPUT naming it: tags[1], rules[0], title")
    @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the engine's answer is the test
    void nullFieldsAreInvalidInput() {
        assertInvalid("tags[1]", () -> engine.communities().create(owner,
                create("nulls", "Nulls", "", java.util.Arrays.asList("ok", null), List.of())));
        assertInvalid("rules[0]", () -> engine.communities().create(owner,
                create("nulls", "Nulls", "", List.of(), java.util.Arrays.asList((String) null))));
        assertInvalid("tags", () -> engine.communities().create(owner, create("nulls", "Nulls", "", null, List.of())));
        assertInvalid("title", () -> engine.posts().startThread(owner, new StartThread(community.id(), null, "", null)));
        assertInvalid("community", () -> engine.posts().startThread(owner, new StartThread(null, "Title", "", null)));
        assertOnlyTheFirstCommunity();
        assertNoThreads();
    }
}
