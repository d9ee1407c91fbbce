package org.privacyplatform.retention.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.retention.service.RuleService;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

@Path("/policies")
@Tag(name = "Retention rules", description = "How long each category of data is kept, and why")
public class PolicyResource {

    private final RuleService rules;

    public PolicyResource(RuleService rules) {
        this.rules = rules;
    }

    @GET
    @PermitAll
    @Operation(summary = "Every retention rule in force (public: it is the privacy policy's retention table)")
    public List<PolicyResponse> list() {
        return rules.list().stream().map(PolicyResponse::of).toList();
    }

    @GET
    @Path("/{policyId}")
    @PermitAll
    @Operation(summary = "One rule in force")
    public PolicyResponse get(@PathParam("policyId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String policyId) {
        return PolicyResponse.of(rules.get(policyId));
    }

    @GET
    @Path("/{policyId}/versions")
    @PermitAll
    @Operation(summary = "Every version of a rule, oldest first")
    public List<PolicyResponse> versions(@PathParam("policyId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String policyId) {
        return rules.versions(policyId).stream().map(PolicyResponse::of).toList();
    }

    @PUT
    @Path("/{policyId}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Create or change a rule: a new version, an event, and the category's holdings rescheduled")
    public Response change(@PathParam("policyId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String policyId,
            @Valid @NotNull PolicyRequest body) {
        var changed = rules.change(new RuleService.RuleChange(policyId, body.category(), body.description(), body.anchor(),
                body.period(), body.endAction(), body.archivePeriod(), body.consentPurpose(),
                Boolean.TRUE.equals(body.statutory()), body.ground()));
        return Response.status(changed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(PolicyResponse.of(changed.rule())).build();
    }
}
