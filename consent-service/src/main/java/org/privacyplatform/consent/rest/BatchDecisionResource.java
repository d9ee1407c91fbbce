package org.privacyplatform.consent.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.consent.service.Decision;
import org.privacyplatform.consent.service.DecisionService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Many subjects, one purpose: e.g. a service filtering a newsletter's recipients before sending it. */
@Path("/decisions")
@Tag(name = "Consents")
public class BatchDecisionResource {

    /** At most this many subjects per question. */
    public static final int MAX_SUBJECTS = 1_000;

    public record BatchDecisionRequest(
            @NotNull @Pattern(regexp = Ids.PURPOSE_ID, message = Ids.PURPOSE_ID_MESSAGE) String purposeId,
            @NotNull @Size(min = 1, max = MAX_SUBJECTS) List<@NotNull @SubjectId String> subjectIds) {
    }

    private final DecisionService decisions;

    public BatchDecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    @RolesAllowed({ Roles.SERVICE, Roles.DPO })
    @Operation(summary = "May these subjects' data be processed for this purpose now? One decision per subject id, "
            + "in the order asked (1 to 1,000 ids; the body may reach 72 KiB for 1,000 ids of 64 characters); "
            + "each answer is what GET /subjects/{subjectId}/decisions/{purposeId} would say")
    public List<DecisionResponse> decideBatch(@Valid @NotNull BatchDecisionRequest body) {
        List<Decision> answered = decisions.decideAll(body.subjectIds(), body.purposeId());
        List<DecisionResponse> responses = new ArrayList<>(answered.size());
        for (int i = 0; i < answered.size(); i++) {
            responses.add(DecisionResponse.of(body.subjectIds().get(i), body.purposeId(), answered.get(i)));
        }
        return responses;
    }
}
