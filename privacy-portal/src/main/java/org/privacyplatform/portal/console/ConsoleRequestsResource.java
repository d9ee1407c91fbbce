package org.privacyplatform.portal.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.api.Purpose;
import org.privacyplatform.portal.api.Purposes;
import org.privacyplatform.portal.api.Recipient;
import org.privacyplatform.portal.api.Request;
import org.privacyplatform.portal.api.RightsApi;
import org.privacyplatform.portal.web.Pages;
import org.privacyplatform.portal.web.Viewer;

/**
 * The requests: the queue by due date, one request with its subject, details, history and each recipient's outcome,
 * and the DPO's actions on it, each made with the DPO's own token so that the service records them as the actor.
 */
@Path("/console/requests")
@RolesAllowed({ "dpo", "auditor" })
public class ConsoleRequestsResource {

    static final List<String> GROUNDS = List.of("MANIFESTLY_UNFOUNDED", "EXCESSIVE", "IDENTITY_NOT_VERIFIED",
            "ARTICLE_17_3_EXCEPTION", "COMPELLING_LEGITIMATE_GROUNDS");
    static final List<String> OUTCOMES = List.of("DONE", "PARTIAL", "FAILED");
    static final List<String> CHANNELS = List.of("post", "email", "phone", "in-person");
    static final Set<String> DONE = Set.of("filed", "verified", "extended", "rejected", "completed", "answered",
            "upheld");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<RequestRow> rows, String status, String type, boolean overdue,
                List<String> statuses, List<String> types);

        static native TemplateInstance request(RequestRow row, String details, List<OutcomeRow> outcomes,
                List<OutcomeRow> awaited, boolean extendable, List<String> grounds, List<String> channels,
                List<String> results, List<Purpose> objectable, String done);

        static native TemplateInstance file(List<String> types, List<String> channels, String today);
    }

    /** A recipient that must answer this request, and its answer if it gave one (flat: see RequestRow). */
    public record OutcomeRow(String recipientId, String name, String status, String note, OffsetDateTime reportedAt,
            String erased, String kept) {

        static OutcomeRow of(String recipientId, String name, Request.Outcome o) {
            if (o == null) {
                return new OutcomeRow(recipientId, name, null, null, null, "", "");
            }
            return new OutcomeRow(recipientId, name, o.status(), o.note(), o.reportedAt(),
                    o.erased() == null || o.erased().isNull() ? "" : Items.describe(o.erased()),
                    o.kept() == null || o.kept().isNull() ? "" : Items.describe(o.kept()));
        }

        /** Whether the recipient answered (the service lists a recipient it is waiting for without a report time). */
        public boolean isAnswered() {
            return reportedAt != null;
        }
    }

    private final Pages pages;
    private final Requests requests;
    private final ConsoleTime time;
    private final Viewer viewer;
    private final Purposes purposes;
    private final RightsApi rights;

    public ConsoleRequestsResource(Pages pages, Requests requests, ConsoleTime time, Viewer viewer, Purposes purposes,
            @RestClient RightsApi rights) {
        this.pages = pages;
        this.requests = requests;
        this.time = time;
        this.viewer = viewer;
        this.purposes = purposes;
        this.rights = rights;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance queue(@RestQuery String status, @RestQuery String type, @RestQuery boolean overdue) {
        String s = Forms.oneOf(status, Requests.STATUSES, false);
        String t = Forms.oneOf(type, Requests.TYPES, false);
        List<RequestRow> rows = ConsoleProblem.readable(() -> requests.queue(s, t, overdue), "requests_not_for_role");
        return pages.page(Templates.queue(rows, s, t, overdue, Requests.STATUSES, Requests.TYPES));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance request(@PathParam("id") String id, @RestQuery String done) {
        String requestId = Forms.requestId(id);
        Request request = ConsoleProblem.readable(() -> rights.get(requestId), "requests_not_for_role");
        RequestRow row = RequestRow.of(request, time.now());
        boolean extendable = request.closedAt() == null && request.extension() == null && !row.overdue()
                && !"POST_MORTEM_INSTRUCTIONS".equals(request.type());
        List<OutcomeRow> outcomes = outcomes(request);
        List<Purpose> objectable = "OBJECTION".equals(request.type()) && request.closedAt() == null && viewer.isDpo()
                ? objectable(request) : List.of();
        return pages.page(Templates.request(row, Items.pretty(request.details()), outcomes,
                outcomes.stream().filter(o -> !o.isAnswered()).toList(), extendable, grounds(request.type()), CHANNELS,
                OUTCOMES, objectable, done != null && DONE.contains(done) ? "done_" + done : null));
    }

    /**
     * The purposes an objection can be upheld for: those the subject named (whatever their basis: a direct-marketing
     * one already stopped is upheld too), else every legitimate-interest purpose. Upholding fewer than objected to
     * needs the grounds for the others (Art. 21(1)).
     */
    private List<Purpose> objectable(Request request) {
        return objectable(request, purposes.all());
    }

    private static boolean namesPurposes(Request request) {
        return request.details() != null && !request.details().path("purposeIds").isEmpty();
    }

    static List<Purpose> objectable(Request request, List<Purpose> catalogue) {
        Set<String> named = new java.util.LinkedHashSet<>();
        if (request.details() != null) {
            request.details().path("purposeIds").forEach(p -> named.add(p.asText()));
        }
        return catalogue.stream()
                .filter(p -> named.isEmpty() ? p.isLegitimateInterest() : named.contains(p.id())).toList();
    }

    /** The grounds that fit the request: Art. 17(3) for an erasure, compelling legitimate grounds for an objection. */
    static List<String> grounds(String type) {
        return GROUNDS.stream().filter(g -> switch (g) {
            case "ARTICLE_17_3_EXCEPTION" -> "ERASURE".equals(type);
            case "COMPELLING_LEGITIMATE_GROUNDS" -> "OBJECTION".equals(type);
            default -> true;
        }).toList();
    }

    /**
     * Each recipient's answer, and the active recipients this kind of request must still hear from (the DPO's list:
     * the auditor does not read it, and sees the answers given).
     */
    private List<OutcomeRow> outcomes(Request request) {
        Map<String, OutcomeRow> rows = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Recipient> all = List.of();
        try {
            all = rights.recipients(0, 500);
        } catch (WebApplicationException notForThisRole) {
            // the auditor: only the answers
        }
        all.forEach(r -> names.put(r.id(), r.name()));
        if (request.outcomes() != null) {
            for (Request.Outcome o : request.outcomes()) {
                rows.put(o.recipientId(), OutcomeRow.of(o.recipientId(), names.getOrDefault(o.recipientId(), o.recipientId()), o));
            }
        }
        if (request.closedAt() == null) {
            for (Recipient r : all) {
                if (r.active() && r.applies(request.type()) && !rows.containsKey(r.id())) {
                    rows.put(r.id(), OutcomeRow.of(r.id(), r.name(), null));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    @POST
    @Path("/{id}/verify-identity")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") String id) {
        String requestId = Forms.requestId(id);
        rights.verifyIdentity(requestId);
        return done(requestId, "verified");
    }

    @POST
    @Path("/{id}/extend")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") String id, @RestForm String reason) {
        String requestId = Forms.requestId(id);
        rights.extend(requestId, Map.of("reason", Forms.text(reason, Forms.LONG, true)));
        return done(requestId, "extended");
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") String id, @RestForm String ground, @RestForm String detail) {
        String requestId = Forms.requestId(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ground", Forms.oneOf(ground, GROUNDS, true));
        String d = Forms.text(detail, Forms.LONG, false);
        if (d != null) {
            body.put("detail", d);
        }
        rights.reject(requestId, body);
        return done(requestId, "rejected");
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") String id, @RestForm String note) {
        String requestId = Forms.requestId(id);
        String n = Forms.text(note, Forms.LONG, false);
        if (n == null && "RECTIFICATION".equals(rights.get(requestId).type())) {
            // Art. 16: the note says what the controller corrected; the service refuses it without one too
            throw ConsoleProblem.badRequest("complete_note_rectification");
        }
        rights.complete(requestId, n == null ? Map.of() : Map.of("note", n));
        return done(requestId, "completed");
    }

    /**
     * A recipient (or a system holding the data) answered out of band, by letter, e-mail or telephone: the DPO records
     * its outcome, with a note saying how and when; the service names the DPO in the history.
     */
    @POST
    @Path("/{id}/answered")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answered(@PathParam("id") String id, @RestForm String recipientId, @RestForm String status,
            @RestForm String channel, @RestForm String answeredOn, @RestForm String note) {
        String requestId = Forms.requestId(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipientId", Forms.matching(recipientId, Forms.SLUG, true));
        body.put("status", Forms.oneOf(status, OUTCOMES, true));
        String how = Forms.oneOf(channel, CHANNELS, true);
        LocalDate on = day(answeredOn, true);
        String n = Forms.text(note, Forms.LONG - 100, false);
        if (n == null && !"DONE".equals(body.get("status"))) {
            // Art. 16, 17, 19: a recipient that did not do all it was asked gives its reason; "how and when" is not one
            throw ConsoleProblem.badRequest("answered_reason_required");
        }
        body.put("note", "Answered out of band (" + how + ", " + on + ")" + (n == null ? "" : ": " + n));
        rights.reportOutcome(requestId, body);
        return done(requestId, "answered");
    }

    /** An objection upheld after review (Art. 21(1)): the purposes it names stop for the subject. */
    @POST
    @Path("/{id}/uphold-objection")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response uphold(@PathParam("id") String id, @RestForm List<String> purposeIds, @RestForm String note,
            @RestForm String grounds) {
        String requestId = Forms.requestId(id);
        Map<String, Object> body = new LinkedHashMap<>();
        if (purposeIds != null && !purposeIds.isEmpty()) {
            if (purposeIds.size() > 50) {
                throw ConsoleProblem.badRequest("form_invalid");
            }
            body.put("purposeIds", purposeIds.stream().map(p -> Forms.matching(p, Forms.SLUG, true)).distinct().toList());
        } else if (namesPurposes(rights.get(requestId))) {
            // no box ticked would uphold every purpose named (the service's default): stopping none is a rejection
            throw ConsoleProblem.badRequest("uphold_none_ticked");
        }
        String n = Forms.text(note, Forms.LONG, false);
        if (n != null) {
            body.put("note", n);
        }
        // required by the service when only some of the purposes objected to are upheld: its 400 says so
        String g = Forms.text(grounds, Forms.LONG, false);
        if (g != null) {
            body.put("grounds", g);
        }
        rights.upholdObjection(requestId, body);
        return done(requestId, "upheld");
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("dpo")
    public TemplateInstance fileForm() {
        return pages.page(Templates.file(Requests.TYPES, CHANNELS, time.now().toLocalDate().toString()));
    }

    /** A request received by post or e-mail, filed with its receipt date: the month runs from then (Art. 12(3)). */
    @POST
    @Path("/new")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@RestForm String subjectId, @RestForm String type, @RestForm String channel,
            @RestForm String receivedOn, @RestForm String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectId", Forms.matching(subjectId, Forms.SUBJECT_ID, true));
        body.put("type", Forms.oneOf(type, Requests.TYPES, true));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("channel", Forms.oneOf(channel, CHANNELS, true));
        String text = Forms.text(details, Forms.LONG, false);
        if (text != null) {
            d.put("text", text);
        }
        body.put("details", d);
        LocalDate received = day(receivedOn, false);
        if (received != null) {
            if (received.isAfter(time.now().toLocalDate())) {
                throw ConsoleProblem.badRequest("received_in_future");
            }
            body.put("receivedAt", received.atStartOfDay().atOffset(ZoneOffset.UTC).toString());
        }
        Request filed = rights.file(body);
        return done(filed.id(), "filed");
    }

    private static LocalDate day(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ConsoleProblem.badRequest("form_missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ConsoleProblem.badRequest("form_invalid");
        }
    }

    private static Response done(String requestId, String what) {
        return Pages.seeOther("/console/requests/" + requestId + "?done=" + what);
    }
}
