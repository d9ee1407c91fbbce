package org.privacyplatform.portal.console.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.privacyplatform.portal.api.PersonsToken;
import org.privacyplatform.portal.api.Purpose;

/** consent-service's endpoints for the dpo (and the auditor, reading), with the person's own token. */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(PersonsToken.class)
public interface ConsoleConsentApi {

    @GET
    @Path("/purposes/{id}")
    Purpose purpose(@PathParam("id") String id);

    /** Publishes a notice version: {"name", "description", "legalBasis", ..., "notice": {"version", "text", "requiresFreshConsent"}}. */
    @PUT
    @Path("/purposes/{id}")
    Purpose publish(@PathParam("id") String id, Map<String, Object> purpose);

    @GET
    @Path("/notice/versions/{version}")
    NoticeVersion noticeVersion(@PathParam("version") int version);

    /** The Art. 30 record in the format asked for (application/json, text/csv or text/html). */
    @GET
    @Path("/records-of-processing")
    @Produces({ "text/csv", "application/json", "text/html" })
    Response recordsOfProcessing(@HeaderParam("Accept") String accept);
}
