package dev.niche.community.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.post.ReplySort;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.vote.Direction;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for the values a store keeps: the longest the engine accepts, and any Unicode text, come
 * back exactly as written. Lengths are the engine's limits, counted in code points, so text made
 * of characters outside the Basic Multilingual Plane is twice as long in UTF-16 and four times in
 * UTF-8 bytes.
 */
abstract class ValueRules extends RuleFamily {
    /** Characters outside the Basic Multilingual Plane: two UTF-16 units and four UTF-8 bytes each. */
    private static final String WIDEST = "😀🦄𝔘𠜎🏳𓀀";

    /** Text that stores get wrong: emoji sequences, combining marks in both normal forms, right-to-left scripts, supplementary planes. */
    static final List<String> TRICKY_TEXTS = List.of(
            "👩‍👩‍👧‍👦 family, 👍🏽 toned, 🏳️‍🌈 flag, 🇯🇵 regional",
            "e\u0301 decomposed and \u00e9 composed, Z\u0351\u036b\u0343\u036a\u0302 stacked",
            "שָׁלוֹם and مرحبا بالعالم with \u200f marks \u200e and \u202bembedding\u202c",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎𠜱 𓀀 🜁 and \ufeff zero-width \u200d joiner",
            "tabs\tand\nline feeds\n\n, 'quotes' \"double\" \\ back\\slash; DROP TABLE posts; --",
            "日本語のテキスト、한국어 텍스트, ελληνικά, кириллица");

    ValueRules(StoreCompatibilityKit kit) {
        super(kit);
    }

    /** Exactly {@code codePoints} code points, cycling through {@code alphabet}. */
    static String text(int codePoints, String alphabet) {
        int[] letters = alphabet.codePoints().toArray();
        int[] out = IntStream.range(0, codePoints).map(i -> letters[i % letters.length]).toArray();
        return new String(out, 0, out.length);
    }

    /** If this fails, check that text columns hold 40,000 code points of 4-byte characters (posts), that no column is sized in bytes or UTF-16 units too small, and that rank keys are 8-byte doubles (DOUBLE PRECISION), not REAL or DECIMAL. */
    @Test
    @DisplayName("a thread at the longest title, body and link comes back exactly, rank keys to the last bit")
    void longestPost() {
        PseudonymRecord author = Rows.pseudonym(Rows.account(), "author");
        CommunityRecord community = Rows.community("long-posts");
        PostId id = PostId.of(Rows.newId());
        String link = "https://example.org/" + "a".repeat(2048 - 20);
        PostRecord longest = new PostRecord(id, community.id(), id, null, 0, author.id(), author.account(),
                text(300, WIDEST), text(40_000, WIDEST), link, Rows.T0, Rows.T0, false, false, PostCounters.ZERO,
                new Ranks(Math.nextUp(5432.1), 0.1 + 0.2, Math.nextDown(1024d)));
        PostRecord reply = new PostRecord(PostId.of(Rows.newId()), community.id(), id, id, 1, author.id(),
                author.account(), "", text(10_000, WIDEST), null, Rows.T0, null, false, false, PostCounters.ZERO,
                new Ranks(-6543.210987654321, 1 - Math.ulp(1d), 3.0000000000000004));
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            tx.posts().insert(longest);
            tx.posts().insert(reply);
        });

        assertThat(link).hasSize(2048);
        PostRecord read = committed().posts().byId(id).orElseThrow();
        assertThat(read.body()).isEqualTo(longest.body());
        assertThat(read).isEqualTo(longest);
        assertThat(committed().posts().children(id, ReplySort.OLD, null, 10)).containsExactly(reply);
        given(tx -> tx.posts().update(longest.withText(text(300, "ab"), text(40_000, WIDEST + "x"), null, Rows.at(1))));
        assertThat(committed().posts().byId(id).orElseThrow().body()).isEqualTo(text(40_000, WIDEST + "x"));
    }

    /** If this fails, check the sizes of the slug (48), title (100), description (2,000), tag (10 of 32) and rule (20 of 500) columns, in code points. */
    @Test
    @DisplayName("a community at the longest slug, title, description, tags and rules comes back exactly")
    void longestCommunity() {
        List<String> tags = IntStream.range(0, 10).mapToObj(i -> (char) ('a' + i) + "-".repeat(30) + i).toList();
        List<String> rules = IntStream.range(0, 20).mapToObj(i -> text(500, i + WIDEST)).toList();
        CommunityRecord longest = new CommunityRecord(CommunityId.of(Rows.newId()), "s" + "-".repeat(46) + "9",
                text(100, WIDEST), text(2_000, WIDEST), tags, rules, Visibility.PUBLIC, JoinPolicy.OPEN, false, 0,
                Rows.T0, Rows.T0);
        given(tx -> tx.communities().insert(longest));

        assertThat(longest.slug()).hasSize(48);
        assertThat(tags).allSatisfy(tag -> assertThat(tag).hasSize(32));
        assertThat(committed().communities().byId(longest.id())).contains(longest);
        assertThat(committed().communities().bySlug(longest.slug())).contains(longest);
        assertThat(committed().communities().search(new CommunitySearch(tags.get(9), List.of("🦄𝔘"), Set.of(), null, 5)))
                .containsExactly(longest);
    }

    /** If this fails, check the handle column (32 characters) and the account column: 128 UTF-16 units, which may be 64 supplementary characters. */
    @Test
    @DisplayName("the longest handle and the longest account key, of any characters, come back exactly")
    void longestHandleAndAccount() {
        AccountId account = AccountId.of(text(64, WIDEST));
        PseudonymRecord p = new PseudonymRecord(PseudonymId.of(Rows.newId()), account,
                "H" + "_".repeat(30) + "z", Rows.T0);
        CommunityRecord community = Rows.community("long-keys");
        PostRecord post = Rows.thread(community, p, Rows.T0);
        given(tx -> {
            tx.pseudonyms().insert(p);
            tx.communities().insert(community);
            tx.memberships().insert(Rows.membership(community, p, MemberState.ACTIVE, Rows.T0));
            tx.posts().insert(post);
            tx.votes().insert(Rows.vote(post, p, Direction.UP));
        });

        assertThat(account.value()).hasSize(AccountId.MAX_LENGTH);
        assertThat(committed().pseudonyms().byHandle("h" + "_".repeat(30) + "Z")).contains(p);
        assertThat(committed().pseudonyms().byAccount(account)).containsExactly(p);
        assertThat(committed().memberships().find(community.id(), account)).isPresent();
        assertThat(committed().votes().find(post.id(), account)).isPresent();
        assertThat(committed().posts().byId(post.id()).orElseThrow().authorAccount()).isEqualTo(account);
        assertThat(committed().memberships().communitiesOf(account, MemberState.ACTIVE)).containsExactly(community.id());
    }

    /** If this fails, check that the database and connection use a full Unicode encoding (utf8mb4 on MariaDB) and that the store neither normalises nor trims text. */
    @Test
    @DisplayName("emoji, combining marks, right-to-left and supplementary-plane text come back exactly")
    void unicodeRoundTrips() {
        PseudonymRecord author = Rows.pseudonym(Rows.account(), "unicode");
        CommunityRecord community = new CommunityRecord(CommunityId.of(Rows.newId()), "unicode",
                TRICKY_TEXTS.get(0), String.join("\n", TRICKY_TEXTS), List.of("emoji"), TRICKY_TEXTS,
                Visibility.PUBLIC, JoinPolicy.OPEN, false, 0, Rows.T0, Rows.T0);
        List<PostRecord> posts = TRICKY_TEXTS.stream().map(s -> {
            PostRecord p = Rows.thread(community, author, Rows.T0);
            return p.withText(s, s + " " + s, null, Rows.T0);
        }).toList();
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            posts.forEach(tx.posts()::insert);
        });

        assertThat(committed().communities().byId(community.id())).contains(community);
        for (PostRecord post : posts) {
            PostRecord read = committed().posts().byId(post.id()).orElseThrow();
            assertThat(read.title()).as("a title written as %s", post.title()).isEqualTo(post.title());
            assertThat(read.body().codePoints().toArray()).isEqualTo(post.body().codePoints().toArray());
        }
        assertThat(committed().communities().search(new CommunitySearch(null, List.of("e\u0301 decomposed"), Set.of(),
                null, 5))).containsExactly(community);
        assertThat(committed().communities().search(new CommunitySearch(null, List.of("\u00e9 decomposed"), Set.of(),
                null, 5))).isEmpty();
    }

    /** If this fails, check that empty strings stay empty strings (not null) and that spaces at either end are kept. */
    @Test
    @DisplayName("empty texts and surrounding spaces come back exactly")
    void emptyAndPaddedText() {
        PseudonymRecord author = Rows.pseudonym(Rows.account(), "spaces");
        CommunityRecord community = new CommunityRecord(CommunityId.of(Rows.newId()), "spaces", "  padded  ", "",
                Collections.nCopies(2, "twin"), List.of(" a rule "), Visibility.PUBLIC, JoinPolicy.OPEN, false, 0,
                Rows.T0, Rows.T0);
        PostRecord post = Rows.thread(community, author, Rows.T0).withText(" t ", "", null, Rows.T0);
        given(tx -> {
            tx.pseudonyms().insert(author);
            tx.communities().insert(community);
            tx.posts().insert(post);
        });

        assertThat(committed().communities().byId(community.id())).contains(community);
        assertThat(committed().posts().byId(post.id())).contains(post);
    }
}
