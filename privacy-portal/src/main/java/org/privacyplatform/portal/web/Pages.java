package org.privacyplatform.portal.web;

import java.net.URI;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

/** What every page does: render in the request's language; answer a form with a redirect (POST, then GET). */
@RequestScoped
public class Pages {

    private final Lang lang;

    public Pages(Lang lang) {
        this.lang = lang;
    }

    public TemplateInstance page(TemplateInstance page) {
        return page.setLocale(lang.getLocale());
    }

    /** 303 See Other to a path of the portal itself (never another origin). */
    public static Response seeOther(String path) {
        if (!isLocalPath(path)) {
            path = "/";
        }
        return Response.seeOther(URI.create(path)).build();
    }

    /** A path on this portal: starts with one slash, no scheme, no host, no backslash. */
    public static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() <= 512 && path.chars().noneMatch(c -> c < 0x20);
    }
}
