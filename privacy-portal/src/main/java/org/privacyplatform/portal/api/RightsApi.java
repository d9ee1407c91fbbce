package org.privacyplatform.portal.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * rights-request-service, called with the logged-in person's own token: a subject for their own requests, the dpo
 * (and the auditor, reading) for everyone's. Bodies are the API's own JSON (see openapi/rights-request-service.json).
 */
@RegisterRestClient(configKey = "rights")
@RegisterProvider(PersonsToken.class)
public interface RightsApi {

    /** Files a request: {"subjectId", "type", "details"?, "receivedAt"? (dpo)}. */
    @POST
    @Path("/requests")
    Request file(Map<String, Object> body);

    @GET
    @Path("/requests/{id}")
    Request get(@PathParam("id") String id);

    @GET
    @Path("/subjects/{subjectId}/requests")
    List<Request> ofSubject(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** The dpo's and the auditor's search: status and overdue are optional filters. */
    @GET
    @Path("/requests")
    List<Request> search(@QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /**
     * The export of an access or portability request: 200 with the bundle. A paid copy the caller has not agreed to
     * is thrown as a WebApplicationException whose response (402) carries the FeeProblem with its fee.
     */
    @GET
    @Path("/requests/{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    Response export(@PathParam("id") String id, @QueryParam("acceptFee") Boolean acceptFee);

    @POST
    @Path("/requests/{id}/verify-identity")
    Request verifyIdentity(@PathParam("id") String id);

    /** {"reason"}: only inside the first month. */
    @POST
    @Path("/requests/{id}/extend")
    Request extend(@PathParam("id") String id, Map<String, Object> body);

    /** {"ground", "detail"?}. */
    @POST
    @Path("/requests/{id}/reject")
    Request reject(@PathParam("id") String id, Map<String, Object> body);

    /** {"note"?}. */
    @POST
    @Path("/requests/{id}/complete")
    Request complete(@PathParam("id") String id, Map<String, Object> body);

    /** {"recipientId", "status", "erased"?, "kept"?, "note"?}: an answer given out of band. */
    @POST
    @Path("/requests/{id}/outcomes")
    Request reportOutcome(@PathParam("id") String id, Map<String, Object> body);

    /** Upholds an objection after review (Art. 21(1)): {"purposeIds"?, "note"?}; the consent service stops them. */
    @POST
    @Path("/requests/{id}/uphold-objection")
    Request upholdObjection(@PathParam("id") String id, Map<String, Object> body);

    /** The recipients and systems that must hear of a rectification, erasure or restriction (Art. 19). */
    @GET
    @Path("/recipients")
    List<Recipient> recipients(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Replaces the whole list of recipients and systems: a recipient left out is deactivated. */
    @PUT
    @Path("/recipients")
    List<Recipient> replaceRecipients(List<Map<String, Object>> recipients);

    @GET
    @Path("/subjects/{subjectId}/post-mortem-instructions")
    JsonNode postMortemInstructions(@PathParam("subjectId") String subjectId);

    @PUT
    @Path("/subjects/{subjectId}/post-mortem-instructions")
    JsonNode registerPostMortemInstructions(@PathParam("subjectId") String subjectId, Map<String, Object> body);

    @DELETE
    @Path("/subjects/{subjectId}/post-mortem-instructions")
    JsonNode revokePostMortemInstructions(@PathParam("subjectId") String subjectId);
}
