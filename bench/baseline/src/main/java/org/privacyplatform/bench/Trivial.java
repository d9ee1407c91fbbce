package org.privacyplatform.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GETs that do nothing but answer a small JSON object shaped like a consent decision: one open (the HTTP
 * stack's limit), one behind the same bearer-token check as the services (the HTTP stack plus Keycloak
 * token verification), so that what is left of a service's cost is the service's own.
 */
@Path("/trivial/{subjectId}/{purposeId}")
@Produces(MediaType.APPLICATION_JSON)
public class Trivial {

    public record Answer(String subjectId, String purposeId, boolean allowed) {
    }

    @GET
    @PermitAll
    public Answer open(@PathParam("subjectId") String subjectId, @PathParam("purposeId") String purposeId) {
        return new Answer(subjectId, purposeId, true);
    }

    @GET
    @Path("/authenticated")
    @RolesAllowed("service")
    public Answer authenticated(@PathParam("subjectId") String subjectId, @PathParam("purposeId") String purposeId) {
        return new Answer(subjectId, purposeId, true);
    }
}
