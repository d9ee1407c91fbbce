package org.privacyplatform.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

/** The language switch: keeps the choice for a year in a first-party cookie and goes back to the page. */
@Path("/lang/{code}")
public class LangResource {

    private final HttpServerResponse response;

    public LangResource(HttpServerResponse response) {
        this.response = response;
    }

    @GET
    public Response choose(@PathParam("code") String code, @RestQuery String back) {
        if (Lang.supported(code)) {
            response.addCookie(Cookie.cookie(Lang.COOKIE, code).setPath("/").setMaxAge(365L * 24 * 3600)
                    .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
        }
        return Pages.seeOther(back);
    }
}
