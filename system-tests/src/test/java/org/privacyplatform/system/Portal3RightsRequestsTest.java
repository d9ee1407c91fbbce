package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.ALICE;
import static org.privacyplatform.system.Platform.BOB;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.restassured.path.json.JsonPath;

/**
 * The rights requests of the privacy centre in a real browser: alice files an access request through the form, sees
 * it received with its due date, downloads her export once dora has verified her identity, is told the fee before a
 * paid copy; bob never sees her request; a form without its CSRF token is refused; every page passes axe-core. The
 * demo users' data persists across runs: each test works on the request it has just filed.
 */
@SuppressWarnings("unchecked")
class Portal3RightsRequestsTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final By FACTS = By.cssSelector("dl.request-facts");

    @Test
    void aliceFilesAnAccessRequestFollowsItAndDownloadsHerExportTheFeeStatedBeforeAPaidCopy() {
        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre/requests");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("My requests");
            browser.assertAccessible("the requests page");

            // the form of an access request: what the right is, what happens next, the one-month deadline
            browser.find(By.cssSelector("a[data-type='ACCESS']")).click();
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("New request: Access to my data");
            assertThat(browser.text(By.tagName("main"))).contains("within one month").contains("download your data");
            browser.assertAccessible("the access request form");
            browser.find(By.id("field-note")).sendKeys("Everything you hold on me, please.");
            browser.find(By.cssSelector("form.request-form button[type=submit]")).click();

            // on the request's own page: received, with its due date (one month after receipt)
            browser.wait.until(ExpectedConditions.urlMatches("/centre/requests/[0-9a-f-]{36}\\?done=filed$"));
            String url = browser.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/centre/requests/") + "/centre/requests/".length(), url.indexOf('?'));
            JsonPath filed = as("alice").when().get(RIGHTS + "/requests/{id}", id).then().statusCode(200).extract().jsonPath();
            assertThat(filed.getString("subjectId")).isEqualTo(ALICE);
            assertThat(filed.getString("type")).isEqualTo("ACCESS");
            assertThat(filed.getString("details.note")).isEqualTo("Everything you hold on me, please.");
            String due = OffsetDateTime.parse(filed.getString("dueAt")).format(DAY);
            assertThat(browser.find(FACTS).getAttribute("data-status")).isEqualTo("RECEIVED");
            assertThat(browser.text(By.cssSelector("dd.due"))).isEqualTo(due);
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Your request was sent. We will answer by " + due + ".");
            assertThat(browser.text(By.cssSelector("section.export"))).contains("once your identity is verified");
            assertThat(browser.driver().findElements(By.id("download"))).isEmpty();
            browser.assertAccessible("a request just filed");

            // the list: newest first, received, the due date
            browser.go("/centre/requests");
            assertThat(browser.find(By.cssSelector("table.requests tbody tr")).getAttribute("data-request")).isEqualTo(id);
            assertThat(browser.find(By.id("request-" + id)).getAttribute("data-status")).isEqualTo("RECEIVED");
            assertThat(browser.text(By.cssSelector("#request-" + id + " td.due"))).contains(due);
            assertThat(browser.text(By.cssSelector("#request-" + id + " td.status"))).startsWith("Received");
            browser.screenshot("requests");

            // dora verifies alice's identity through the API; alice reloads and follows it
            as("dora").when().post(RIGHTS + "/requests/{id}/verify-identity", id).then().statusCode(200);
            browser.go("/centre/requests/" + id);
            assertThat(browser.find(FACTS).getAttribute("data-status")).isEqualTo("IN_PROGRESS");
            assertThat(browser.text(By.cssSelector("dd.status"))).isEqualTo("In progress");
            assertThat(browser.text(By.cssSelector("table.steps"))).contains("Your request was received.")
                    .contains("Your identity was verified.").contains("our data protection officer");
            assertThat(browser.find(By.id("download")).getAttribute("href")).endsWith("/centre/requests/" + id + "/export");
            browser.assertAccessible("a request being answered").screenshot("request-detail");

            // the download, read through alice's own browser session: an attachment, never cached, her data only
            Map<String, Object> download = fetch(browser, "/centre/requests/" + id + "/export", null);
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat(download.get("disposition")).isEqualTo("attachment; filename=\"export-" + id + ".json\"");
            assertThat(download.get("cache")).isEqualTo("no-store");
            String body = (String) download.get("body");
            JsonPath bundle = JsonPath.from(body);
            assertThat(bundle.getString("format")).isEqualTo("privacy-platform-export/1");
            assertThat(bundle.getString("subjectId")).isEqualTo(ALICE);
            assertThat(bundle.getString("requestId")).isEqualTo(id);
            assertThat(bundle.getInt("copy")).isEqualTo(1);
            assertThat(body).doesNotContain(BOB);

            // dora downloads a copy for alice (another caller: copy 2, agreed); alice's next copy is a paid one
            as("dora").queryParam("acceptFee", true).when().get(RIGHTS + "/requests/{id}/export", id).then()
                    .statusCode(200);
            browser.go("/centre/requests/" + id + "/export");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("A further copy has a fee");
            assertThat(browser.find(By.id("fee-text")).getAttribute("data-copy")).isEqualTo("3");
            assertThat(browser.text(By.id("fee-text"))).contains("Copy 3 costs €10.00");
            assertThat(browser.text(By.id("agree-fee"))).isEqualTo("Agree to pay €10.00 and download");
            browser.assertAccessible("the fee of a further copy").screenshot("export-fee");

            // nothing was counted until she agreed; agreeing (the page's own form) gives copy 3 with its fee
            assertThat(as("alice").when().get(RIGHTS + "/requests/{id}", id).then().statusCode(200).extract()
                    .jsonPath().getInt("exportCopies")).isEqualTo(2);
            Map<String, Object> paid = fetch(browser, null, "form.fee-form");
            assertThat(paid.get("status")).isEqualTo(200L);
            JsonPath paidBundle = JsonPath.from((String) paid.get("body"));
            assertThat(paidBundle.getInt("copy")).isEqualTo(3);
            assertThat(paidBundle.getBoolean("fee.agreed")).isTrue();
            assertThat(paidBundle.getString("subjectId")).isEqualTo(ALICE);

            // a form without its CSRF token is refused, and files nothing
            int before = requestsOf("alice", ALICE);
            Map<String, Object> forged = post(browser, "/centre/requests", "type=ACCESS");
            assertThat((Long) forged.get("status")).isIn(400L, 403L);
            Map<String, Object> forgedFee = post(browser, "/centre/requests/" + id + "/export", "acceptFee=true");
            assertThat((Long) forgedFee.get("status")).isIn(400L, 403L);
            assertThat((String) forgedFee.get("body")).doesNotContain("privacy-platform-export");
            assertThat(requestsOf("alice", ALICE)).isEqualTo(before);

            // bob opens alice's request: the service's refusal as an error page, never her data
            try (Browser bob = Browser.open()) {
                bob.login("bob", "/centre/requests/" + id);
                assertThat(bob.text(By.tagName("h1"))).startsWith("Error 40");
                String page = bob.driver().getPageSource();
                assertThat(page).doesNotContain(ALICE).doesNotContain("Everything you hold on me")
                        .doesNotContain("request-facts");
                bob.assertAccessible("another subject's request");
                Map<String, Object> stolen = fetch(bob, "/centre/requests/" + id + "/export", null);
                assertThat((Long) stolen.get("status")).isIn(403L, 404L);
                assertThat((String) stolen.get("body")).doesNotContain("privacy-platform-export").doesNotContain(ALICE);
                bob.go("/centre/requests");
                assertThat(bob.driver().findElements(By.id("request-" + id))).isEmpty();
            }
        }
    }

    @Test
    void theRectificationFormExplainsItselfInFrenchAndKeepsWhatWasTypedWhenSomethingIsMissing() {
        try (Browser browser = Browser.open("fr", false)) {
            browser.login("bob", "/centre/requests/new?type=RECTIFICATION");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Nouvelle demande : Rectification de mes données");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            browser.assertAccessible("the rectification form in French");
            browser.find(By.id("field-note")).sendKeys("Mon adresse a changé.");
            browser.find(By.id("correction-field-1")).sendKeys("adresse postale");
            browser.find(By.cssSelector("form.request-form button[type=submit]")).click();
            // a value is missing: the form again, the problem said, what was typed kept
            assertThat(browser.text(By.id("errors"))).contains("Chaque ligne demande à la fois ce qui est inexact");
            assertThat(browser.find(By.id("field-note")).getAttribute("value")).isEqualTo("Mon adresse a changé.");
            assertThat(browser.find(By.id("correction-field-1")).getAttribute("value")).isEqualTo("adresse postale");
            assertThat(browser.find(By.id("correction-field-1")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.assertAccessible("the rectification form with a problem");

            // the list and the choice of rights, in French too
            browser.go("/centre/requests");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Mes demandes");
            assertThat(browser.text(By.cssSelector("a[data-type='ERASURE']"))).isEqualTo("Effacement de mes données");
            browser.assertAccessible("the requests page in French");

            // every other form, each with the fields its right needs
            for (String type : List.of("ERASURE", "RESTRICTION", "PORTABILITY", "OBJECTION")) {
                browser.go("/centre/requests/new?type=" + type);
                assertThat(browser.text(By.tagName("h1"))).startsWith("Nouvelle demande");
                browser.assertAccessible("the " + type + " form in French");
            }
            // an objection to chosen uses, none chosen: said, nothing filed
            browser.find(By.id("object-SELECTED")).click();
            browser.find(By.cssSelector("form.request-form button[type=submit]")).click();
            assertThat(browser.text(By.id("errors"))).contains("Choisissez au moins une utilisation de vos données.");
            assertThat(browser.find(By.id("object-SELECTED")).isSelected()).isTrue();
            browser.assertAccessible("the objection form with a problem");
        }
    }

    @Test
    void aliceRegistersPostMortemInstructionsSeesTheirVersionsAndRevokesThem() {
        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre/post-mortem");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Instructions for after my death");
            browser.assertAccessible("the post-mortem instructions");
            // revoke whatever an earlier run left in force, so that this run starts with none
            if (!browser.driver().findElements(By.cssSelector("form.revoke-form")).isEmpty()) {
                browser.submit(By.cssSelector("form.revoke-form button"));
            }
            browser.find(By.id("kind-SPECIFIC")).click();
            browser.find(By.id("choice-KEEP")).click();
            browser.find(By.id("field-scope")).clear();
            browser.find(By.id("field-scope")).sendKeys("My course certificates");
            browser.submit(By.cssSelector("form.request-form button[type=submit]"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Your instructions were recorded.");
            assertThat(browser.text(By.id("current"))).contains("Only some data or uses").contains("My course certificates")
                    .contains("Keep it");
            String version = browser.find(By.id("current")).getAttribute("data-version");
            assertThat(browser.find(By.cssSelector("table.versions tbody tr")).getAttribute("data-version")).isEqualTo(version);
            JsonPath onFile = as("alice").when().get(RIGHTS + "/subjects/{s}/post-mortem-instructions", ALICE).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(onFile.getString("current.choice")).isEqualTo("KEEP");
            assertThat(onFile.getString("current.scope")).isEqualTo("My course certificates");
            browser.assertAccessible("post-mortem instructions in force");

            browser.submit(By.cssSelector("form.revoke-form button"));
            assertThat(browser.text(By.cssSelector("p.done"))).isEqualTo("Your instructions were revoked.");
            assertThat(browser.text(By.id("current"))).isEqualTo("You have no instructions in force.");
            assertThat(browser.find(By.cssSelector("table.versions tbody tr")).getAttribute("data-kind")).isEqualTo("REVOKED");
        }
    }

    @Test
    void anExtendedThenRefusedErasureShowsTheNewDueDateWithItsReasonTheGroundAndWhereToComplain() {
        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre/requests/new?type=ERASURE");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("New request: Erasure of my data");
            browser.find(By.id("ground-NO_LONGER_NEEDED")).click();
            browser.find(By.cssSelector("form.request-form button[type=submit]")).click();
            browser.wait.until(ExpectedConditions.urlMatches("/centre/requests/[0-9a-f-]{36}\\?done=filed$"));
            String url = browser.driver().getCurrentUrl();
            String id = url.substring(url.indexOf("/centre/requests/") + "/centre/requests/".length(), url.indexOf('?'));
            assertThat(browser.text(By.cssSelector("ul.asked"))).contains(
                    "Ground: You no longer need my data for the purpose you collected it for");

            // dora extends it with her reasons, then refuses it (before any identity check: nothing is erased)
            String due = as("dora").body("{\"reason\":\"We hold your data in several archived systems.\"}").when()
                    .post(RIGHTS + "/requests/{id}/extend", id).then().statusCode(200).extract().path("dueAt");
            browser.go("/centre/requests");
            assertThat(browser.text(By.cssSelector("#request-" + id + " td.due")))
                    .contains(OffsetDateTime.parse(due).format(DAY))
                    .contains("extended: We hold your data in several archived systems.");
            browser.go("/centre/requests/" + id);
            assertThat(browser.text(By.cssSelector("section.extension")))
                    .contains("it is now due by " + OffsetDateTime.parse(due).format(DAY))
                    .contains("Why: We hold your data in several archived systems.");
            as("dora").body("{\"ground\":\"EXCESSIVE\",\"detail\":\"The same request was answered last week.\"}").when()
                    .post(RIGHTS + "/requests/{id}/reject", id).then().statusCode(200);
            browser.go("/centre/requests/" + id);
            assertThat(browser.find(FACTS).getAttribute("data-status")).isEqualTo("REJECTED");
            assertThat(browser.text(By.cssSelector("section.rejection"))).contains("Your request was refused")
                    .contains("The request was excessive").contains("The same request was answered last week.");
            assertThat(browser.text(By.cssSelector("section.complaint"))).contains("lodge a complaint");
            assertThat(browser.find(By.cssSelector("section.complaint a")).getAttribute("href")).startsWith("https://");
            browser.assertAccessible("a refused request").screenshot("request-refused");
        }
    }

    /**
     * What was erased and what was kept, why and until when, and where to complain: on alice's latest partly done
     * erasure, which Journey9ErasureAcrossThePlatformTest leaves when the suite runs (skipped where there is none).
     */
    @Test
    void anErasurePartlyDoneShowsEachAnswerWhatWasKeptWhyAndUntilWhenAndWhereToComplain() {
        List<Map<String, Object>> partial = as("alice").queryParam("size", 500).when()
                .get(RIGHTS + "/subjects/{s}/requests", ALICE).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == 'ERASURE' && it.status == 'PARTIALLY_COMPLETED' }");
        Assumptions.assumeFalse(partial.isEmpty(), "alice has no erasure partly done yet (Journey9 makes one)");
        Map<String, Object> erasure = partial.get(partial.size() - 1);
        String id = (String) erasure.get("id");
        try (Browser browser = Browser.open()) {
            browser.login("alice", "/centre/requests/" + id);
            assertThat(browser.find(FACTS).getAttribute("data-status")).isEqualTo("PARTIALLY_COMPLETED");
            assertThat(browser.text(By.cssSelector("dd.status"))).startsWith("Partly done");
            List<Map<String, Object>> outcomes = (List<Map<String, Object>>) erasure.get("outcomes");
            for (Map<String, Object> outcome : outcomes) {
                String answer = browser.text(By.cssSelector("li.answer[data-recipient='" + outcome.get("recipientId") + "']"));
                List<Map<String, Object>> kept = (List<Map<String, Object>>) outcome.get("kept");
                if (kept != null) {
                    for (Map<String, Object> item : kept) {
                        assertThat(answer).contains("Kept").contains((String) item.get("category"))
                                .contains((String) item.get("ground"));
                        if (item.get("keptUntil") != null) {
                            assertThat(answer).contains(java.time.LocalDate.parse((String) item.get("keptUntil"))
                                    .format(DAY));
                        }
                    }
                }
                List<Map<String, Object>> erased = (List<Map<String, Object>>) outcome.get("erased");
                if (erased != null && !erased.isEmpty()) {
                    assertThat(answer).contains("Erased").contains((String) erased.get(0).get("category"));
                }
            }
            assertThat(browser.text(By.cssSelector("section.complaint"))).contains("complaint");
            assertThat(browser.find(By.cssSelector("section.complaint a")).getAttribute("href"))
                    .isEqualTo(((Map<String, Object>) erasure.get("complaint")).get("url"));
            assertThat(browser.text(By.cssSelector("table.steps"))).contains("Every system and partner holding your data was asked to erase it.");
            browser.assertAccessible("an erasure partly done").screenshot("request-erasure");
        }
    }

    /** How many requests the subject has, as the API lists them to them. */
    private static int requestsOf(String user, String subjectId) {
        return as(user).queryParam("size", 500).when().get(RIGHTS + "/subjects/{s}/requests", subjectId).then()
                .statusCode(200).extract().jsonPath().getList("$").size();
    }

    /**
     * A fetch in the page, with the browser's own cookies: a GET of {@code path}, or the submission of the page's form
     * {@code formSelector} with its fields (its CSRF token included).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Browser browser, String path, String formSelector) {
        String call = formSelector == null ? "fetch(arguments[0])"
                : "(f => fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f))}))"
                        + "(document.querySelector(arguments[1]))";
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];" + call
                        + ".then(r => r.text().then(t => done({status: r.status, body: t,"
                        + " disposition: r.headers.get('content-disposition'), cache: r.headers.get('cache-control')})))"
                        + ".catch(e => done({status: -1, body: String(e)}));",
                path, formSelector);
    }

    /** A form POST made by a script of the page, without the CSRF token. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(Browser browser, String path, String body) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: arguments[1], redirect: 'manual'})"
                        + ".then(r => r.text().then(t => done({status: r.status, body: t})))"
                        + ".catch(e => done({status: -1, body: String(e)}));",
                path, body);
    }
}
