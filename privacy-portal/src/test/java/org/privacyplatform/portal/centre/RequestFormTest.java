package org.privacyplatform.portal.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the request form accepts, and the details it sends for each right: no Quarkus, no service. */
class RequestFormTest {

    private static final Set<String> OBJECTABLE = Set.of("analytics", "newsletter");
    private static final Set<String> DIRECT_MARKETING = Set.of("newsletter");

    @Test
    void anAccessRequestNeedsNothingAndCarriesTheNoteTrimmed() {
        RequestForm form = RequestForm.of("ACCESS");
        form.note = "  everything, please  ";
        Map<String, Object> details = form.details(OBJECTABLE, DIRECT_MARKETING);
        assertTrue(form.isValid());
        assertEquals(Map.of("note", "everything, please"), details);
    }

    @Test
    void aRectificationListsItsCorrectionsAndRefusesAHalfLineOrNone() {
        RequestForm form = RequestForm.of("RECTIFICATION");
        form.correctionField = List.of("postal address", "", "");
        form.correctionValue = List.of("12 rue des Lilas, Lyon", "", "");
        assertEquals(Map.of("corrections", Map.of("postal address", "12 rue des Lilas, Lyon")),
                form.details(OBJECTABLE, DIRECT_MARKETING));
        assertTrue(form.isValid());

        form.correctionField = List.of("postal address", "", "");
        form.correctionValue = List.of("", "", "");
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_correction_pair", form.error("corrections"));

        form.correctionField = null;
        form.correctionValue = null;
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_corrections", form.error("corrections"));

        form.correctionField = List.of("x".repeat(101));
        form.correctionValue = List.of("y");
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_correction_pair", form.error("corrections"));
    }

    @Test
    void aRestrictionNeedsOneOfTheGroundsOfArticle18AndAnErasureMayGiveOne() {
        RequestForm restriction = RequestForm.of("RESTRICTION");
        restriction.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_restriction_ground", restriction.error("ground"));
        restriction.ground = "ACCURACY_CONTESTED";
        assertEquals(Map.of("ground", "ACCURACY_CONTESTED"), restriction.details(OBJECTABLE, DIRECT_MARKETING));
        assertTrue(restriction.isValid());

        RequestForm erasure = RequestForm.of("ERASURE");
        assertEquals(Map.of(), erasure.details(OBJECTABLE, DIRECT_MARKETING));
        erasure.ground = "NONE";
        assertEquals(Map.of(), erasure.details(OBJECTABLE, DIRECT_MARKETING));
        erasure.ground = "<script>";
        erasure.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_erasure_ground", erasure.error("ground"));
    }

    @Test
    void anObjectionIsToEveryLegitimateInterestToDirectMarketingOrToChosenUsesOfTheCatalogue() {
        RequestForm form = RequestForm.of("OBJECTION");
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_objection_scope", form.error("objectTo"));

        form.objectTo = "ALL";
        assertEquals(Map.of("purposeIds", List.of(), "directMarketingOnly", false), form.details(OBJECTABLE, DIRECT_MARKETING));
        form.objectTo = "DIRECT_MARKETING";
        assertEquals(Map.of("purposeIds", List.of("newsletter"), "directMarketingOnly", true),
                form.details(OBJECTABLE, DIRECT_MARKETING));
        form.objectTo = "SELECTED";
        form.purposeIds = List.of("analytics", "analytics");
        assertEquals(Map.of("purposeIds", List.of("analytics"), "directMarketingOnly", false),
                form.details(OBJECTABLE, DIRECT_MARKETING));
        assertTrue(form.isValid());

        form.purposeIds = List.of("account"); // not one the subject may object to
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_objection_purposes", form.error("purposeIds"));
        form.purposeIds = null;
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertFalse(form.isValid());
    }

    @Test
    void aNoteLongerThan2000CharactersIsRefused() {
        RequestForm form = RequestForm.of("PORTABILITY");
        form.note = "x".repeat(2001);
        form.details(OBJECTABLE, DIRECT_MARKETING);
        assertEquals("error_too_long", form.error("note"));
    }
}
