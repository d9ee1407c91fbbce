package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real browser on the web portal: the system's headless chromium driven by the system's chromedriver
 * (INFRA-NOTES.md; Selenium Manager cannot download one here). Each instance is a fresh profile: its own cookies,
 * as a separate person's browser would be.
 */
final class Browser implements AutoCloseable {

    static final String PORTAL = System.getProperty("portal.url", "http://127.0.0.1:8085");
    static final String KEYCLOAK = "http://127.0.0.1:8180";
    /** Where the tests' screenshots go; the README's are copied from here (docs/screenshots). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A fresh browser, its language English unless said. */
    static Browser open() {
        return open("en", false);
    }

    /**
     * A fresh browser in the given language (Accept-Language); with {@code gpc}, Global Privacy Control on: every
     * request says {@code Sec-GPC: 1} and pages read {@code navigator.globalPrivacyControl === true}, as in a browser
     * or an extension that implements it.
     */
    static Browser open(String language, boolean gpc) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=" + language, "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(binary("chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (gpc) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"));
        }
        return new Browser(driver);
    }

    private static String binary(String name, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fallback;
    }

    Browser go(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : PORTAL + pathOrUrl);
        return this;
    }

    /**
     * Logs a demo user in through the real Keycloak page (authorization code with PKCE): opens {@code path} on the
     * portal, is sent to Keycloak, types the user name and password, and comes back to {@code path}.
     */
    Browser login(String user, String path) {
        go(path);
        wait.until(ExpectedConditions.urlContains(KEYCLOAK + "/realms/privacy/"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(PORTAL));
        return this;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks what submits a form and waits for the page it leads to: the page before may hold an element of the same
     * kind (a {@code p.done} of the previous step) that would otherwise be read as it goes.
     */
    void submit(By by) {
        submit(find(by));
    }

    void submit(WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(before));
    }

    String text(By by) {
        return find(by).getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A or AA. */
    Browser assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> grave = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(grave).as("axe-core on %s (%s): %s", page, driver.getCurrentUrl(), grave.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
        return this;
    }

    /** A full-window screenshot in target/screenshots/NAME.png (the README shows some of them). */
    Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the screenshot " + name, e);
        }
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
