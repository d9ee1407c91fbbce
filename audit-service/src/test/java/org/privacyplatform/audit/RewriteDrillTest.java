package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.crypto.Aead;
import org.privacyplatform.audit.crypto.LeafCipher;
import org.privacyplatform.audit.crypto.MasterKeys;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The drill of issue 14: the schema owner rewrites a leaf, its hash and every Merkle node above it consistently, and
 * deletes the stored checkpoints and cosignatures, so that the log agrees with itself again. Only the witness, which
 * kept the checkpoint it cosigned, can tell; the service must report it and never publish the forged tree.
 */
@QuarkusTest
@TestProfile(WitnessTestResource.RewriteDrill.class)
@WithTestResource(OidcWiremockTestResource.class)
class RewriteDrillTest {

    private static final String[] TRIGGERS = { "audit_leaf append_only", "merkle_node append_only", "checkpoint append_only",
            "checkpoint_cosignature append_only", "leaf_text no_update" };

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
    void aHistoryRewrittenConsistentlyIsRefusedByTheWitnessReportedAndNeverPublished() throws Exception {
        String subject = AuditApi.subject();
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        String victim = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject);
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        long cosignedSize = AuditApi.checkpoint().getLong("treeSize");
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().body("valid", equalTo(true));

        // the withdrawal becomes a grant, and the log agrees with itself again
        try (Connection owner = ownerConnection()) {
            rewriteHistory(owner, victim);
        }

        // its own checkpoints are gone and every hash matches its text: only the witness's checkpoint disagrees
        given().auth().oauth2(TestTokens.auditor()).when().post("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstMismatch", nullValue())
                .body("problems", hasItem(containsString("the tree of " + cosignedSize
                        + " leaves does not match the checkpoint witness " + WitnessTestResource.NAME + " cosigned")));

        // the log grows; the service signs the forged tree, the witness refuses it: nothing is published
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/checkpoint").then().statusCode(503)
                .contentType(AuditApi.PROBLEM);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'witness cosigning' }.status", equalTo("DOWN"));
        assertThat(given().when().get("/q/metrics").then().extract().asString())
                .containsPattern("audit_witness_refusals_total\\{[^}]*witness=\"" + WitnessTestResource.NAME + "\"[^}]*} 1\\.0");
    }

    /** As the tables' owner, behind the triggers' back: what only a privileged insider could do. */
    private static void rewriteHistory(Connection owner, String eventId) throws Exception {
        owner.setAutoCommit(false);
        for (String trigger : TRIGGERS) {
            String[] t = trigger.split(" ");
            owner.createStatement().execute("alter table " + t[0] + " disable trigger " + t[0] + "_" + t[1]);
        }
        // the worst insider: the owner's login and the master keys (so the leaves' texts can be re-encrypted too)
        var config = ConfigProvider.getConfig();
        MasterKeys masterKeys = new MasterKeys(config.getValue("audit.master-key-id", String.class),
                List.of(config.getValue("audit.master-keys", String[].class)));
        Aead aead = new Aead();
        List<byte[]> leafHashes = new ArrayList<>();
        try (ResultSet leaves = owner.createStatement().executeQuery("""
                select l.leaf_index, l.event_id, l.leaf_hash, t.key_ref, t.nonce, t.ciphertext, k.master_key_id, k.wrapped_key
                from audit_leaf l join leaf_text t on t.leaf_index = l.leaf_index join data_key k on k.key_ref = t.key_ref
                order by l.leaf_index""")) {
            while (leaves.next()) {
                byte[] leafHash = leaves.getBytes(3);
                if (leaves.getString(2).equals(eventId)) {
                    byte[] dataKey = masterKeys.unwrap(aead, leaves.getString(4),
                            new MasterKeys.Wrapped(leaves.getString(7), leaves.getBytes(8)));
                    String text = LeafCipher.decrypt(aead, dataKey, leaves.getBytes(5), leaves.getBytes(6), leafHash);
                    String forged = text.replace("ConsentWithdrawn", "ConsentGranted");
                    leafHash = MerkleHashes.leafHash(forged.getBytes(StandardCharsets.UTF_8));
                    byte[] nonce = Aead.newNonce();
                    try (var update = owner.prepareStatement("update leaf_text set nonce = ?, ciphertext = ? where leaf_index = ?")) {
                        update.setBytes(1, nonce);
                        update.setBytes(2, LeafCipher.encrypt(aead, dataKey, nonce, forged, leafHash));
                        update.setLong(3, leaves.getLong(1));
                        assertThat(update.executeUpdate()).isEqualTo(1);
                    }
                    try (var update = owner.prepareStatement("update audit_leaf set leaf_hash = ? where leaf_index = ?")) {
                        update.setBytes(1, leafHash);
                        update.setLong(2, leaves.getLong(1));
                        assertThat(update.executeUpdate()).isEqualTo(1);
                    }
                }
                leafHashes.add(leafHash);
            }
        }
        List<long[]> nodes = new ArrayList<>();
        try (ResultSet rows = owner.createStatement().executeQuery("select level, node_index from merkle_node")) {
            while (rows.next()) {
                nodes.add(new long[] { rows.getInt(1), rows.getLong(2) });
            }
        }
        try (var update = owner.prepareStatement("update merkle_node set hash = ? where level = ? and node_index = ?")) {
            for (long[] node : nodes) {
                int level = (int) node[0];
                update.setBytes(1, subtree(leafHashes, (int) (node[1] << level), 1 << level));
                update.setShort(2, (short) level);
                update.setLong(3, node[1]);
                update.addBatch();
            }
            update.executeBatch();
        }
        owner.createStatement().execute("delete from checkpoint_cosignature");
        owner.createStatement().execute("delete from checkpoint");
        for (String trigger : TRIGGERS) {
            String[] t = trigger.split(" ");
            owner.createStatement().execute("alter table " + t[0] + " enable trigger " + t[0] + "_" + t[1]);
        }
        owner.commit();
    }

    /** The hash of the perfect subtree of {@code width} leaves from {@code start}. */
    private static byte[] subtree(List<byte[]> leafHashes, int start, int width) {
        if (width == 1) {
            return leafHashes.get(start);
        }
        return MerkleHashes.nodeHash(subtree(leafHashes, start, width / 2), subtree(leafHashes, start + width / 2, width / 2));
    }

    private static Connection ownerConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }
}
