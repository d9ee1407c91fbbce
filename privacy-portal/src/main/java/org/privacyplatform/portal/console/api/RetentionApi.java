package org.privacyplatform.portal.console.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.privacyplatform.portal.api.PersonsToken;

/** retention-service, with the logged-in person's own token (see openapi/retention-service.json). */
@RegisterRestClient(configKey = "retention")
@RegisterProvider(PersonsToken.class)
public interface RetentionApi {

    @GET
    @Path("/policies")
    List<Policy> policies(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/policies/{id}/versions")
    List<Policy> versions(@PathParam("id") String id, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/subjects/{subjectId}/schedule")
    List<ScheduleItem> schedule(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** active=false lists the lifted ones as well. */
    @GET
    @Path("/legal-holds")
    List<LegalHold> holds(@QueryParam("active") Boolean active, @QueryParam("page") int page, @QueryParam("size") int size);

    /** {"subjectId"?, "category"?, "caseReference", "reason", "endsOn"?}. */
    @POST
    @Path("/legal-holds")
    LegalHold place(Map<String, Object> hold);

    @DELETE
    @Path("/legal-holds/{id}")
    LegalHold lift(@PathParam("id") String id);
}
