package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.ALICE;
import static org.privacyplatform.system.Platform.decision;
import static org.privacyplatform.system.Platform.eventually;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The privacy centre in a real browser: a learner logs in through the real Keycloak page (authorization code with
 * PKCE) and changes her mind on the newsletter with one switch, each step followed by the decision API the calling
 * systems ask.
 */
class Portal1PrivacyCentreTest {

    private static final By NEWSLETTER_SWITCH = By.cssSelector("#purpose-newsletter button.switch");

    @Test
    void aliceGrantsThenWithdrawsTheNewsletterWithOneSwitchAndTheDecisionApiFollows() {
        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("My consents");
            assertThat(browser.text(By.cssSelector("header .who"))).contains("Alice");

            // start from "not agreed", whatever an earlier run left
            if ("true".equals(browser.find(NEWSLETTER_SWITCH).getAttribute("aria-checked"))) {
                browser.submit(NEWSLETTER_SWITCH);
                browser.find(By.cssSelector("p.done"));
            }
            WebElement off = browser.find(NEWSLETTER_SWITCH);
            assertThat(off.getAttribute("aria-checked")).isEqualTo("false");
            assertThat(off.getAttribute("aria-label")).isEqualTo("Agree to: Newsletter");
            browser.assertAccessible("the privacy centre").screenshot("privacy-centre");

            browser.submit(off);
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Your consent was recorded.");
            WebElement on = browser.find(NEWSLETTER_SWITCH);
            assertThat(on.getAttribute("aria-checked")).isEqualTo("true");
            assertThat(on.getText()).contains("You agreed");
            eventually().untilAsserted(() -> assertThat(decision(ALICE, "newsletter").allowed()).isTrue());

            // withdrawing: the same switch, in the same place (Art. 7(3))
            browser.submit(on);
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Your consent was withdrawn. We stopped this use.");
            assertThat(browser.find(NEWSLETTER_SWITCH).getAttribute("aria-checked")).isEqualTo("false");
            eventually().untilAsserted(() -> assertThat(decision(ALICE, "newsletter").allowed()).isFalse());

            // the history shows both decisions, newest first
            browser.go("/centre/history");
            String history = browser.text(By.cssSelector("table.history tbody"));
            assertThat(history).contains("Newsletter").contains("WITHDRAWN").contains("GRANTED");
            assertThat(history.indexOf("WITHDRAWN")).isLessThan(history.indexOf("GRANTED"));
            browser.assertAccessible("the consent history");
        }
    }

    @Test
    void aNoticeThatAsksForFreshConsentAsksAliceAgainAndHerNewAgreementCounts() {
        // one fixed test purpose (the local run's catalogue keeps it): each run publishes two new notice versions
        String purpose = "portal-fresh-consent-check";
        String first = "v" + System.currentTimeMillis();
        String second = first + "-fresh";
        publish(purpose, first, false);
        Platform.as("alice").body("{\"granted\":true,\"noticeVersion\":\"" + first + "\",\"source\":\"web\"}").when()
                .put(Platform.CONSENT + "/subjects/{s}/consents/{p}", ALICE, purpose).then().statusCode(200);
        eventually().untilAsserted(() -> assertThat(decision(ALICE, purpose).allowed()).isTrue());
        publish(purpose, second, true);
        eventually().untilAsserted(() -> assertThat(decision(ALICE, purpose).allowed()).isFalse());

        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre");
            By row = By.id("purpose-" + purpose);
            assertThat(browser.find(row).findElement(By.cssSelector("p.warning")).getText())
                    .isEqualTo("This notice changed since you agreed: please read it and choose again.");
            assertThat(browser.find(row).getText()).contains("Notice version " + second);
            WebElement again = browser.find(row).findElement(By.cssSelector("button.switch"));
            assertThat(again.getAttribute("aria-checked")).isEqualTo("false");
            browser.submit(again);
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Your consent was recorded.");
            assertThat(browser.find(row).findElement(By.cssSelector("button.switch")).getAttribute("aria-checked"))
                    .isEqualTo("true");
            assertThat(browser.find(row).findElements(By.cssSelector("p.warning"))).isEmpty();
        }
        eventually().untilAsserted(() -> assertThat(decision(ALICE, purpose).allowed()).isTrue());
    }

    private static void publish(String purpose, String version, boolean requiresFreshConsent) {
        Platform.as("dora").body("{\"name\":\"Browser test: fresh consent\",\"description\":\"A purpose the portal's "
                + "browser tests publish notice versions of.\",\"legalBasis\":\"CONSENT\",\"notice\":{\"version\":\""
                + version + "\",\"text\":\"Notice " + version + " of the browser tests' purpose.\","
                + "\"requiresFreshConsent\":" + requiresFreshConsent + "}}").when()
                .put(Platform.CONSENT + "/purposes/{p}", purpose).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)); // 201 the first time, on a fresh database
    }

    @Test
    void anObjectionToFraudPreventionIsARequestTheDpoReviewsNotASwitch() {
        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre");
            By row = By.id("purpose-fraud-prevention");
            // Art. 21(1): no switch for a legitimate interest other than direct marketing, a request instead
            assertThat(browser.find(row).findElements(By.cssSelector("button"))).isEmpty();
            assertThat(browser.find(By.id("purpose-personalised-marketing")).findElements(By.cssSelector("button")))
                    .isNotEmpty();
            browser.find(row).findElement(By.linkText("Object to this use (a request)")).click();
            assertThat(browser.find(By.id("object-SELECTED")).isSelected()).isTrue();
            assertThat(browser.find(By.id("purpose-fraud-prevention")).isSelected()).isTrue();
            browser.find(By.id("field-note")).sendKeys("I do not want my payments screened");
            browser.find(By.cssSelector("form button[type=submit]")).click();
            String id = browser.find(By.cssSelector("dl.request-facts")).getAttribute("data-request");
            assertThat(browser.find(By.cssSelector("dl.request-facts")).getAttribute("data-status")).isEqualTo("RECEIVED");

            // once verified the objection waits for the DPO's review; fraud prevention goes on meanwhile
            Platform.as("dora").when().post(Platform.RIGHTS + "/requests/{id}/verify-identity", id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
            assertThat(decision(ALICE, "fraud-prevention").allowed()).isTrue();
            browser.go("/centre/requests/" + id);
            assertThat(browser.find(By.cssSelector("dl.request-facts")).getAttribute("data-status")).isEqualTo("IN_PROGRESS");
            // the DPO refuses it on compelling legitimate grounds: she reads them, and where to complain
            Platform.as("dora").body("{\"ground\":\"COMPELLING_LEGITIMATE_GROUNDS\",\"detail\":\"payment screening is "
                    + "required by our card acquirer\"}").when().post(Platform.RIGHTS + "/requests/{id}/reject", id).then()
                    .statusCode(200);
            browser.go("/centre/requests/" + id);
            assertThat(browser.find(By.tagName("main")).getText()).contains("required by our card acquirer")
                    .contains("CNIL");
            assertThat(decision(ALICE, "fraud-prevention").allowed()).isTrue();
        }
    }

    @Test
    void thePagesSpeakFrenchWhenTheBrowserAsksAndTheSwitchChangesTheLanguage() {
        try (Browser browser = Browser.open("fr", false)) {
            browser.go("/");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Vos données, vos choix");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            browser.assertAccessible("the front page in French");
            browser.find(By.cssSelector("a.lang")).click();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Your data, your choices");
            browser.go("/notice");
            assertThat(browser.find(By.cssSelector("article.notice h1")).getText()).isNotBlank();
            browser.assertAccessible("the privacy notice");
        }
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToKeycloakAndNeverSeesACentre() {
        try (Browser browser = Browser.open()) {
            browser.go("/centre/history");
            browser.wait.until(d -> d.getCurrentUrl().startsWith(Browser.KEYCLOAK));
            assertThat(browser.driver().getCurrentUrl()).contains("code_challenge_method=S256")
                    .contains("client_id=privacy-frontend");
        }
    }
}
