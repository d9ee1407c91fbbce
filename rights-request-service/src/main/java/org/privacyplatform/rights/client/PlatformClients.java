package org.privacyplatform.rights.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The other services, called for a subject's access export with this service's client-credentials token. */
public final class PlatformClients {

    private PlatformClients() {
    }

    @RegisterRestClient(configKey = "consent-service")
    @OidcClientFilter
    @Path("/subjects/{subjectId}")
    public interface Consent {
        @GET
        @Path("/consents")
        JsonNode consents(@PathParam("subjectId") String subjectId);

        @GET
        @Path("/consents/history")
        JsonNode history(@PathParam("subjectId") String subjectId, @RestQuery int page, @RestQuery int size);
    }

    @RegisterRestClient(configKey = "retention-service")
    @OidcClientFilter
    @Path("/subjects/{subjectId}")
    public interface Retention {
        @GET
        @Path("/schedule")
        JsonNode schedule(@PathParam("subjectId") String subjectId, @RestQuery int page, @RestQuery int size);
    }

    @RegisterRestClient(configKey = "audit-service")
    @OidcClientFilter
    @Path("/audit")
    public interface Audit {
        @GET
        @Path("/events")
        JsonNode events(@RestQuery String subjectId, @RestQuery int page, @RestQuery int size);
    }
}
