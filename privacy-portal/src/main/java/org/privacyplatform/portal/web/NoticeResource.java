package org.privacyplatform.portal.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.privacyplatform.portal.api.PublicConsentApi;

/**
 * The privacy notice: the one consent-service generates from its catalogue (GET /notice), in the page's language,
 * shown inside the portal's own page.
 */
@Path("/notice")
public class NoticeResource {

    private static final Pattern BODY = Pattern.compile("<main[^>]*>(.*)</main>", Pattern.DOTALL);
    private static final Pattern BODY_TAG = Pattern.compile("<body[^>]*>(.*)</body>", Pattern.DOTALL);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(String content);
    }

    private final Pages pages;
    private final Lang lang;
    private final PublicConsentApi consent;

    public NoticeResource(Pages pages, Lang lang, @RestClient PublicConsentApi consent) {
        this.pages = pages;
        this.lang = lang;
        this.consent = consent;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance notice() {
        return pages.page(Templates.notice(content(consent.noticeHtml(lang.getCode()))));
    }

    /** The notice's main content: the generated page is a whole document; the portal keeps its layout around it. */
    static String content(String html) {
        Matcher main = BODY.matcher(html);
        if (main.find()) {
            return main.group(1);
        }
        Matcher body = BODY_TAG.matcher(html);
        return body.find() ? body.group(1) : html;
    }
}
