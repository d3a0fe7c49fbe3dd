package dev.niche.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The web example in a real headless Chromium. Without Debian's {@code chromium} and
 * {@code chromium-driver} these tests are skipped with a message, unless
 * {@code NICHE_TEST_REQUIRE_BROWSER=true} (as under CI), which makes them fail instead.
 */
@DisplayName("The web example in a browser")
class BrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static RunningApp app;

    @BeforeAll
    static void start() {
        String missing = Browser.missing();
        if (missing != null) {
            String message = "Browser tests need Debian's chromium and chromium-driver, but " + missing
                    + " (apt-get install -y chromium chromium-driver; NICHE_TEST_CHROMIUM and "
                    + "NICHE_TEST_CHROMEDRIVER name other paths)";
            if ("true".equalsIgnoreCase(System.getenv("NICHE_TEST_REQUIRE_BROWSER"))) {
                fail(message + ", and NICHE_TEST_REQUIRE_BROWSER=true requires them");
            }
            System.err.println("[niche] SKIPPING the browser tests: " + message
                    + ". Set NICHE_TEST_REQUIRE_BROWSER=true to fail instead.");
            Assumptions.abort(message);
        }
        app = RunningApp.start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String newest(Browser browser) {
        return browser.driver.getCurrentUrl();
    }

    @Nested
    @DisplayName("as a new member")
    class Walk {

        @Test
        @DisplayName("discovers a community, joins, starts a thread, replies and votes, seeing each step on the page")
        void discoverJoinPostReplyVote() throws Exception {
            try (Browser bob = Browser.open()) {
                bob.login(app, "bob");
                assertThat(bob.text(By.id("account"))).isEqualTo("bob");
                assertThat(bob.driver.getPageSource()).contains("Development login stub");

                // Discover by tag and words.
                bob.type(By.id("tag"), "travel");
                bob.type(By.id("q"), "fear");
                bob.clickAndLoad(By.id("search"));
                List<WebElement> results = bob.driver.findElements(By.cssSelector("#results .community a[id^=c-]"));
                assertThat(results).extracting(WebElement::getText).containsExactly("Fearful flyers");
                bob.type(By.id("tag"), "baking");
                bob.type(By.id("q"), "fear");
                bob.clickAndLoad(By.id("search"));
                assertThat(bob.text(By.id("none"))).isEqualTo("No community matches.");
                bob.type(By.id("tag"), "");
                bob.type(By.id("q"), "fear");
                bob.clickAndLoad(By.id("search"));
                bob.clickAndLoad(By.id("c-fearful-flyers"));

                // Join.
                int members = Integer.parseInt(bob.text(By.id("member-count")));
                assertThat(bob.driver.findElements(By.id("start-thread"))).isEmpty();
                bob.clickAndLoad(By.id("join"));
                assertThat(bob.text(By.id("notice"))).isEqualTo("Welcome to Fearful flyers, @white-knuckles!");
                assertThat(bob.text(By.id("member-count"))).isEqualTo(Integer.toString(members + 1));
                assertThat(bob.text(By.id("member-handle"))).isEqualTo("@white-knuckles");

                // Start a thread.
                bob.type(By.id("thread-title"), "My first flight since 2015");
                bob.type(By.id("thread-body"), "Booked for Friday. Window or aisle?");
                bob.clickAndLoad(By.id("post-thread"));
                assertThat(bob.text(By.id("thread-title"))).isEqualTo("My first flight since 2015");
                assertThat(bob.driver.findElement(By.cssSelector("article.root .body")).getText())
                        .isEqualTo("Booked for Friday. Window or aisle?");
                String threadUrl = newest(bob);

                // Reply.
                reply(bob, bob.driver.findElement(By.cssSelector("article.root")), "Answering myself: aisle, to stretch.");
                WebElement reply = bob.find(By.cssSelector("#replies > li.post"));
                assertThat(reply.findElement(By.className("author")).getText()).isEqualTo("@white-knuckles");
                assertThat(reply.findElement(By.className("body")).getText()).isEqualTo("Answering myself: aisle, to stretch.");

                // The new thread is listed under NEW.
                bob.clickAndLoad(By.id("back-to-community"));
                bob.clickAndLoad(By.id("sort-new"));
                assertThat(bob.driver.findElements(By.cssSelector("#threads .thread-link")).get(0).getText())
                        .isEqualTo("My first flight since 2015");

                // Vote on someone else's thread and see the score move, then take the vote back.
                bob.clickAndLoad(By.linkText("Turbulence is uncomfortable, not dangerous"));
                WebElement root = bob.find(By.cssSelector("article.root"));
                assertThat(root.findElement(By.className("score")).getText()).isEqualTo("1");
                bob.clickAndLoad(root.findElement(By.cssSelector("button.up")));
                root = bob.find(By.cssSelector("article.root"));
                assertThat(root.findElement(By.className("score")).getText()).isEqualTo("2");
                assertThat(root.findElement(By.cssSelector("button.up")).getAttribute("class")).contains("mine");
                bob.clickAndLoad(root.findElement(By.cssSelector("button.up")));
                root = bob.find(By.cssSelector("article.root"));
                assertThat(root.findElement(By.className("score")).getText()).isEqualTo("1");
                bob.clickAndLoad(root.findElement(By.cssSelector("button.up")));
                assertThat(bob.find(By.cssSelector("article.root .score")).getText()).isEqualTo("2");

                // Bob's own thread, for the screenshot.
                bob.go(threadUrl);
                screenshot(bob, "thread.png");
            }
        }
    }

    @Nested
    @DisplayName("in an invite-only community")
    class InviteOnly {

        @Test
        @DisplayName("joins with the code its owner created, and not with a made-up one")
        void joinWithInvite() throws Exception {
            try (Browser carol = Browser.open(); Browser bob = Browser.open()) {
                carol.login(app, "carol");
                carol.go(app.url("/c/noir-club"));
                carol.clickAndLoad(By.id("create-invite"));
                String code = carol.text(By.id("new-invite"));
                assertThat(code).isNotBlank();

                bob.login(app, "bob");
                bob.go(app.url("/c/noir-club"));
                assertThat(bob.driver.findElements(By.id("start-thread"))).isEmpty();
                bob.type(By.id("invite-code"), "not-the-code");
                bob.clickAndLoad(By.id("join"));
                assertThat(bob.find(By.tagName("h1")).getText()).isEqualTo("That did not work");
                assertThat(bob.text(By.id("error-code"))).isNotBlank();

                bob.go(app.url("/c/noir-club"));
                bob.type(By.id("invite-code"), code);
                bob.clickAndLoad(By.id("join"));
                assertThat(bob.text(By.id("notice"))).isEqualTo("Welcome to Film noir club, @white-knuckles!");
                assertThat(bob.find(By.id("start-thread")).isDisplayed()).isTrue();
            }
        }
    }

    @Nested
    @DisplayName("with hostile text")
    class Escaping {

        @Test
        @DisplayName("shows <script> and an onerror attribute as text, and runs neither")
        void rendersAsText() throws Exception {
            String title = "<script>window.__niche_xss = 1</script> hello";
            String body = "\"><img src=x onerror=\"window.__niche_xss = 2\"> and <b>bold</b>";
            try (Browser alice = Browser.open()) {
                alice.login(app, "alice");
                alice.go(app.url("/c/fearful-flyers"));
                alice.type(By.id("thread-title"), title);
                alice.type(By.id("thread-body"), body);
                alice.clickAndLoad(By.id("post-thread"));
                reply(alice, alice.driver.findElement(By.cssSelector("article.root")), body);

                assertThat(alice.text(By.id("thread-title"))).isEqualTo(title);
                assertThat(alice.driver.findElement(By.cssSelector("article.root .body")).getText()).isEqualTo(body);
                assertThat(alice.find(By.cssSelector("#replies > li.post .body")).getText()).isEqualTo(body);
                assertThat(alice.driver.findElements(By.cssSelector("img"))).isEmpty();
                assertThat(alice.driver.findElements(By.cssSelector(".body b"))).isEmpty();
                Object injected = ((JavascriptExecutor) alice.driver).executeScript("return window.__niche_xss;");
                assertThat(injected).isNull();
                assertThat(alice.driver.getTitle()).startsWith(title);

                alice.go(app.url("/c/fearful-flyers?sort=NEW"));
                assertThat(alice.driver.findElements(By.cssSelector("#threads .thread-link")).get(0).getText())
                        .isEqualTo(title);
                assertThat(((JavascriptExecutor) alice.driver).executeScript("return window.__niche_xss;")).isNull();
            }
        }
    }

    @Nested
    @DisplayName("with two accounts at once")
    class TwoSessions {

        @Test
        @DisplayName("shows one account's reply to another account's session, and the other's vote back")
        void seeEachOther() throws Exception {
            try (Browser alice = Browser.open(); Browser carol = Browser.open()) {
                alice.login(app, "alice");
                carol.login(app, "carol");
                alice.go(app.url("/c/fearful-flyers"));
                alice.type(By.id("thread-title"), "Ears popping on descent");
                alice.clickAndLoad(By.id("post-thread"));
                String thread = newest(alice);
                reply(alice, alice.driver.findElement(By.cssSelector("article.root")), "Chewing gum for the ears.");

                carol.go(thread);
                WebElement seen = carolsView(carol);
                assertThat(seen.findElement(By.className("author")).getText()).isEqualTo("@calm_pilot");
                assertThat(seen.findElement(By.className("score")).getText()).isEqualTo("0");

                // Carol acts as the pseudonym that joined, carol_reads, and votes the reply up.
                carol.actAs("@carol_reads");
                assertThat(carol.actingAs()).isEqualTo("@carol_reads");
                assertThat(newest(carol)).isEqualTo(thread);
                carol.clickAndLoad(carolsView(carol).findElement(By.cssSelector("button.up")));
                assertThat(carolsView(carol).findElement(By.className("score")).getText()).isEqualTo("1");

                alice.go(thread);
                WebElement mine = alice.find(By.xpath(
                        "//li[contains(@class,'post')][div[@class='body' and text()='Chewing gum for the ears.']]"));
                assertThat(mine.findElement(By.className("score")).getText()).isEqualTo("1");
            }
        }

        private WebElement carolsView(Browser carol) {
            return carol.find(By.xpath(
                    "//li[contains(@class,'post')][div[@class='body' and text()='Chewing gum for the ears.']]"));
        }
    }

    @Nested
    @DisplayName("reading long threads")
    class LongThreads {

        @Test
        @DisplayName("loads the replies a page left out and continues a deep chain on its own page")
        void moreAndContinue() throws Exception {
            try (Browser bob = Browser.open()) {
                bob.login(app, "bob");
                bob.go(app.url("/c/fearful-flyers?sort=TOP&window=ALL"));
                assertThat(bob.find(By.id("sort-top-all")).getAttribute("class")).contains("current");
                bob.clickAndLoad(By.linkText("Your best tip for take-off"));
                int shown = bob.driver.findElements(By.cssSelector("#replies > li.post")).size();
                WebElement more = bob.find(By.cssSelector("a.more"));
                assertThat(more.getText()).isEqualTo((15 - shown) + " more replies");
                bob.clickAndLoad(By.cssSelector("a.more"));
                assertThat(bob.driver.findElements(By.cssSelector("#replies > li.post"))).hasSize(15 - shown);

                bob.go(app.url("/c/fearful-flyers"));
                bob.clickAndLoad(By.linkText("Turbulence is uncomfortable, not dangerous"));
                assertThat(bob.driver.findElements(By.cssSelector("li.post"))).hasSize(ThreadController.PAGE_DEPTH);
                bob.clickAndLoad(By.cssSelector("a.continue"));
                assertThat(bob.find(By.id("continued")).getText()).contains("Continuing a thread from one reply");
                assertThat(bob.driver.findElements(By.cssSelector("li.post .body")))
                        .extracting(WebElement::getText)
                        .containsExactly(
                                "Level 4: breathing out slowly, longer than breathing in, helps me.",
                                "Level 5: breathing out slowly, longer than breathing in, helps me.",
                                "Level 6: breathing out slowly, longer than breathing in, helps me.");
            }
        }
    }

    @Nested
    @DisplayName("with several pseudonyms")
    class Pseudonyms {

        @Test
        @DisplayName("switches the pseudonym it acts as, and says which one holds a membership")
        void switchPseudonym() throws Exception {
            try (Browser alice = Browser.open()) {
                alice.login(app, "alice");
                alice.go(app.url("/c/fearful-flyers"));
                assertThat(alice.driver.findElements(By.id("switch-hint"))).isEmpty();
                assertThat(alice.actingAs()).isEqualTo("@calm_pilot");
                alice.actAs("@alice_bakes");
                assertThat(alice.actingAs()).isEqualTo("@alice_bakes");
                assertThat(newest(alice)).endsWith("/c/fearful-flyers");
                assertThat(alice.text(By.id("member-handle"))).isEqualTo("@calm_pilot");
                assertThat(alice.text(By.id("switch-hint"))).contains("switch to @calm_pilot");
            }
        }
    }

    private static void reply(Browser browser, WebElement post, String text) {
        post.findElement(By.cssSelector("details.reply summary")).click();
        WebElement field = post.findElement(By.cssSelector("details.reply textarea"));
        field.sendKeys(text);
        browser.clickAndLoad(post.findElement(By.cssSelector("details.reply button.send-reply")));
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
