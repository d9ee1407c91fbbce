package org.privacyplatform.retention.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.retention.service.LegalHoldService;
import org.privacyplatform.retention.service.RetentionSweep;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/")
@Tag(name = "Legal holds and sweeps", description = "Litigation suspends expiry; the sweep expires what fell due")
@RolesAllowed(Roles.DPO)
public class LegalHoldResource {

    /** The answer of an on-demand sweep. */
    public record SweepResult(int expired) {
    }

    private final LegalHoldService holds;
    private final RetentionSweep sweep;

    public LegalHoldResource(LegalHoldService holds, RetentionSweep sweep) {
        this.holds = holds;
        this.sweep = sweep;
    }

    @POST
    @Path("/legal-holds")
    @Operation(summary = "Place a legal hold on a subject, a category, or both")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "placed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LegalHoldResponse.class)))
    public LegalHoldResponse placeLegalHold(@Valid @NotNull LegalHoldRequest body) {
        var hold = holds.place(new LegalHoldService.PlaceHold(body.subjectId(), body.category(), body.caseReference(),
                body.reason()));
        return LegalHoldResponse.of(hold);
    }

    @GET
    @Path("/legal-holds")
    @Operation(summary = "Legal holds (only those standing, unless active=false), oldest first. Paged (page from 0, "
            + "size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<LegalHoldResponse>> listLegalHolds(@RestQuery Boolean active, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(holds.list(!Boolean.FALSE.equals(active), pageRequest).stream().map(LegalHoldResponse::of).toList(),
                pageRequest, uri);
    }

    @DELETE
    @Path("/legal-holds/{holdId}")
    @Operation(summary = "Lift a legal hold: what fell due meanwhile expires at the next sweep")
    public LegalHoldResponse liftLegalHold(@PathParam("holdId") String holdId) {
        return LegalHoldResponse.of(holds.lift(parse(holdId)));
    }

    @POST
    @Path("/sweeps")
    @Operation(summary = "Run a sweep now; answers how many holdings it expired")
    public SweepResult runSweep() {
        return new SweepResult(sweep.sweep());
    }

    private static UUID parse(String holdId) {
        try {
            return UUID.fromString(holdId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no legal hold " + holdId);
        }
    }
}
