package org.privacyplatform.retention.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Every retention rule in force (public: it is the privacy policy's retention table), by id."
            + " Paged (page from 0, size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<PolicyResponse>> listPolicies(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(rules.list(pageRequest).stream().map(PolicyResponse::of).toList(), pageRequest, uri);
    }

    @GET
    @Path("/{policyId}")
    @PermitAll
    @Operation(summary = "One rule in force")
    public PolicyResponse getPolicy(@PathParam("policyId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String policyId) {
        return PolicyResponse.of(rules.get(policyId));
    }

    @GET
    @Path("/{policyId}/versions")
    @PermitAll
    @Operation(summary = "Every version of a rule, oldest first. Paged (page from 0, size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<PolicyResponse>> policyVersions(
            @PathParam("policyId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String policyId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(rules.versions(policyId, pageRequest).stream().map(PolicyResponse::of).toList(), pageRequest, uri);
    }

    @PUT
    @Path("/{policyId}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Create or change a rule (its backstop and limitation restart included): a new version, a "
            + "RetentionRuleChanged event, and the category's holdings rescheduled")
    @APIResponse(responseCode = "201", description = "created, version 1", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "200", description = "changed (a new version), or unchanged (the same version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "a period, archive period, backstop or limitation period that does "
            + "not parse or is negative; an ARCHIVE rule without archive period; a backstop on an anchor that is always "
            + "known; a limitation period without restartAfterHold (problem+json naming the field); nothing written")
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "not the dpo")
    @APIResponse(responseCode = "409", description = "the category has another rule, or the rule governs another category")
    public RestResponse<PolicyResponse> changePolicy(@PathParam("policyId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String policyId,
            @Valid @NotNull PolicyRequest body) {
        var changed = rules.change(new RuleService.RuleChange(policyId, body.category(), body.description(), body.anchor(),
                body.period(), body.endAction(), body.archivePeriod(), body.consentPurpose(),
                Boolean.TRUE.equals(body.statutory()), body.ground(), body.backstop(),
                Boolean.TRUE.equals(body.restartAfterHold()), body.limitationPeriod()));
        return RestResponse.status(changed.created() ? Response.Status.CREATED : Response.Status.OK,
                PolicyResponse.of(changed.rule()));
    }
}
