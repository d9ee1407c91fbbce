package org.privacyplatform.consent.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.consent.service.PurposeService;

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

@Path("/purposes")
@Tag(name = "Purposes", description = "The catalogue of purposes, their legal bases and notice versions")
public class PurposeResource {

    private final PurposeService purposes;

    public PurposeResource(PurposeService purposes) {
        this.purposes = purposes;
    }

    @GET
    @PermitAll
    @Operation(summary = "Every purpose with its legal basis and notices (public: it is the privacy notice), by id."
            + " Paged (page from 0, size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<PurposeResponse>> listPurposes(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(purposes.list(pageRequest).stream().map(p -> PurposeResponse.of(p, purposes.notices(p.id))).toList(),
                pageRequest, uri);
    }

    @GET
    @Path("/{purposeId}")
    @PermitAll
    @Operation(summary = "One purpose with every notice version published for it")
    public PurposeResponse getPurpose(@PathParam("purposeId") @Pattern(regexp = Ids.PURPOSE_ID, message = Ids.PURPOSE_ID_MESSAGE) String purposeId) {
        return PurposeResponse.of(purposes.get(purposeId), purposes.notices(purposeId));
    }

    @PUT
    @Path("/{purposeId}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Create or change a purpose; a new notice version is published, an existing one is never edited")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PurposeResponse.class)))
    @APIResponse(responseCode = "200", description = "changed: a new notice version", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PurposeResponse.class)))
    public RestResponse<PurposeResponse> publishPurpose(@PathParam("purposeId") @Pattern(regexp = Ids.PURPOSE_ID, message = Ids.PURPOSE_ID_MESSAGE) String purposeId,
            @Valid @NotNull PurposeRequest body) {
        var published = purposes.publish(new PurposeService.PublishPurpose(purposeId, body.name(), body.description(),
                body.legalBasis(), Boolean.TRUE.equals(body.directMarketing()),
                Boolean.TRUE.equals(body.deviceEligible()), body.validity(), body.notice().version(),
                body.notice().text(), Boolean.TRUE.equals(body.notice().requiresFreshConsent()),
                Boolean.TRUE.equals(body.legalClaims())));
        return RestResponse.status(published.created() ? Response.Status.CREATED : Response.Status.OK,
                PurposeResponse.of(published.purpose(), published.notices()));
    }
}
