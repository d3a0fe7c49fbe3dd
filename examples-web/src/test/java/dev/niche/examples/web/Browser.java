package dev.niche.examples.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session from Debian's {@code chromium} and {@code chromium-driver} packages,
 * with a fresh user-data directory deleted on close. Selenium is given both paths, so it never
 * looks for or downloads a browser of its own.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NICHE_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("NICHE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    final WebDriver driver;
    private final Path userData;
    private final WebDriverWait wait;

    private Browser() throws IOException {
        userData = Files.createTempDirectory("niche-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userData, "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Why the browser tests cannot run here, or {@code null} when they can. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " is missing";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return CHROMEDRIVER + " is missing";
        }
        return null;
    }

    static Browser open() throws IOException {
        return new Browser();
    }

    /** Opens {@code url} and waits for it to load. */
    void go(String url) {
        driver.get(url);
    }

    /** Logs in through the stub as {@code username}. */
    void login(RunningApp app, String username) {
        go(app.url("/login"));
        clickAndLoad(By.id("login-" + username));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account")));
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Clicks {@code by} and waits for the page it sends to. */
    void clickAndLoad(By by) {
        clickAndLoad(find(by));
    }

    /** Clicks {@code element} (a link or a submit button) and waits for the page it sends to. */
    void clickAndLoad(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        waitForNewPage(page);
    }

    /**
     * Waits until {@code page}, the old document's root, is gone and the new document has loaded.
     * Chromium reports a node of a document being replaced either as stale or as one that "does
     * not belong to the document"; both mean the old page is gone.
     */
    private void waitForNewPage(WebElement page) {
        wait.until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                String message = e.getMessage();
                if (message != null && message.contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        wait.until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Picks the pseudonym shown as {@code handle} in the header's menu, which submits itself. */
    void actAs(String handle) {
        WebElement page = driver.findElement(By.tagName("html"));
        new Select(find(By.id("pseudonym"))).selectByVisibleText(handle);
        waitForNewPage(page);
    }

    /** The handle the header says the user acts as. */
    String actingAs() {
        return new Select(find(By.id("pseudonym"))).getFirstSelectedOption().getText();
    }

    /** Types {@code text} into the field {@code by}, replacing what it held. */
    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    String text(By by) {
        return find(by).getText();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(userData)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
