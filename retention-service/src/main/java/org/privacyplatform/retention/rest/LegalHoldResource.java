package org.privacyplatform.retention.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** The answer of an on-demand sweep: legal holds lifted because their end date came, holdings expired. */
    public record SweepResult(int holdsLifted, int expired) {
    }

    private final LegalHoldService holds;
    private final RetentionSweep sweep;

    public LegalHoldResource(LegalHoldService holds, RetentionSweep sweep) {
        this.holds = holds;
        this.sweep = sweep;
    }

    @POST
    @Path("/legal-holds")
    @Operation(summary = "Place a legal hold on a subject, a category, or both; with endsOn (an appeal period: the "
            + "last day to appeal, a day in Paris) it stands through that day and lifts itself at the first sweep from "
            + "00:00 Paris the next day")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "placed; a LegalHoldPlaced event",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LegalHoldResponse.class)))
    @APIResponse(responseCode = "400", description = "neither subject nor category, an unknown category, endsOn in the "
            + "past (problem+json naming the field); nothing written")
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "not the dpo")
    public LegalHoldResponse placeLegalHold(@Valid @NotNull LegalHoldRequest body) {
        var hold = holds.place(new LegalHoldService.PlaceHold(body.subjectId(), body.category(), body.caseReference(),
                body.reason(), body.endsOn()));
        return LegalHoldResponse.of(hold);
    }

    @GET
    @Path("/legal-holds")
    @RolesAllowed({ Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "Legal holds (only those standing, unless active=false), oldest first; the auditor reads them. Paged (page from 0, "
            + "size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<LegalHoldResponse>> listLegalHolds(@RestQuery Boolean active, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(holds.list(!Boolean.FALSE.equals(active), pageRequest).stream().map(LegalHoldResponse::of).toList(),
                pageRequest, uri);
    }

    @DELETE
    @Path("/legal-holds/{holdId}")
    @Operation(summary = "Lift a legal hold: the proceedings ended today in Paris (or on the hold's endsOn, if that came first). Data whose rule restarts after a hold "
            + "(restartAfterHold) is kept for the rule's limitation period from today; other data that fell due meanwhile "
            + "expires at the next sweep")
    @APIResponse(responseCode = "200", description = "lifted; endsOn is the end of the proceedings; a LegalHoldLifted event",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LegalHoldResponse.class)))
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "not the dpo")
    @APIResponse(responseCode = "404", description = "no such hold")
    @APIResponse(responseCode = "409", description = "already lifted")
    public LegalHoldResponse liftLegalHold(@PathParam("holdId") String holdId) {
        return LegalHoldResponse.of(holds.lift(parse(holdId)));
    }

    @POST
    @Path("/sweeps")
    @Operation(summary = "Run a sweep now: lifts the holds whose end date came, then expires what fell due; answers how "
            + "many of each")
    public SweepResult runSweep() {
        var swept = sweep.sweep();
        return new SweepResult(swept.holdsLifted(), swept.expired());
    }

    private static UUID parse(String holdId) {
        try {
            return UUID.fromString(holdId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no legal hold " + holdId);
        }
    }
}
