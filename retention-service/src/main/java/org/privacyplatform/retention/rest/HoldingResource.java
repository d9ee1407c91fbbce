package org.privacyplatform.retention.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectAccess;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.retention.service.HoldingService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/subjects/{subjectId}")
@Tag(name = "Holdings", description = "What platform services hold on a subject, and until when")
public class HoldingResource {

    private final HoldingService holdings;
    private final SubjectAccess access;

    public HoldingResource(HoldingService holdings, SubjectAccess access) {
        this.holdings = holdings;
        this.access = access;
    }

    @POST
    @Path("/holdings")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Register a holding, or move its anchor or record its last contact (201 registered, 200 "
            + "changed). Without an anchor (one that may never come) it falls due at the rule's backstop after its last "
            + "contact")
    @APIResponse(responseCode = "201", description = "registered, with its rule, version and dates",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleItem.class)))
    @APIResponse(responseCode = "200", description = "the same category/system/reference, anchor or last contact moved",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleItem.class)))
    @APIResponse(responseCode = "400", description = "unknown category; an anchor or last contact in the future; no anchor "
            + "where the clock has started (problem+json naming the field); nothing written")
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "not a calling system (role service)")
    public RestResponse<ScheduleItem> registerHolding(@PathParam("subjectId") @SubjectId String subjectId,
            @Valid @NotNull HoldingRequest body) {
        var registered = holdings.register(new HoldingService.RegisterHolding(subjectId, body.category(), body.system(),
                body.reference(), body.anchorDate(), body.lastContactOn()));
        return RestResponse.status(registered.created() ? Response.Status.CREATED : Response.Status.OK,
                ScheduleItem.of(registered.scheduled()));
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO, Roles.SERVICE, Roles.AUDITOR })
    @Operation(summary = "What is held on the subject, until when, under which rule and version. Paged (page from 0, "
            + "size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<ScheduleItem>> holdingSchedule(@PathParam("subjectId") @SubjectId String subjectId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        access.check(subjectId);
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(holdings.schedule(subjectId, pageRequest).stream().map(ScheduleItem::of).toList(), pageRequest, uri);
    }

    @GET
    @Path("/retained")
    @RolesAllowed({ Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "What the platform still keeps of a subject, looked up by the id a claimant presents: after "
            + "their erasure, everything kept under their pseudonym (statutory holdings, legal holds, the audit-evidence "
            + "holding that keeps the sealed audit events and the consent proof), with the rule, ground and due date. "
            + "Soonest due first; paged (page from 0, size 1-500, default 100), a Link rel=\"next\" header names the "
            + "next page")
    @APIResponse(responseCode = "200", description = "what is still held; keptUnder says whether under the pseudonym")
    @APIResponse(responseCode = "400", description = "a malformed subject id or page (problem+json)")
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "not the dpo or an auditor (a data subject included)")
    public RestResponse<List<RetainedItem>> retainedForSubject(@PathParam("subjectId") @SubjectId String subjectId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(holdings.retained(subjectId, pageRequest).stream().map(RetainedItem::of).toList(), pageRequest, uri);
    }
}
