package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** POST /audit/verify checks a snapshot of the log and never holds up the appends. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class VerifySnapshotTest {

    private static EventProbe kafka;

    @Inject
    LogRepository log;

    @BeforeAll
    static void watch() {
        kafka = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void verifyAnswersWhileAnAppendHoldsTheLogsLockAndNamesTheSizeItChecked() throws Exception {
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", AuditApi.subject());
        long size = AuditApi.checkpoint().getLong("treeSize");
        try (Connection appender = connect()) {
            // what an append in flight holds until it commits
            appender.setAutoCommit(false);
            appender.createStatement().execute("select pg_advisory_xact_lock(hashtext('audit-log'))");
            JsonPath result = CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.auditor()).when()
                    .post("/audit/verify").then().statusCode(200).extract().jsonPath()).get(20, TimeUnit.SECONDS);
            assertThat(result.getBoolean("valid")).isTrue();
            assertThat(result.getLong("treeSize")).isEqualTo(size);
            appender.rollback();
        }
    }

    @Test
    void anAppendCommitsWhileASnapshotReaderIsOpenAndTheReaderKeepsItsTreeSize() {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        QuarkusTransaction.requiringNew().run(() -> {
            log.readSnapshot();
            long before = log.size();
            // appended and committed by the consumer while this snapshot stays open
            String later = kafka.send(Topics.CONSENT, "ConsentWithdrawn", subject,
                    org.privacyplatform.commons.testing.EventProbe.sample(Topics.CONSENT, "ConsentWithdrawn", subject));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth()
                    .oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", later).statusCode() == 200);
            assertThat(log.size()).as("the snapshot's tree size").isEqualTo(before);
        });
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
