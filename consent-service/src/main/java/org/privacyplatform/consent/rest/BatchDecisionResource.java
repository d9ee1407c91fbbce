package org.privacyplatform.consent.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.consent.service.Decision;
import org.privacyplatform.consent.service.DecisionService;

import jakarta.annotation.security.RolesAllowed;
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
    /** Bean Validation's message for {@code @NotNull}. */
    private static final String NOT_NULL = "must not be null";

    /**
     * The question. Its annotations state the contract, as the OpenAPI document shows it, but Bean Validation does not
     * run on it (no {@code @Valid}): for 1,000 ids it cost more than the decisions. {@link #check} enforces the same
     * rules with the same regular expressions, and answers the same 400 problem, each field named as Bean Validation
     * named it.
     */
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
    public List<DecisionResponse> decideBatch(BatchDecisionRequest body) {
        check(body);
        List<Decision> answered = decisions.decideAll(body.subjectIds(), body.purposeId());
        List<DecisionResponse> responses = new ArrayList<>(answered.size());
        for (int i = 0; i < answered.size(); i++) {
            responses.add(DecisionResponse.of(body.subjectIds().get(i), body.purposeId(), answered.get(i)));
        }
        return responses;
    }

    /** What {@code @Valid @NotNull} on the body checked: every rule of {@link BatchDecisionRequest}, every element. */
    static void check(BatchDecisionRequest body) {
        if (body == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("body", NOT_NULL)));
        }
        List<Problem.FieldError> errors = new ArrayList<>(0);
        if (body.purposeId() == null) {
            errors.add(new Problem.FieldError("purposeId", NOT_NULL));
        } else if (!Ids.isPurposeId(body.purposeId())) {
            errors.add(new Problem.FieldError("purposeId", Ids.PURPOSE_ID_MESSAGE));
        }
        List<String> subjectIds = body.subjectIds();
        if (subjectIds == null) {
            errors.add(new Problem.FieldError("subjectIds", NOT_NULL));
        } else {
            if (subjectIds.isEmpty() || subjectIds.size() > MAX_SUBJECTS) {
                errors.add(new Problem.FieldError("subjectIds", "size must be between 1 and " + MAX_SUBJECTS));
            }
            int i = 0;
            for (String subjectId : subjectIds) {
                if (!SubjectId.Check.isValid(subjectId)) {
                    String field = "subjectIds[" + i + "].<list element>";
                    if (subjectId == null) {
                        errors.add(new Problem.FieldError(field, NOT_NULL));
                    }
                    errors.add(new Problem.FieldError(field, SubjectId.MESSAGE));
                }
                i++;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
