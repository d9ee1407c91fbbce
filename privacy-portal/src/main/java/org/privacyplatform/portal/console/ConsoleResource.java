package org.privacyplatform.portal.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.privacyplatform.portal.web.Pages;

/**
 * The DPO console's front page: the figures the DPO answers for (open requests by status, overdue, closed in the
 * last 30 days and their median time to answer) and the way to each part of the console.
 */
@Path("/console")
@RolesAllowed({ "dpo", "auditor" })
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        /** figures: null when the rights service does not show requests to this role. */
        static native TemplateInstance console(Requests.Figures figures);
    }

    private final Pages pages;
    private final Requests requests;

    public ConsoleResource(Pages pages, Requests requests) {
        this.pages = pages;
        this.requests = requests;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance console() {
        Requests.Figures figures;
        try {
            figures = requests.figures();
        } catch (WebApplicationException refused) {
            if (refused.getResponse() == null || refused.getResponse().getStatus() != 403) {
                throw refused;
            }
            figures = null;
        }
        return pages.page(Templates.console(figures));
    }
}
