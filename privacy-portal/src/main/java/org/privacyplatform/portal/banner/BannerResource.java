package org.privacyplatform.portal.banner;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.web.Lang;

/**
 * {@code GET /banner/config?lang=}: what banner.js, running on a customer's page, fetches from the portal. Public and
 * readable from any origin ({@code Access-Control-Allow-Origin: *}, never with credentials): it holds nothing about
 * anyone.
 */
@Path("/banner")
public class BannerResource {

    /** The public catalogue's language (the bilingual catalogue is not public). */
    static final String CATALOGUE_LANG = "en";

    private final BannerPurposes purposes;
    private final String publicConsentUrl;

    public BannerResource(BannerPurposes purposes,
            @ConfigProperty(name = "portal.public-consent-url") String publicConsentUrl) {
        this.purposes = purposes;
        this.publicConsentUrl = publicConsentUrl;
    }

    @GET
    @Path("/config")
    @Produces(MediaType.APPLICATION_JSON)
    public Response config(@RestQuery String lang) {
        String language = Lang.supported(lang) ? lang : "en";
        return Response.ok(new BannerConfig(publicConsentUrl, language, CATALOGUE_LANG, purposes.shown()))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "max-age=60")
                .build();
    }
}
