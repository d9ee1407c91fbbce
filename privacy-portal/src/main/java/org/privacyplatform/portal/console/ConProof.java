package org.privacyplatform.portal.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the console's proof and notices pages in English; French in messages/conp_fr.properties. Templates say {@code conp:key}.
 */
@MessageBundle(value = "conp", locale = "en")
public interface ConProof {

    @Message("Purposes and notices")
    String purposes_title();

    @Message("Each purpose with the notice version in force. Open one to read its versions or publish a new one.")
    String purposes_intro();

    @Message("The generated privacy notice")
    String generated_notice();

    @Message("Versions of the privacy notice and what changed")
    String notice_versions_link();

    @Message("Record of processing (Art. 30), CSV")
    String records_csv();

    @Message("Record of processing (Art. 30), HTML")
    String records_html();

    @Message("Purposes")
    String purposes_caption();

    @Message("Purpose")
    String col_purpose();

    @Message("Legal basis")
    String col_basis();

    @Message("Notice version")
    String col_notice_version();

    @Message("Published")
    String col_published();

    @Message("Notice versions, newest first")
    String notices_caption();

    @Message("Asks for fresh consent")
    String col_fresh();

    @Message("Text")
    String col_text();

    @Message("Version {version} was published.")
    String notice_published(String version);

    @Message("Publish a new notice version")
    String publish_heading();

    @Message("A published version is never edited: a change is a new version. You see a preview and the difference before it is published.")
    String publish_hint();

    @Message("Letters, digits, dots, hyphens; e.g. 2.0. A version already published cannot be reused.")
    String version_hint();

    @Message("This change requires fresh consent")
    String fresh_label();

    @Message("Checked: every subject who agreed to an earlier version is asked again, and their consent no longer counts until they answer.")
    String fresh_hint();

    @Message("Preview")
    String preview_button();

    @Message("Preview: {name}")
    String preview_title(String name);

    @Message("Version {version} is not published yet. Check it, then publish.")
    String preview_intro(String version);

    @Message("What the subject will read")
    String preview_reads();

    @Message("Difference from version {version}, line by line")
    String diff_caption(String version);

    @Message("Change")
    String col_change();

    @Message("Line")
    String col_line();

    @Message("added")
    String diff_added();

    @Message("removed")
    String diff_removed();

    @Message("unchanged")
    String diff_same();

    @Message("This version requires fresh consent: subjects who agreed before will be asked again.")
    String fresh_yes();

    @Message("This version does not require fresh consent: earlier consents keep counting.")
    String fresh_no();

    @Message("Publish version {version}")
    String publish_button(String version);

    @Message("Versions of the privacy notice")
    String notice_versions_title();

    @Message("Each version of the generated notice, with the hashes of its texts and what changed from the one before.")
    String notice_versions_intro();

    @Message("Version number")
    String notice_version_number();

    @Message("Show")
    String notice_version_show();

    @Message("Catalogue version")
    String catalogue_version();

    @Message("Content hash")
    String content_hash();

    @Message("Previous version ({version})")
    String previous_version(Integer version);

    @Message("What changed from the previous version")
    String changes_caption();

    @Message("Where")
    String col_path();

    @Message("Before")
    String col_before();

    @Message("After")
    String col_after();

    @Message("Proof")
    String proof_title();

    @Message("Every event of the platform is a leaf of the audit log, a Merkle tree (RFC 9162) whose signed checkpoints witnesses cosign.")
    String proof_intro();

    @Message("The log verifies")
    String verify_valid();

    @Message("The log does NOT verify")
    String verify_invalid();

    @Message("{size} leaves recomputed, {checked} checkpoints checked.")
    String verify_summary(long size, int checked);

    @Message("{count} leaves were shredded and checked by their stored hash.")
    String verify_shredded(Long count);

    @Message("The first entry that no longer matches is leaf {index}.")
    String verify_mismatch(Long index);

    @Message("Latest checkpoint")
    String checkpoint_heading();

    @Message("Log")
    String checkpoint_origin();

    @Message("Size (events)")
    String checkpoint_size();

    @Message("Signed")
    String checkpoint_time();

    @Message("Root hash")
    String checkpoint_root();

    @Message("Key id")
    String checkpoint_key();

    @Message("Cosignatures of the witnesses")
    String cosignatures_caption();

    @Message("No witness cosigned this checkpoint.")
    String cosignatures_none();

    @Message("Witness")
    String col_witness();

    @Message("Key id")
    String col_key_id();

    @Message("Cosigned")
    String col_cosigned();

    @Message("Verify the whole log")
    String verify_log_heading();

    @Message("The audit service recomputes the tree from every leaf and compares it with every checkpoint; on a large log this takes a few seconds.")
    String verify_log_hint();

    @Message("Run verify")
    String verify_log_button();

    @Message("A subject's evidence bundle")
    String evidence_heading();

    @Message("The subject's events with their inclusion proofs against a fresh checkpoint, and the log's public key, as one JSON file (up to 500 events).")
    String evidence_intro();

    @Message("Download the evidence bundle")
    String evidence_button();

    @Message("Check a bundle offline")
    String offline_heading();

    @Message("With the audit verifier (audit-verifier.jar, Java 17, no access to the platform needed), pinning the log's key and the witnesses' keys given below rather than the key inside the bundle:")
    String offline_intro();

    @Message("It prints one line per check and ends with valid (exit status 0) or what failed (1). Keep the checkpoints you verified: a later consistency proof from them shows that history was not rewritten.")
    String offline_after();

    @Message("Keys to pin")
    String witnesses_caption();

    @Message("Where")
    String col_url();

    @Message("Public key (base64)")
    String col_public_key();

    @Message("The log {origin}")
    String log_key(String origin);
}
