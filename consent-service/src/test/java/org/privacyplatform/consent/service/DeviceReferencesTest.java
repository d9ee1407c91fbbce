package org.privacyplatform.consent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.SubjectId;

/** A device id is 128 random bits in one of two spellings; its reference reveals neither. */
class DeviceReferencesTest {

    private final DeviceReferences references = new DeviceReferences(new Pseudonyms("a test key"));

    @Test
    void bothSpellingsOfOneIdAreOneDeviceAndTheReferenceIsASubjectIdThatHidesTheId() {
        String base64url = "AAECAwQFBgcICQoLDA0ODw";
        String hex = "000102030405060708090a0b0c0d0e0f";
        String reference = references.of(base64url);
        assertThat(references.of(hex)).isEqualTo(reference);
        assertThat(references.of(hex.toUpperCase())).isEqualTo(reference);
        assertThat(reference).startsWith("device:").matches(SubjectId.PATTERN).doesNotContain(base64url).doesNotContain(hex);
        assertThat(DeviceReferences.isDevice(reference)).isTrue();
        assertThat(DeviceReferences.isDevice("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")).isFalse();
        // another key, another reference: the reference cannot be computed without the platform's key
        assertThat(new DeviceReferences(new Pseudonyms("another key")).of(base64url)).isNotEqualTo(reference);
        assertThat(references.of("AAECAwQFBgcICQoLDA0OEA")).isNotEqualTo(reference);
    }

    @Test
    void anythingElseIsRefusedNamingDeviceId() {
        for (String bad : new String[] { null, "", "AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0OD", "AAECAwQFBgcICQoLDA0ODx",
                "AAECAwQFBgcICQoLDA0O+w", "000102030405060708090a0b0c0d0e0", "000102030405060708090a0b0c0d0e0g",
                "000102030405060708090a0b0c0d0e0f00" }) {
            assertThatThrownBy(() -> references.of(bad)).as(String.valueOf(bad)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).toProblem().errors())
                            .extracting(f -> f.field()).containsExactly("deviceId"));
        }
    }
}
