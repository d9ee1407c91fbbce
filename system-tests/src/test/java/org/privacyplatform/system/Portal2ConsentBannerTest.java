package org.privacyplatform.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.BOB;
import static org.privacyplatform.system.Platform.CONSENT;
import static org.privacyplatform.system.Platform.decide;
import static org.privacyplatform.system.Platform.decision;
import static org.privacyplatform.system.Platform.eventually;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.sun.net.httpserver.HttpServer;

/**
 * The visitors' consent banner in a real browser, on a customer's page served from another origin (127.0.0.1:8087,
 * in consent-service's CORS allow-list) with a strict CSP of its own: the page includes banner.js from the portal and
 * nothing else. Each browser is a fresh visitor with a fresh device id, so the tests hold on a database that earlier
 * runs filled.
 */
class Portal2ConsentBannerTest {

    /** A customer's site: its origin is in consent-service's local CORS allow-list. */
    static final String CUSTOMER = "http://127.0.0.1:8087";
    /** A site that is not: the browser must refuse the banner's calls to the consent service from there. */
    static final String STRANGER = "http://127.0.0.1:8088";
    static final String PURPOSE = "cookies-consent";

    private static final By BANNER = By.id("pp-banner");
    private static final By ACCEPT = By.cssSelector("#pp-banner button[data-pp=accept]");
    private static final By REFUSE = By.cssSelector("#pp-banner button[data-pp=refuse]");
    private static final By CHOOSE = By.cssSelector("#pp-banner button[data-pp=choose]");
    private static final By SETTINGS = By.cssSelector("button.pp-reopen");
    private static final By CENTRE_SWITCH = By.cssSelector("#purpose-cookies-consent button.switch");

    private static HttpServer customer;
    private static HttpServer stranger;

    @BeforeAll
    static void serveTheCustomersPages() throws IOException {
        customer = customerSite(8087);
        stranger = customerSite(8088);
    }

    @AfterAll
    static void stopServing() {
        customer.stop(0);
        stranger.stop(0);
    }

    @Test
    void aVisitorWithGlobalPrivacyControlHasConsentCookiesRefusedIsToldWhyAndMayStillGrant() {
        try (Browser browser = Browser.open("en", true)) {
            browser.go(CUSTOMER + "/");
            WebElement notice = browser.find(By.cssSelector("#pp-banner .pp-gpc"));
            assertThat(notice.getText()).contains("Global Privacy Control").contains("honoured")
                    .contains("cookies that need your consent are refused");
            String device = deviceId(browser);
            Map<String, Object> refused = deviceStanding(device);
            assertThat(refused).containsEntry("status", "WITHDRAWN").containsEntry("source", "gpc");
            browser.find(CHOOSE).click();
            assertThat(browser.text(By.id("pp-purpose-" + PURPOSE + "-state")))
                    .isEqualTo("Refused because of your Global Privacy Control signal.");
            browser.assertAccessible("the banner under Global Privacy Control").screenshot("banner-gpc");

            // an explicit grant later is the visitor's choice, recorded as sent
            browser.find(ACCEPT).click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(BANNER));
            eventually().untilAsserted(() -> assertThat(deviceStanding(device)).containsEntry("status", "GRANTED")
                    .containsEntry("source", "web"));

            // chosen: the next page does not ask again, and offers the settings instead
            browser.go(CUSTOMER + "/");
            browser.find(SETTINGS);
            assertThat(browser.driver().findElement(BANNER).isDisplayed()).isFalse();
        }
    }

    @Test
    void refuseAllIsAsEasyAsAcceptAllAndRecordsARefusal() {
        try (Browser browser = Browser.open()) {
            browser.go(CUSTOMER + "/");
            browser.find(BANNER);
            WebElement accept = browser.find(ACCEPT);
            WebElement refuse = browser.find(REFUSE);
            // the same look and weight: one click each, the same size and colours (CNIL)
            assertThat(refuse.getSize()).isEqualTo(accept.getSize());
            for (String property : List.of("background-color", "color", "font-weight", "font-size")) {
                assertThat(refuse.getCssValue(property)).as(property).isEqualTo(accept.getCssValue(property));
            }
            assertThat(browser.text(By.id("pp-title"))).isEqualTo("Cookies on this site");
            browser.assertAccessible("the banner").screenshot("banner");

            refuse.click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(BANNER));
            assertThat(browser.driver().findElement(By.cssSelector(".pp-live")).getText())
                    .isEqualTo("Your choices were saved.");
            String device = deviceId(browser);
            assertThat(deviceStanding(device)).containsEntry("status", "WITHDRAWN").containsEntry("source", "web");
        }
    }

    @Test
    void theBannerCanBeCompletedWithTheKeyboardAlone() {
        try (Browser browser = Browser.open()) {
            browser.go(CUSTOMER + "/");
            browser.find(BANNER);
            browser.wait.until(d -> "pp-banner".equals(d.switchTo().activeElement().getAttribute("id")));

            tabTo(browser, "choose");
            press(browser, Keys.ENTER);
            assertThat(browser.find(CHOOSE).getAttribute("aria-expanded")).isEqualTo("true");
            tabTo(browser, PURPOSE);
            press(browser, Keys.SPACE);
            assertThat(active(browser).isSelected()).isTrue();
            tabTo(browser, "save");
            press(browser, Keys.ENTER);

            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(BANNER));
            String device = deviceId(browser);
            assertThat(deviceStanding(device)).containsEntry("status", "GRANTED").containsEntry("source", "web");

            // focus is not lost: it lands on the settings button, which reopens the banner with the choice shown
            browser.wait.until(d -> active(browser).getAttribute("class").contains("pp-reopen"));
            press(browser, Keys.ENTER);
            browser.find(BANNER);
            tabTo(browser, "choose");
            press(browser, Keys.ENTER);
            assertThat(browser.driver().findElement(By.id("pp-purpose-" + PURPOSE)).isSelected()).isTrue();
            press(browser, Keys.ESCAPE);
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(BANNER));
        }
    }

    @Test
    void aVisitorWhoAcceptsThenLogsInFindsTheChoiceInTheirCentre() {
        // whatever an earlier run left, Bob's own standing is older than the visitor's choice made next
        decide("bob", BOB, PURPOSE, false);
        try (Browser browser = Browser.open()) {
            browser.go(CUSTOMER + "/");
            browser.find(ACCEPT).click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(BANNER));
            String device = deviceId(browser);
            assertThat(deviceStanding(device)).containsEntry("status", "GRANTED");

            browser.login("bob", "/centre");
            assertThat(browser.text(By.cssSelector("p.done")))
                    .isEqualTo("Your choices on this device were added to your account.");
            assertThat(browser.find(CENTRE_SWITCH).getAttribute("aria-checked")).isEqualTo("true");
            eventually().untilAsserted(() -> assertThat(decision(BOB, PURPOSE).allowed()).isTrue());

            // joined once: the next view of the centre does not join again
            browser.go("/centre");
            browser.find(CENTRE_SWITCH);
            assertThat(browser.driver().findElements(By.cssSelector("p.done"))).isEmpty();
        }
    }

    @Test
    void theConsentServiceAnswersTheCustomersOriginAndTheBrowserRefusesAStrangersOne() {
        String device = freshDevice();
        String path = CONSENT + "/devices/" + device + "/consents/" + PURPOSE;
        given().header("Origin", CUSTOMER).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type").when().options(path).then().statusCode(200)
                .header("Access-Control-Allow-Origin", CUSTOMER)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PUT"));
        String refused = given().header("Origin", STRANGER).header("Access-Control-Request-Method", "PUT")
                .when().options(path).then().extract().header("Access-Control-Allow-Origin");
        assertThat(refused).isNull();

        // the banner on a page of an origin that is not allowed: the browser blocks the call, the visitor reads why
        try (Browser browser = Browser.open()) {
            browser.go(STRANGER + "/");
            browser.find(ACCEPT).click();
            assertThat(browser.text(By.cssSelector("#pp-banner .pp-error")))
                    .isEqualTo("Your choice could not be saved: the consent service did not answer. Please try again.");
            assertThat(browser.driver().manage().getCookieNamed("pp_device")).isNull();
            assertThat(browser.driver().findElement(BANNER).isDisplayed()).isTrue();
        }
    }

    @Test
    void aDeviceOverItsRateLimitIsNotAskedAgainAndReadsWhyItsChoiceWaitsWhenItChoosesAnyway() {
        // a device that chose, then made the consent service limit it (30 calls a minute per device)
        String device = freshDevice();
        assertThat(exhaust(device)).isEqualTo(429);
        try (Browser browser = Browser.open()) {
            browser.go(CUSTOMER + "/blank");
            browser.driver().manage().addCookie(new Cookie("pp_device", device, "/"));
            browser.go(CUSTOMER + "/");
            // its standing cannot be read now: it is not asked again, and may still open the settings
            browser.find(SETTINGS).click();
            // the bucket refills a token every 2 s: keep it empty while the browser clicks, however slow the machine,
            // so the click is refused
            WebElement accept = browser.find(ACCEPT);
            java.util.concurrent.atomic.AtomicBoolean clicked = new java.util.concurrent.atomic.AtomicBoolean();
            Thread keepEmpty = new Thread(() -> {
                while (!clicked.get()) {
                    exhaust(device);
                }
            }, "keep-the-bucket-empty");
            keepEmpty.setDaemon(true);
            keepEmpty.start();
            try {
                assertThat(exhaust(device)).isEqualTo(429);
                accept.click();
                assertThat(browser.text(By.cssSelector("#pp-banner .pp-error")))
                        .matches("Too many choices in a short time: please try again in \\d+ seconds\\.");
            } finally {
                clicked.set(true);
            }
        }
    }

    @Test
    void theBannerSpeaksFrenchOnAFrenchPageAndStaysAccessibleWithTheChoicesOpen() {
        try (Browser browser = Browser.open("fr", false)) {
            browser.go(CUSTOMER + "/fr");
            assertThat(browser.text(By.id("pp-title"))).isEqualTo("Les cookies sur ce site");
            assertThat(browser.find(REFUSE).getText()).isEqualTo("Tout refuser");
            assertThat(browser.find(ACCEPT).getText()).isEqualTo("Tout accepter");
            browser.find(CHOOSE).click();
            assertThat(browser.find(By.cssSelector("label[for=pp-purpose-cookies-essential]")).getAttribute("lang"))
                    .isEqualTo("en");
            assertThat(browser.find(By.id("pp-purpose-cookies-essential")).isEnabled()).isFalse();
            browser.assertAccessible("the banner in French, its choices open").screenshot("banner-choices-fr");
        }
    }

    // ---- helpers

    /** Choices for the device until the consent service limits it; the last status (429 once limited). */
    private static int exhaust(String device) {
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = given().contentType("application/json")
                    .body("{\"granted\":false,\"noticeVersion\":\"1.0\",\"source\":\"web\"}").when()
                    .put(CONSENT + "/devices/{d}/consents/{p}", device, PURPOSE).then().extract().statusCode();
        }
        return status;
    }

    /** The device's standing on cookies-consent as the consent service keeps it (public, no token). */
    private static Map<String, Object> deviceStanding(String device) {
        List<Map<String, Object>> standing = given().when().get(CONSENT + "/devices/{d}/consents", device).then()
                .statusCode(200).extract().jsonPath().getList("$");
        return standing.stream().filter(s -> PURPOSE.equals(s.get("purposeId"))).findFirst().orElseThrow();
    }

    private static String freshDevice() {
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static String deviceId(Browser browser) {
        Cookie cookie = browser.wait.until(d -> d.manage().getCookieNamed("pp_device"));
        assertThat(cookie.getValue()).matches("[0-9a-f]{32}");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getExpiry()).isNotNull()
                .isBefore(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(396))));
        return cookie.getValue();
    }

    private static WebElement active(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    private static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** TAB until the element of that data-pp (a button) or data-purpose (a checkbox) has the focus, as a person would. */
    private static void tabTo(Browser browser, String name) {
        for (int i = 0; i < 12; i++) {
            press(browser, Keys.TAB);
            WebElement focused = active(browser);
            if (name.equals(focused.getAttribute("data-pp")) || name.equals(focused.getAttribute("data-purpose"))) {
                return;
            }
        }
        throw new AssertionError("TAB never reached " + name + " in the banner");
    }

    /**
     * A customer's site: a page that includes the banner with one script tag, under a strict CSP of its own (no
     * 'unsafe-inline'), that allows only the portal (script, style sheet, configuration) and the consent service.
     */
    private static HttpServer customerSite(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] page = ("/".equals(path) ? page("en", " data-lang=\"en\"")
                    : "/fr".equals(path) ? page("fr", "")
                    : "/blank".equals(path) ? "<!DOCTYPE html><html lang=\"en\"><title>Blank</title></html>" : "")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self' "
                    + Browser.PORTAL + "; style-src 'self' " + Browser.PORTAL + "; connect-src 'self' " + Browser.PORTAL
                    + " " + CONSENT + "; img-src 'self' data:; base-uri 'self'; object-src 'none'; frame-ancestors 'none'");
            exchange.sendResponseHeaders(page.length == 0 ? 404 : 200, page.length == 0 ? -1 : page.length);
            if (page.length > 0) {
                exchange.getResponseBody().write(page);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String page(String lang, String langAttribute) {
        boolean fr = "fr".equals(lang);
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="icon" href="data:,"></head>
                <body>
                <header><p>Learn &amp; Grow</p></header>
                <main><h1>%s</h1><p>%s</p></main>
                <script src="%s/banner.js" data-consent-api="%s"%s defer></script>
                </body>
                </html>
                """.formatted(lang, fr ? "Nos cours en ligne" : "Our online courses",
                fr ? "Nos cours en ligne" : "Our online courses",
                fr ? "Une page du site d'un client, qui inclut le bandeau de consentement avec une seule balise script."
                        : "A page of a customer's site, which includes the consent banner with one script tag.",
                Browser.PORTAL, CONSENT, langAttribute);
    }
}
