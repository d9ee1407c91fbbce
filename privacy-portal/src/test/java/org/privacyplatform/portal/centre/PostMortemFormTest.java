package org.privacyplatform.portal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The service's rules on post-mortem instructions, checked before they are sent: no Quarkus, no service. */
class PostMortemFormTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";

    private static PostMortemForm form(String kind, String choice) {
        PostMortemForm form = new PostMortemForm();
        form.kind = kind;
        form.choice = choice;
        return form;
    }

    @Test
    void generalInstructionsToEraseNeedNothingMore() {
        PostMortemForm form = form("GENERAL", "ERASE");
        assertEquals(Map.of("kind", "GENERAL", "choice", "ERASE"), form.body(ALICE));
        assertTrue(form.isValid());
    }

    @Test
    void specificInstructionsSayWhichDataAndAKindOrChoiceMustBeOneOffered() {
        PostMortemForm form = form("SPECIFIC", "KEEP");
        form.body(ALICE);
        assertEquals("error_pm_scope", form.error("scope"));
        form.scope = " my certificates ";
        assertEquals(Map.of("kind", "SPECIFIC", "choice", "KEEP", "scope", "my certificates"), form.body(ALICE));

        PostMortemForm revoked = form("REVOKED", "DONATE");
        revoked.body(ALICE);
        assertEquals("error_pm_kind", revoked.error("kind"));
        assertEquals("error_pm_choice", revoked.error("choice"));
    }

    @Test
    void thePersonIsAnAccountIdOrANameWithAContactNeverBothNorThemselves() {
        PostMortemForm form = form("GENERAL", "PASS_TO_DESIGNATED_PERSON");
        form.body(ALICE);
        assertEquals("error_pm_person_needed", form.error("designatedSubjectId"));

        form.designatedSubjectId = "b0b00000-0000-4000-8000-000000000002";
        assertEquals(Map.of("kind", "GENERAL", "choice", "PASS_TO_DESIGNATED_PERSON", "designatedPerson",
                Map.of("subjectId", "b0b00000-0000-4000-8000-000000000002")), form.body(ALICE));

        form.designatedName = "Bob";
        form.body(ALICE);
        assertEquals("error_pm_both", form.error("designatedSubjectId"));

        form.designatedSubjectId = ALICE;
        form.designatedName = null;
        form.body(ALICE);
        assertEquals("error_pm_subject", form.error("designatedSubjectId"));

        form.designatedSubjectId = null;
        form.designatedName = "Bob Martin";
        form.body(ALICE);
        assertEquals("error_pm_name_contact", form.error("designatedName"));
        form.designatedContact = "bob@example.org";
        assertEquals(Map.of("kind", "GENERAL", "choice", "PASS_TO_DESIGNATED_PERSON", "designatedPerson",
                Map.of("name", "Bob Martin", "contact", "bob@example.org")), form.body(ALICE));
    }
}
