package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The database refuses to change history; whoever changes it anyway is caught by POST /audit/verify. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TamperTest {

    private static EventProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theServicesLoginMayOnlyReadAndInsert() throws SQLException {
        String id = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", AuditApi.subject());
        try (Connection service = connect("quarkus.datasource.username", "quarkus.datasource.password")) {
            for (String sql : new String[] { "update audit_leaf set canonical = '{}' where event_id = '" + id + "'",
                    "delete from audit_leaf where event_id = '" + id + "'", "truncate audit_leaf",
                    "update merkle_node set hash = hash where level = 0", "delete from checkpoint",
                    "alter table audit_leaf disable trigger audit_leaf_append_only" }) {
                assertThatThrownBy(() -> service.createStatement().execute(sql)).as(sql).isInstanceOf(SQLException.class);
            }
        }
        // even the owner is refused while the triggers stand
        try (Connection owner = connect("quarkus.flyway.username", "quarkus.flyway.password")) {
            assertThatThrownBy(() -> owner.createStatement().execute("delete from audit_leaf where event_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aLeafChangedBehindTheTriggersBackIsNamedByVerify() throws SQLException {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        String victim = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject);
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        AuditApi.checkpoint();
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstMismatch", equalTo(null));
        long victimIndex = given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", victim).then()
                .extract().jsonPath().getLong("leafIndex");

        try (Connection owner = connect("quarkus.flyway.username", "quarkus.flyway.password")) {
            String original = text(owner, victim);
            rewrite(owner, victim, original.replace("ConsentWithdrawn", "ConsentGranted"));
            try {
                given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false)).body("firstMismatch", equalTo((int) victimIndex));
            } finally {
                rewrite(owner, victim, original);
            }
        }
        given().auth().oauth2(TestTokens.dpo()).when().post("/audit/verify").then().body("valid", equalTo(true));
    }

    private static String text(Connection connection, String eventId) throws SQLException {
        var result = connection.createStatement().executeQuery("select canonical from audit_leaf where event_id = '" + eventId + "'");
        assertThat(result.next()).isTrue();
        return result.getString(1);
    }

    /** As the tables' owner: triggers off, change, triggers on (what only a privileged insider could do). */
    private static void rewrite(Connection owner, String eventId, String canonical) throws SQLException {
        owner.createStatement().execute("alter table audit_leaf disable trigger audit_leaf_append_only");
        try (var update = owner.prepareStatement("update audit_leaf set canonical = ? where event_id = ?")) {
            update.setString(1, canonical);
            update.setString(2, eventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } finally {
            owner.createStatement().execute("alter table audit_leaf enable trigger audit_leaf_append_only");
        }
    }

    private static Connection connect(String userProperty, String passwordProperty) throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue(userProperty, String.class), config.getValue(passwordProperty, String.class));
    }
}
