package org.privacyplatform.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.api.Purpose;
import org.privacyplatform.portal.api.Purposes;
import org.privacyplatform.portal.banner.BannerPurposes;
import org.privacyplatform.portal.console.api.ConsoleConsentApi;
import org.privacyplatform.portal.console.api.NoticeVersion;
import org.privacyplatform.portal.web.Pages;

/**
 * Purposes and notices: each purpose's notice versions, publishing a new one (a preview of the text the subject
 * will read, its difference from the version in force, and whether it asks for fresh consent), the generated
 * privacy notice's versions with what changed, and the record of processing (Art. 30).
 */
@Path("/console/purposes")
@RolesAllowed({ "dpo", "auditor" })
public class PurposesResource {

    /** The consent service's bound on a notice text. */
    static final int NOTICE_TEXT = 20000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance purposes(List<Purpose> purposes);

        static native TemplateInstance purpose(Purpose purpose, List<Purpose.Notice> notices, boolean published);

        static native TemplateInstance preview(Purpose purpose, String version, String text, boolean requiresFreshConsent,
                List<LineDiff.Line> diff);

        static native TemplateInstance noticeVersion(Integer asked, NoticeVersion version);
    }

    private final Pages pages;
    private final Purposes purposes;
    private final ConsoleConsentApi consent;
    private final BannerPurposes banner;

    public PurposesResource(Pages pages, Purposes purposes, @RestClient ConsoleConsentApi consent,
            BannerPurposes banner) {
        this.pages = pages;
        this.purposes = purposes;
        this.consent = consent;
        this.banner = banner;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return pages.page(Templates.purposes(purposes.all()));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance purpose(@PathParam("id") String id, @RestQuery String done) {
        Purpose purpose = consent.purpose(Forms.matching(id, Forms.SLUG, true));
        List<Purpose.Notice> notices = new ArrayList<>(purpose.notices() == null ? List.of() : purpose.notices());
        notices.sort(java.util.Comparator.comparing(Purpose.Notice::publishedAt,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).reversed());
        return pages.page(Templates.purpose(purpose, notices, "published".equals(done)));
    }

    /** The new version as the subject will read it, and its difference from the version in force; nothing is sent. */
    @POST
    @Path("/{id}/preview")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preview(@PathParam("id") String id, @RestForm String version, @RestForm String text,
            @RestForm boolean requiresFreshConsent) {
        Purpose purpose = consent.purpose(Forms.matching(id, Forms.SLUG, true));
        String v = Forms.matching(version, Forms.VERSION, true);
        String t = Forms.text(text, NOTICE_TEXT, true);
        if (purpose.notices() != null && purpose.notices().stream().anyMatch(n -> n.version().equals(v))) {
            throw ConsoleProblem.badRequest("notice_version_exists");
        }
        Purpose.Notice current = purpose.currentNotice();
        return pages.page(Templates.preview(purpose, v, t, requiresFreshConsent,
                LineDiff.between(current == null ? "" : current.text(), t)));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id, @RestForm String version, @RestForm String text,
            @RestForm boolean requiresFreshConsent) {
        String purposeId = Forms.matching(id, Forms.SLUG, true);
        Purpose purpose = consent.purpose(purposeId);
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("version", Forms.matching(version, Forms.VERSION, true));
        notice.put("text", Forms.text(text, NOTICE_TEXT, true));
        notice.put("requiresFreshConsent", requiresFreshConsent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", purpose.name());
        body.put("description", purpose.description());
        body.put("legalBasis", purpose.legalBasis());
        body.put("directMarketing", purpose.directMarketing());
        body.put("deviceEligible", purpose.deviceEligible());
        if (purpose.validity() != null) {
            body.put("validity", purpose.validity());
        }
        body.put("notice", notice);
        consent.publish(purposeId, body);
        banner.forget();
        return Pages.seeOther("/console/purposes/" + purposeId + "?done=published");
    }

    /** One version of the generated privacy notice and what changed from the one before. */
    @GET
    @Path("/notice-versions")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance noticeVersion(@RestQuery Integer version) {
        if (version == null) {
            return pages.page(Templates.noticeVersion(null, null));
        }
        if (version < 1 || version > 1_000_000) {
            throw ConsoleProblem.badRequest("form_invalid");
        }
        return pages.page(Templates.noticeVersion(version, consent.noticeVersion(version)));
    }

    /** The record of processing (Art. 30(1)) as the consent service writes it, CSV or HTML, as a download. */
    @GET
    @Path("/records-of-processing.{format}")
    public Response recordsOfProcessing(@PathParam("format") String format) {
        String type = switch (format) {
            case "csv" -> "text/csv";
            case "html" -> "text/html";
            case "json" -> "application/json";
            default -> throw new ConsoleProblem(404, "no_such_format");
        };
        Response answer = consent.recordsOfProcessing(type);
        byte[] bytes = answer.readEntity(String.class).getBytes(StandardCharsets.UTF_8);
        return Response.ok(bytes).type(type + ("application/json".equals(type) ? "" : ";charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"records-of-processing." + format + "\"")
                .build();
    }
}
