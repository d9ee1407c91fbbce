package org.privacyplatform.portal.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.api.Paging;
import org.privacyplatform.portal.console.api.LegalHold;
import org.privacyplatform.portal.console.api.Policy;
import org.privacyplatform.portal.console.api.RetentionApi;
import org.privacyplatform.portal.console.api.ScheduleItem;
import org.privacyplatform.portal.web.Pages;

/** Retention: the rules with their versions, a subject's schedule, and the legal holds placed and lifted. */
@Path("/console/retention")
@RolesAllowed({ "dpo", "auditor" })
public class RetentionResource {

    static final java.util.Set<String> DONE = java.util.Set.of("placed", "lifted");
    /** Legal holds, in force and lifted: pages of 500, at most 10. */
    static final Paging HOLDS = new Paging(500, 10);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policies(List<Policy> policies);

        static native TemplateInstance versions(String policyId, List<Policy> versions);

        static native TemplateInstance schedule(String subjectId, List<ScheduleItem> items);

        static native TemplateInstance holds(List<LegalHold> standing, List<LegalHold> lifted, String done);
    }

    private final Pages pages;
    private final RetentionApi retention;

    public RetentionResource(Pages pages, @RestClient RetentionApi retention) {
        this.pages = pages;
        this.retention = retention;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance policies() {
        return pages.page(Templates.policies(retention.policies(0, 500)));
    }

    @GET
    @Path("/policies/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance versions(@PathParam("id") String id) {
        String policyId = Forms.matching(id, Forms.SLUG, true);
        List<Policy> versions = new ArrayList<>(retention.versions(policyId, 0, 500));
        java.util.Collections.reverse(versions);
        return pages.page(Templates.versions(policyId, versions));
    }

    @GET
    @Path("/schedule")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance schedule(@RestQuery String subjectId) {
        String subject = Forms.matching(subjectId, Forms.SUBJECT_ID, false);
        return pages.page(Templates.schedule(subject, subject == null ? null
                : ConsoleProblem.readable(() -> retention.schedule(subject, 0, 500), "schedule_not_for_role")));
    }

    @GET
    @Path("/holds")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance holds(@RestQuery String done) {
        List<LegalHold> all = ConsoleProblem.readable(() -> HOLDS.all((page, size) -> retention.holds(false, page, size)),
                "holds_not_for_role");
        List<LegalHold> standing = all.stream().filter(LegalHold::isStanding).toList();
        List<LegalHold> lifted = new ArrayList<>(all.stream().filter(h -> !h.isStanding()).toList());
        java.util.Collections.reverse(lifted);
        return pages.page(Templates.holds(standing, lifted.subList(0, Math.min(lifted.size(), 50)),
                done != null && DONE.contains(done) ? "hold_" + done : null));
    }

    @POST
    @Path("/holds")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@RestForm String subjectId, @RestForm String category, @RestForm String caseReference,
            @RestForm String reason, @RestForm String endsOn) {
        Map<String, Object> hold = new LinkedHashMap<>();
        String subject = Forms.matching(subjectId, Forms.SUBJECT_ID, false);
        String cat = Forms.matching(category, Forms.SLUG, false);
        if (subject == null && cat == null) {
            throw ConsoleProblem.badRequest("hold_needs_scope");
        }
        if (subject != null) {
            hold.put("subjectId", subject);
        }
        if (cat != null) {
            hold.put("category", cat);
        }
        hold.put("caseReference", Forms.text(caseReference, Forms.SHORT, true));
        hold.put("reason", Forms.text(reason, Forms.LONG, true));
        if (endsOn != null && !endsOn.isBlank()) {
            try {
                hold.put("endsOn", LocalDate.parse(endsOn.strip()).toString());
            } catch (DateTimeParseException e) {
                throw ConsoleProblem.badRequest("form_invalid");
            }
        }
        retention.place(hold);
        return Pages.seeOther("/console/retention/holds?done=placed");
    }

    @POST
    @Path("/holds/{id}/lift")
    @RolesAllowed("dpo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@PathParam("id") String id) {
        retention.lift(Forms.matching(id, Forms.HOLD_ID, true));
        return Pages.seeOther("/console/retention/holds?done=lifted");
    }
}
