package org.privacyplatform.portal.centre;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.api.Consent;
import org.privacyplatform.portal.api.ConsentApi;
import org.privacyplatform.portal.api.ConsentBody;
import org.privacyplatform.portal.api.ConsentRecord;
import org.privacyplatform.portal.api.Purpose;
import org.privacyplatform.portal.api.Purposes;
import org.privacyplatform.portal.banner.DeviceCookie;
import org.privacyplatform.portal.banner.DeviceJoin;
import org.privacyplatform.portal.web.Pages;
import org.privacyplatform.portal.web.PortalProblem;
import org.privacyplatform.portal.web.Viewer;

/**
 * The privacy centre of the logged-in subject: every purpose with its notice, legal basis and their standing, one
 * switch per consent purpose (withdrawing is as easy as granting, Art. 7(3)), an objection per legitimate-interest
 * purpose (Art. 21), and the history of their decisions. Everything goes through consent-service with the subject's
 * own token, for the subject id of that token only.
 */
@Path("/centre")
public class CentreResource {

    /** The history page shows the latest decisions (consent-service pages hold at most 500). */
    static final int HISTORY_SIZE = 200;

    /** What a choice's redirect may say was done (a message key done_X each). */
    static final java.util.Set<String> DONE = java.util.Set.of("grant", "withdraw", "object", "accept", "device");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consents(List<PurposeRow> rows, String done);

        static native TemplateInstance history(List<ConsentRecord> records, Map<String, String> names);
    }

    private final Pages pages;
    private final Viewer viewer;
    private final Purposes purposes;
    private final ConsentApi consent;
    private final DeviceJoin deviceJoin;

    public CentreResource(Pages pages, Viewer viewer, Purposes purposes, @RestClient ConsentApi consent,
            DeviceJoin deviceJoin) {
        this.pages = pages;
        this.viewer = viewer;
        this.purposes = purposes;
        this.consent = consent;
        this.deviceJoin = deviceJoin;
    }

    /** The consents page; the first time, it also takes over the choices this browser made on the banner. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response consents(@RestQuery String done, @RestCookie(DeviceCookie.NAME) String device,
            @RestCookie(DeviceCookie.JOINED) String joined) {
        String subject = viewer.getSubjectId();
        var joinedNow = deviceJoin.joinOnce(subject, device, joined);
        if (joinedNow.isPresent()) {
            return joinedNow.get();
        }
        Map<String, Consent> current = consent.consents(subject).stream()
                .collect(Collectors.toMap(Consent::purposeId, Function.identity(), (a, b) -> a));
        List<PurposeRow> rows = purposes.all().stream().map(p -> new PurposeRow(p, current.get(p.id())))
                .sorted(PurposeRow.ORDER).toList();
        return Response.ok(pages.page(Templates.consents(rows, done != null && DONE.contains(done) ? "done_" + done : null)))
                .build();
    }

    /**
     * The switch: {@code choice} grant or withdraw on a consent purpose, object or accept on a legitimate-interest
     * one; always on the notice version the page showed.
     */
    @POST
    @Path("/consents/{purposeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("purposeId") String purposeId, @RestForm String choice,
            @RestForm String noticeVersion) {
        Purpose purpose = purposes.all().stream().filter(p -> p.id().equals(purposeId)).findFirst()
                .orElseThrow(() -> PortalProblem.notFound("centre_no_purpose"));
        boolean granted;
        if (purpose.isConsentBased() && ("grant".equals(choice) || "withdraw".equals(choice))) {
            granted = "grant".equals(choice);
        } else if (purpose.isLegitimateInterest() && ("accept".equals(choice)
                || "object".equals(choice) && purpose.directMarketing())) {
            // Art. 21: an objection to direct marketing is a switch; to anything else it is a request the DPO reviews
            granted = "accept".equals(choice);
        } else {
            throw PortalProblem.badRequest("centre_bad_choice");
        }
        String version = noticeVersion != null && noticeVersion.matches("[A-Za-z0-9._-]{1,32}") ? noticeVersion
                : purpose.currentNoticeVersion();
        consent.record(viewer.getSubjectId(), purposeId, ConsentBody.web(granted, version));
        return Pages.seeOther("/centre?done=" + choice + "#purpose-" + purposeId);
    }

    @GET
    @Path("/history")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance history() {
        Map<String, String> names = purposes.all().stream().collect(Collectors.toMap(Purpose::id, Purpose::name));
        List<ConsentRecord> records = consent.history(viewer.getSubjectId(), 0, HISTORY_SIZE).stream()
                .sorted(java.util.Comparator.comparing(ConsentRecord::recordedAt).reversed()).toList();
        return pages.page(Templates.history(records, names));
    }
}
