package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.CONSENT;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;
import static org.privacyplatform.system.Platform.eventually;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.privacyplatform.audit.verifier.AuditVerifier;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The DPO console in a real browser: dora works the requests queue (verifies an erasure and sees every
 * recipient's outcome, files a request received by post and extends it, rejects it), places and lifts a legal hold,
 * publishes a notice version; audrey, the auditor, verifies the log and downloads an evidence bundle that the offline
 * verifier accepts; bob, a data subject, is refused the console. axe-core on every page it opens.
 */
class Portal4DpoConsoleTest {

    /** A purpose of this test's own: publishing on a reference purpose would ask real subjects for fresh consent. */
    static final String TEST_PURPOSE = "console-test";
    /** dora's subject id (deploy/keycloak/privacy-realm.json): the actor the service records for her actions. */
    static final String DORA = "d0a00000-0000-4000-8000-000000000003";

    /**
     * An erasure of a subject of this run, received by e-mail: alice's own data is shared by every test and every run
     * (an erasure of alice that collides with what an earlier run left is a service's problem, not the console's).
     */
    @Test
    void doraVerifiesAnErasureAndSeesItCompleteWithEveryRecipientsOutcome() {
        String subject = "console-" + UUID.randomUUID();
        // what the platform holds on them: a consent, and an invoice the law makes the platform keep
        as("service").body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                .put(CONSENT + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
        as("service").body("{\"category\":\"accounting\",\"system\":\"billing\",\"reference\":\"invoice-" + UUID.randomUUID()
                + "\",\"anchorDate\":\"2026-03-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", subject).then()
                .statusCode(201);
        // and a prospect file the crm holds itself: the crm must confirm its own erasure, here by e-mail
        as("service:crm").body("{\"category\":\"prospect\",\"system\":\"crm\",\"reference\":\"prospect-" + UUID.randomUUID()
                + "\",\"anchorDate\":\"2026-03-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", subject).then()
                .statusCode(201);
        JsonPath filed = as("dora").body("{\"subjectId\":\"" + subject + "\",\"type\":\"ERASURE\",\"details\":{\"channel\":\"email\"}}")
                .when().post(RIGHTS + "/requests").then().statusCode(201).extract().jsonPath();
        String request = filed.getString("id");
        String due = day(filed.getString("dueAt"));

        try (Browser browser = Browser.open()) {
            browser.login("dora", "/console");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("DPO console");
            assertThat(browser.text(By.id("figure-open"))).matches("\\d+");
            browser.assertAccessible("the console's front page");

            browser.go("/console/requests?type=ERASURE&status=RECEIVED");
            WebElement row = browser.find(By.id("request-" + request));
            assertThat(row.getText()).contains(subject).contains("Erasure").contains("Received").contains(due);
            browser.assertAccessible("the requests queue").screenshot("console-requests");

            // the queue is soonest due first
            List<String> dues = browser.driver().findElements(By.cssSelector("table.queue tbody td.due")).stream()
                    .map(WebElement::getText).filter(t -> t.matches("\\d{4}-\\d{2}-\\d{2}.*")).map(t -> t.substring(0, 10))
                    .toList();
            assertThat(dues).isSorted();

            row.findElement(By.cssSelector("a[href='/console/requests/" + request + "']")).click();
            assertThat(browser.text(By.id("request-subject"))).isEqualTo(subject);
            assertThat(browser.text(By.id("request-due"))).startsWith(due);
            browser.assertAccessible("a request's page");
            browser.submit(By.id("verify"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("The identity was recorded as verified.");

            // the recipients answer: the platform's services over Kafka, any REST recipient through its calling system
            reportForRestRecipients(request);

            // the crm answered by e-mail: dora records its answer out of band
            eventually().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.go("/console/requests/" + request);
                assertThat(browser.driver().findElements(By.id("outcome-crm"))).as("the crm listed as a holder").isNotEmpty();
                assertThat(browser.driver().findElement(By.id("outcome-crm")).getText()).contains("awaited");
            });
            new Select(browser.find(By.id("answered-recipient"))).selectByValue("crm");
            new Select(browser.find(By.id("answered-status"))).selectByValue("DONE");
            new Select(browser.find(By.id("answered-channel"))).selectByValue("email");
            setDate(browser, "answered-on", LocalDate.now(ZoneOffset.UTC));
            browser.find(By.id("answered-note")).sendKeys("The crm confirmed the prospect file is erased.");
            browser.submit(By.id("answered"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("The recipient's answer was recorded.");

            eventually().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                browser.go("/console/requests/" + request);
                assertThat(browser.driver().findElement(By.id("request-status")).getText())
                        .isIn("Completed", "Partially completed");
            });
            assertThat(browser.text(By.id("outcome-consent-service"))).contains("Consent service").containsPattern("DONE|PARTIAL")
                    .contains("consent-state (1)");
            assertThat(browser.text(By.id("outcome-retention-service"))).contains("Retention service")
                    .containsPattern("DONE|PARTIAL").contains("accounting");
            assertThat(browser.text(By.id("outcome-crm"))).contains("DONE").contains("Answered out of band (email, ")
                    .contains("prospect file is erased");
            assertThat(browser.text(By.cssSelector("table.history"))).contains("IDENTITY_VERIFIED")
                    .contains("DPO: " + DORA);
            assertThat(browser.driver().findElements(By.id("verify"))).isEmpty();
            browser.assertAccessible("a completed erasure").screenshot("console-request");
        }
    }

    @Test
    void doraFilesARequestReceivedByPostExtendsItSeesTheNewDueDateThenRejectsIt() {
        String subject = "console-" + UUID.randomUUID();
        LocalDate received = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        try (Browser browser = Browser.open()) {
            browser.login("dora", "/console/requests/new");
            browser.find(By.id("file-subject")).sendKeys(subject);
            new Select(browser.find(By.id("file-type"))).selectByValue("ACCESS");
            new Select(browser.find(By.id("file-channel"))).selectByValue("post");
            setDate(browser, "file-received", received);
            browser.find(By.id("file-details")).sendKeys("A letter asking for a copy of my data.");
            browser.assertAccessible("the form for a request received by post");
            browser.submit(By.id("file"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("The request was filed.");
            String request = browser.text(By.id("request-id"));
            JsonPath filed = as("dora").when().get(RIGHTS + "/requests/{id}", request).then().statusCode(200).extract().jsonPath();
            assertThat(day(filed.getString("receivedAt"))).isEqualTo(received.toString());
            assertThat(browser.text(By.id("request-due"))).startsWith(day(filed.getString("dueAt")))
                    .startsWith(received.plusMonths(1).toString());

            browser.find(By.id("extend-reason")).sendKeys("The request covers eight years of course records.");
            browser.submit(By.id("extend"));
            assertThat(browser.text(By.cssSelector("p.done"))).startsWith("The request was extended");
            String newDue = day(as("dora").when().get(RIGHTS + "/requests/{id}", request).then().statusCode(200)
                    .extract().path("dueAt"));
            assertThat(newDue).isGreaterThan(received.plusMonths(2).toString());
            assertThat(browser.text(By.id("request-due"))).startsWith(newDue);
            assertThat(browser.text(By.id("subject-reads"))).contains("eight years of course records");
            assertThat(browser.driver().findElements(By.id("extend"))).as("extended once only").isEmpty();
            browser.assertAccessible("an extended request");

            new Select(browser.find(By.id("reject-ground"))).selectByValue("EXCESSIVE");
            browser.find(By.id("reject-detail")).sendKeys("The same request was answered last week.");
            browser.find(By.id("reject")).click();
            assertThat(browser.text(By.id("request-status"))).isEqualTo("Rejected");
            assertThat(browser.text(By.id("subject-reads"))).contains("CNIL").contains("answered last week");
        }
    }

    @Test
    void doraPlacesAndLiftsALegalHoldWithItsCaseReference() {
        String caseReference = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open()) {
            browser.login("dora", "/console/retention/holds");
            browser.find(By.id("hold-case")).sendKeys(caseReference);
            browser.find(By.id("hold-subject")).sendKeys("console-" + UUID.randomUUID());
            browser.find(By.id("hold-reason")).sendKeys("Tribunal judiciaire de Paris, claim of a former learner.");
            browser.submit(By.id("place-hold"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("The legal hold was placed.");
            assertThat(browser.text(By.id("holds-standing"))).contains(caseReference);
            browser.assertAccessible("the legal holds");

            browser.submit(By.cssSelector("button[aria-label='Lift the hold " + caseReference + "']"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("The legal hold was lifted.");
            assertThat(browser.text(By.id("holds-standing"))).doesNotContain(caseReference);
            assertThat(browser.text(By.id("holds-lifted"))).contains(caseReference);

            // the rules and their history read as tables
            browser.go("/console/retention");
            assertThat(browser.text(By.id("policy-accounting"))).contains("accounting");
            browser.assertAccessible("the retention rules");
            browser.find(By.cssSelector("a[href='/console/retention/policies/accounting']")).click();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Versions of the rule accounting");
            browser.assertAccessible("a rule's versions");

            // the recipients (Art. 19) and the purposes, as the DPO reads them before changing anything
            browser.go("/console/recipients");
            assertThat(browser.text(By.id("recipient-consent-service"))).contains("Consent service").contains("KAFKA");
            browser.assertAccessible("the recipients");
            browser.go("/console/purposes");
            assertThat(browser.text(By.id("purpose-newsletter"))).contains("CONSENT");
            browser.assertAccessible("the purposes");
        }
    }

    @Test
    void doraPublishesANoticeVersionAfterAPreviewAndItsDifference() {
        ensureTestPurpose();
        String version = "t" + System.currentTimeMillis();
        try (Browser browser = Browser.open()) {
            browser.login("dora", "/console/purposes/" + TEST_PURPOSE);
            browser.assertAccessible("a purpose's notices");
            browser.find(By.id("notice-version")).sendKeys(version);
            WebElement text = browser.find(By.id("notice-text"));
            text.clear();
            text.sendKeys("We use your answers to test the DPO console.\nVersion " + version + " adds this line.");
            browser.find(By.id("notice-fresh")).click();
            browser.find(By.id("preview")).click();

            assertThat(browser.text(By.id("preview-text"))).contains("Version " + version + " adds this line.");
            assertThat(browser.text(By.cssSelector("table.diff tr.added"))).contains("adds this line");
            assertThat(browser.text(By.id("fresh-choice"))).contains("requires fresh consent");
            browser.assertAccessible("a notice's preview");
            browser.find(By.id("publish")).click();

            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Version " + version + " was published.");
            assertThat(browser.text(By.id("current-version"))).isEqualTo(version);
        }
        JsonPath purpose = RestAssured.given().when().get(CONSENT + "/purposes/{id}", TEST_PURPOSE).then().statusCode(200)
                .extract().jsonPath();
        assertThat(purpose.getString("currentNoticeVersion")).isEqualTo(version);
        assertThat(purpose.getBoolean("notices.find { it.version == '" + version + "' }.requiresFreshConsent")).isTrue();
    }

    @Test
    void audreyVerifiesTheLogAndDownloadsAnEvidenceBundleThatTheOfflineVerifierAccepts() {
        // a subject of this run with events in the log
        String subject = "console-" + UUID.randomUUID();
        String request = as("dora").body("{\"subjectId\":\"" + subject + "\",\"type\":\"ACCESS\"}").when()
                .post(RIGHTS + "/requests").then().statusCode(201).extract().path("id");
        as("dora").body("{\"ground\":\"IDENTITY_NOT_VERIFIED\"}").when().post(RIGHTS + "/requests/{id}/reject", request)
                .then().statusCode(200);
        eventually().untilAsserted(() -> assertThat(Platform.auditEvents(subject, "RequestRejected")).isNotEmpty());

        try (Browser browser = Browser.open()) {
            browser.login("audrey", "/console/proof");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Proof");
            assertThat(browser.text(By.cssSelector("nav.console-nav"))).contains("You are reading as an auditor");
            assertThat(Long.parseLong(browser.text(By.id("checkpoint-size")))).isPositive();
            assertThat(browser.text(By.id("offline-command"))).startsWith("java -jar audit-verifier.jar --public-key ");
            browser.find(By.id("verify-log")).click();
            assertThat(browser.text(By.id("verify-result"))).contains("The log verifies").contains("leaves recomputed");
            browser.assertAccessible("the proof page").screenshot("console-proof");

            // the auditor reads: the DPO's own pages are not in her console, and she gets no form to change anything
            assertThat(browser.text(By.cssSelector("nav.console-nav"))).doesNotContain("Recipients and systems");

            // the download, fetched with the browser's own session: the bytes the console serves
            Response download = RestAssured.given().cookies(cookies(browser)).redirects().follow(false)
                    .queryParam("subjectId", subject).when().get(Browser.PORTAL + "/console/proof/evidence");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains(".json");
            byte[] bundle = download.asByteArray();
            assertThat(new String(bundle, StandardCharsets.UTF_8)).contains(subject);

            String key = Base64.getEncoder().encodeToString(Base64.getDecoder().decode(RestAssured.given().when()
                    .get(AUDIT + "/audit/public-key").then().extract().jsonPath().getString("publicKey")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = AuditVerifier.run(new String[] { "--public-key", key, "-" }, new ByteArrayInputStream(bundle),
                    new PrintStream(out), new PrintStream(out));
            assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(AuditVerifier.VALID);

            browser.go("/console/retention");
            assertThat(browser.text(By.id("policy-accounting"))).contains("accounting");
            assertThat(browser.driver().findElements(By.cssSelector("form[method='post']"))).isEmpty();
            // requests and legal holds: she reads them, and finds no form to change them
            for (String page : new String[] { "/console/requests", "/console/retention/holds" }) {
                browser.go(page);
                assertThat(browser.text(By.tagName("h1"))).as(page).isNotEqualTo("Error 403");
                assertThat(browser.driver().findElements(By.cssSelector("table"))).as(page).isNotEmpty();
                assertThat(browser.driver().findElements(By.cssSelector("form[method='post']"))).as(page).isEmpty();
                browser.assertAccessible(page + " read by the auditor");
            }
            browser.go("/console/recipients");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Error 403");
        }
    }

    @Test
    void bobADataSubjectIsRefusedTheConsole() {
        try (Browser browser = Browser.open()) {
            browser.login("bob", "/console");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Error 403");
            assertThat(browser.text(By.cssSelector("p.problem"))).contains("You are not allowed to see this page.");
            assertThat(browser.driver().findElements(By.cssSelector("nav.console-nav"))).isEmpty();
            browser.assertAccessible("the console refused to a data subject");
            browser.go("/console/requests");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Error 403");
        }
    }

    /** Each active REST recipient of erasures reports DONE through the calling system that speaks for it. */
    private static void reportForRestRecipients(String request) {
        List<Map<String, Object>> recipients = as("dora").when().get(RIGHTS + "/recipients").then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (Map<String, Object> r : recipients) {
            if (Boolean.TRUE.equals(r.get("active")) && "REST".equals(r.get("channel"))
                    && ((List<?>) r.get("appliesTo")).contains("ERASURE")) {
                String system = String.valueOf(r.get("reportedBy"));
                eventually().untilAsserted(() -> as("lms".equals(system) ? "service" : "service:" + system)
                        .body("{\"recipientId\":\"" + r.get("id") + "\",\"status\":\"DONE\"}").when()
                        .post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(200));
            }
        }
    }

    /** The test's own purpose, created once (a consent purpose, so that fresh consent means something). */
    private static void ensureTestPurpose() {
        int status = RestAssured.given().when().get(CONSENT + "/purposes/{id}", TEST_PURPOSE).then().extract().statusCode();
        if (status == 404) {
            as("dora").body("""
                    {"name":"Console test","description":"A purpose the DPO console's browser test publishes notices on.",
                     "legalBasis":"CONSENT","notice":{"version":"1.0","text":"We use your answers to test the DPO console."}}""")
                    .when().put(CONSENT + "/purposes/{id}", TEST_PURPOSE).then().statusCode(org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.equalTo(200), org.hamcrest.Matchers.equalTo(201)));
        }
    }

    private static Map<String, String> cookies(Browser browser) {
        return browser.driver().manage().getCookies().stream()
                .collect(Collectors.toMap(Cookie::getName, Cookie::getValue, (a, b) -> a));
    }

    /** A date input filled the way a person types it in chromium (the locale's order), by script to stay exact. */
    private static void setDate(Browser browser, String id, LocalDate date) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    private static String day(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
    }
}
