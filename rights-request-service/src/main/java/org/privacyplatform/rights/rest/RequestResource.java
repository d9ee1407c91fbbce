package org.privacyplatform.rights.rest;

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
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.paging.Paged;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Caller;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectAccess;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.config.RightsConfig;
import org.privacyplatform.rights.rest.RequestBodies.Completion;
import org.privacyplatform.rights.rest.RequestBodies.Extension;
import org.privacyplatform.rights.rest.RequestBodies.Lifting;
import org.privacyplatform.rights.rest.RequestBodies.NewRequest;
import org.privacyplatform.rights.rest.RequestBodies.ObjectionUpheld;
import org.privacyplatform.rights.rest.RequestBodies.OutcomeReport;
import org.privacyplatform.rights.rest.RequestBodies.Rejection;
import org.privacyplatform.rights.RequestType;
import org.privacyplatform.rights.service.PostMortemService;
import org.privacyplatform.rights.service.RequestListing;
import org.privacyplatform.rights.service.RequestService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/")
@Tag(name = "Requests", description = "Data-subject requests for every GDPR right, on the Art. 12 clock")
public class RequestResource {

    private final RequestService requests;
    private final RequestListing listing;
    private final SubjectAccess access;
    private final Caller caller;
    private final RightsConfig config;
    private final ObjectMapper json;
    private final org.privacyplatform.rights.service.ExportService exports;
    private final Pseudonyms pseudonyms;
    private final PostMortemService postMortem;

    public RequestResource(RequestService requests, RequestListing listing, SubjectAccess access,
            Caller caller, RightsConfig config, ObjectMapper json,
            org.privacyplatform.rights.service.ExportService exports, Pseudonyms pseudonyms, PostMortemService postMortem) {
        this.postMortem = postMortem;
        this.pseudonyms = pseudonyms;
        this.exports = exports;
        this.requests = requests;
        this.listing = listing;
        this.access = access;
        this.caller = caller;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("/requests")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO })
    @Operation(summary = "File a request: a subject files their own; the DPO files one received by post or e-mail "
            + "for anyone, and may give receivedAt (not in the future: 400; from anyone but the DPO: 403). dueAt is one "
            + "calendar month after receipt (Art. 12(3))")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "filed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RequestView.class)))
    public RequestView fileRequest(@Valid @NotNull NewRequest body) {
        if (designatedFor(body.subjectId())) {
            // the person a deceased subject designated acts on their instructions: an access or an erasure, nothing else
            if (body.type() != RequestType.ACCESS && body.type() != RequestType.ERASURE) {
                throw ProblemException.forbidden("the person designated in post-mortem instructions may file an access "
                        + "or an erasure for the deceased, not a " + body.type() + " request");
            }
        } else {
            access.check(body.subjectId());
        }
        RightsRequest request = requests.file(new RequestService.FileRequest(body.subjectId(), body.type(), body.details(),
                caller.actor(), body.receivedAt()));
        return view(request);
    }

    @GET
    @Path("/requests/{id}")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "One request: its clock, an extension with its reasons, steps, outcomes, what was kept and "
            + "why, and, unless it was granted in full (REJECTED, PARTIALLY_COMPLETED), where to complain")
    public RequestView getRequest(@PathParam("id") String id) {
        return view(visible(id));
    }

    @GET
    @Path("/requests")
    @RolesAllowed({ Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "Requests by status (the dpo; the auditor reads); overdue=true lists the open ones past their due date. Paged (page from 0, "
            + "size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<RequestView>> searchRequests(@RestQuery RequestStatus status, @RestQuery Boolean overdue,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(listing.search(status, Boolean.TRUE.equals(overdue), pageRequest).stream().map(this::view).toList(),
                pageRequest, uri);
    }

    @GET
    @Path("/subjects/{subjectId}/requests")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "A subject's requests, oldest first, including those kept under the subject's pseudonym once "
            + "their erasure completed. Paged (page from 0, size 1-500, default 100); a Link "
            + "rel=\"next\" header names the next page")
    public RestResponse<List<RequestView>> subjectRequests(@PathParam("subjectId") @SubjectId String subjectId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        access.check(subjectId);
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(listing.ofSubject(subjectId, pageRequest).stream().map(this::view).toList(), pageRequest, uri);
    }

    @POST
    @Path("/requests/{id}/verify-identity")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Identity verified (Art. 12(6)): the right is set in motion")
    public RequestView verifyIdentity(@PathParam("id") String id) {
        return view(requests.verifyIdentity(parse(id), caller.actor()));
    }

    @POST
    @Path("/requests/{id}/extend")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Extend once, before the first due date, with the reasons the subject is shown (Art. 12(3)): "
            + "dueAt becomes the earlier of the first due date plus two months and receipt plus three months; "
            + "after the first due date, a second time or on a closed request: 409")
    public RequestView extendRequest(@PathParam("id") String id, @Valid @NotNull Extension body) {
        return view(requests.extend(parse(id), body.reason(), caller.actor()));
    }

    @POST
    @Path("/requests/{id}/uphold-objection")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Uphold an objection to processing other than direct marketing after review (Art. 21(1)): the "
            + "consent service stops the purposes; all of them upheld: COMPLETED; only some: grounds required for the "
            + "others, PARTIALLY_COMPLETED with the complaint notice; refusing it is reject with ground "
            + "COMPELLING_LEGITIMATE_GROUNDS and the grounds in detail")
    public RequestView upholdObjection(@PathParam("id") String id, @Valid ObjectionUpheld body) {
        return view(requests.upholdObjection(parse(id), body == null ? null : body.purposeIds(),
                body == null ? null : body.note(), body == null ? null : body.grounds(), caller.actor()));
    }

    @POST
    @Path("/requests/{id}/reject")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Reject on a ground; the request then tells the subject where to complain (complaint)")
    public RequestView rejectRequest(@PathParam("id") String id, @Valid @NotNull Rejection body) {
        return view(requests.reject(parse(id), body.ground(), body.detail(), caller.actor()));
    }

    @POST
    @Path("/requests/{id}/complete")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Close a request whose answer was given; refused while recipients have not answered (409), for "
            + "an objection under review (409: uphold-objection or reject) and for a restriction standing (409: "
            + "lift-restriction); a rectification needs the note saying what was corrected (400)")
    public RequestView completeRequest(@PathParam("id") String id, @Valid Completion body) {
        return view(requests.complete(parse(id), body == null ? null : body.note(), caller.actor()));
    }

    @POST
    @Path("/requests/{id}/lift-restriction")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Lift a restriction, recorded only once the subject has been told (Art. 18(3))")
    public RequestView liftRestriction(@PathParam("id") String id, @Valid @NotNull Lifting body) {
        return view(requests.liftRestriction(parse(id), body.subjectInformedAt(), caller.actor()));
    }

    @POST
    @Path("/requests/{id}/outcomes")
    @RolesAllowed({ Roles.SERVICE, Roles.DPO })
    @Operation(summary = "A recipient reports what it erased, applied or kept (Art. 19); only the calling system "
            + "that the recipients catalogue names for it (reportedBy) may, any other is 403. The DPO records an answer "
            + "a recipient gave out of band (a letter, an e-mail), with a note saying how; the history names the DPO. "
            + "FAILED or PARTIAL to an erasure or a rectification needs the reason in note (400 without)")
    public RequestView reportOutcome(@PathParam("id") String id, @Valid @NotNull OutcomeReport body) {
        return view(requests.reportOutcome(parse(id), new RequestService.Outcome(body.recipientId(), body.status(),
                body.erased() == null ? null : json.valueToTree(body.erased()),
                body.kept() == null ? null : json.valueToTree(body.kept()), body.note()), caller.actor()));
    }

    @GET
    @Path("/requests/{id}/export")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO })
    @Operation(summary = "Access and portability: a JSON bundle of what the platform holds on the subject, with the "
            + "Art. 15(1) information (purposes, categories, recipients, retention, rights, complaint, sources). The first "
            + "copy is free; a later copy costs the fee (Art. 15(3)): without acceptFee=true it is 402 with the fee, "
            + "nothing counted. The same caller's download retried within the retry window is the same copy")
    @APIResponse(responseCode = "200", description = "the bundle", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ExportBundle.class)))
    @APIResponse(responseCode = "402", description = "a paid copy not yet agreed to: its fee; nothing was produced or counted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = FeeProblem.class)))
    public com.fasterxml.jackson.databind.node.ObjectNode exportRequest(@PathParam("id") String id,
            @RestQuery Boolean acceptFee) {
        RightsRequest request = visible(id);
        return exports.export(request.id, caller.actor(), Boolean.TRUE.equals(acceptFee),
                subject -> json.valueToTree(listing.allOfSubject(subject).stream().map(this::view).toList()));
    }

    /**
     * The request if the caller may see it; another subject's request is "not found", never its data. A subject
     * still sees their own requests once their erasure completed: those are kept under their pseudonym.
     */
    private RightsRequest visible(String id) {
        RightsRequest request = requests.get(parse(id));
        if (access.isOnlyDataSubject() && !request.subjectId.equals(access.callerSubject())
                && !request.subjectId.equals(pseudonyms.of(access.callerSubject())) && !designatedFor(request.subjectId)) {
            throw ProblemException.notFound("no request " + id);
        }
        return request;
    }

    /**
     * Whether the caller, a subject, is the person a deceased subject designated in the post-mortem instructions that
     * their recorded death applied (PASS_TO_DESIGNATED_PERSON).
     */
    private boolean designatedFor(String subjectId) {
        return access.isOnlyDataSubject() && !subjectId.equals(access.callerSubject())
                && postMortem.actsFor(access.callerSubject(), subjectId);
    }

    private RequestView view(RequestListing.Listed listed) {
        return RequestView.of(listed.request(), listed.outcomes(), listed.history(), config, json);
    }

    private RequestView view(RightsRequest request) {
        return QuarkusTransaction.joiningExisting().call(() -> RequestView.of(request, requests.outcomes(request.id),
                requests.history(request.id), config, json));
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no request " + id);
        }
    }
}
