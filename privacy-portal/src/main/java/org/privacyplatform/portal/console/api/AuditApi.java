package org.privacyplatform.portal.console.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.privacyplatform.portal.api.PersonsToken;

/** audit-service, with the logged-in person's own token (see openapi/audit-service.json). */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(PersonsToken.class)
public interface AuditApi {

    @GET
    @Path("/audit/checkpoint")
    Checkpoint checkpoint();

    @GET
    @Path("/audit/public-key")
    PublicKey publicKey();

    @GET
    @Path("/audit/witnesses")
    List<Witness> witnesses();

    /** Recomputes the whole tree: slow on a large log (the portal's read timeout bounds it). */
    @POST
    @Path("/audit/verify")
    VerifyResult verify();

    /** The evidence bundle as the service wrote it, byte for byte: the console hands it on unchanged. */
    @GET
    @Path("/audit/subjects/{subjectId}/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    Response evidence(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
            @QueryParam("size") int size);
}
