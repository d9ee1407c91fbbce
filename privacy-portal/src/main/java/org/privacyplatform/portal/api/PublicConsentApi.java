package org.privacyplatform.portal.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's public endpoints: the purposes and the privacy notice (no token). */
@RegisterRestClient(configKey = "consent")
public interface PublicConsentApi {

    @GET
    @Path("/purposes")
    @Produces(MediaType.APPLICATION_JSON)
    List<Purpose> purposes(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/notice")
    @Produces(MediaType.TEXT_HTML)
    String noticeHtml(@QueryParam("lang") String lang);
}
