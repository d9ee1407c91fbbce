package org.privacyplatform.portal.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service, called with the logged-in person's own access token. */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(PersonsToken.class)
@Path("/subjects/{subjectId}")
public interface ConsentApi {

    @GET
    @Path("/consents")
    List<Consent> consents(@PathParam("subjectId") String subjectId);

    @GET
    @Path("/consents/history")
    List<ConsentRecord> history(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @PUT
    @Path("/consents/{purposeId}")
    Consent record(@PathParam("subjectId") String subjectId, @PathParam("purposeId") String purposeId, ConsentBody body);

    /** The subject takes over the choices a visitor made on this device before logging in. */
    @POST
    @Path("/devices/{deviceId}")
    @Produces(MediaType.APPLICATION_JSON)
    String joinDevice(@PathParam("subjectId") String subjectId, @PathParam("deviceId") String deviceId);
}
