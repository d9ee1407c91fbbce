package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
            for (String sql : new String[] { "update audit_leaf set leaf_hash = leaf_hash where event_id = '" + id + "'",
                    "delete from audit_leaf where event_id = '" + id + "'", "truncate audit_leaf",
                    "update merkle_node set hash = hash where level = 0", "delete from checkpoint",
                    "update leaf_text set ciphertext = ciphertext", "update subject_leaf set leaf_index = leaf_index",
                    "update data_key set wrapped_key = wrapped_key", "delete from sealed_subject",
                    "delete from shredded_subject", "truncate leaf_text",
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
            // another leaf's ciphertext, under the same subject's key, put in the victim's place
            byte[][] original = text(owner, victim);
            byte[][] other = text(owner, AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject));
            rewrite(owner, victim, other);
            try {
                given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false)).body("firstMismatch", equalTo((int) victimIndex));
            } finally {
                rewrite(owner, victim, original);
            }
            // a text deleted behind the log's back is no shredding: the log's record of its shreddings says so
            deleteText(owner, victim);
            try {
                given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false)).body("problems", hasItem(containsString("leaves have no text")));
            } finally {
                restore(owner, victim, original);
            }
        }
        given().auth().oauth2(TestTokens.dpo()).when().post("/audit/verify").then().body("valid", equalTo(true));
    }

    /** The victim's encrypted text: nonce and ciphertext. */
    private static byte[][] text(Connection connection, String eventId) throws SQLException {
        var result = connection.createStatement().executeQuery("select t.nonce, t.ciphertext from leaf_text t "
                + "join audit_leaf l on l.leaf_index = t.leaf_index where l.event_id = '" + eventId + "'");
        assertThat(result.next()).isTrue();
        return new byte[][] { result.getBytes(1), result.getBytes(2) };
    }

    /** As the tables' owner: trigger off, change, trigger on (what only a privileged insider could do). */
    private static void rewrite(Connection owner, String eventId, byte[][] text) throws SQLException {
        owner.createStatement().execute("alter table leaf_text disable trigger leaf_text_no_update");
        try (var update = owner.prepareStatement("update leaf_text set nonce = ?, ciphertext = ? "
                + "where leaf_index = (select leaf_index from audit_leaf where event_id = ?)")) {
            update.setBytes(1, text[0]);
            update.setBytes(2, text[1]);
            update.setString(3, eventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } finally {
            owner.createStatement().execute("alter table leaf_text enable trigger leaf_text_no_update");
        }
    }

    private static void deleteText(Connection owner, String eventId) throws SQLException {
        try (var delete = owner.prepareStatement("delete from leaf_text where leaf_index = "
                + "(select leaf_index from audit_leaf where event_id = ?)")) {
            delete.setString(1, eventId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    private static void restore(Connection owner, String eventId, byte[][] text) throws SQLException {
        try (var insert = owner.prepareStatement("insert into leaf_text (leaf_index, key_ref, nonce, ciphertext) "
                + "select l.leaf_index, k.key_ref, ?, ? from audit_leaf l, subject_leaf s, data_key k "
                + "where l.event_id = ? and s.leaf_index = l.leaf_index and k.key_ref = s.subject_pseudonym")) {
            insert.setBytes(1, text[0]);
            insert.setBytes(2, text[1]);
            insert.setString(3, eventId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection connect(String userProperty, String passwordProperty) throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue(userProperty, String.class), config.getValue(passwordProperty, String.class));
    }
}
