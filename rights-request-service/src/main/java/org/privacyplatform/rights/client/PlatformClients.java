package org.privacyplatform.rights.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

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

    /** The consent service's generated privacy notice (public): purposes, categories, recipients, sources, rights. */
    @RegisterRestClient(configKey = "consent-service")
    @Path("/notice")
    public interface Notice {
        /** The JSON-LD text, parsed by the caller (whatever JSON reader the client has for application/ld+json). */
        @GET
        @Produces("application/ld+json")
        String jsonLd(@RestQuery String lang);
    }

    /** The retention service's rules in force (public: the privacy policy's retention table). */
    @RegisterRestClient(configKey = "retention-service")
    @Path("/policies")
    public interface Policies {
        @GET
        JsonNode policies(@RestQuery int page, @RestQuery int size);
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
