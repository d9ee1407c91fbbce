package org.privacyplatform.portal.console;

import java.util.ArrayList;
import java.util.List;

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
import org.privacyplatform.portal.api.Recipient;
import org.privacyplatform.portal.api.RightsApi;
import org.privacyplatform.portal.web.Pages;

/**
 * The recipients and systems that must hear of a rectification, erasure or restriction (Art. 19): list, add, change,
 * deactivate. The service takes the whole list at once; the console sends it back with the one change made.
 */
@Path("/console/recipients")
@RolesAllowed("dpo")
public class RecipientsResource {

    static final List<String> KINDS = List.of("PLATFORM_SERVICE", "INTERNAL_DEPARTMENT", "PROCESSOR", "THIRD_PARTY");
    static final List<String> APPLIES = List.of("ERASURE", "RECTIFICATION", "RESTRICTION");
    static final List<String> CHANNELS = List.of("REST", "KAFKA", "MANUAL");
    /** What the add form starts from: a processor that answers over REST, for erasures. */
    static final Recipient BLANK = new Recipient("", "", "PROCESSOR", List.of("ERASURE"), "REST", true, null);
    static final java.util.Set<String> DONE = java.util.Set.of("added", "changed", "deactivated");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance recipients(List<Recipient> recipients, Recipient blank, List<String> kinds,
                List<String> applies, List<String> channels, String done);

        static native TemplateInstance recipient(Recipient recipient, List<String> kinds, List<String> applies,
                List<String> channels);
    }

    private final Pages pages;
    private final RightsApi rights;

    public RecipientsResource(Pages pages, @RestClient RightsApi rights) {
        this.pages = pages;
        this.rights = rights;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String done) {
        return pages.page(Templates.recipients(rights.recipients(0, 500), BLANK, KINDS, APPLIES, CHANNELS,
                done != null && DONE.contains(done) ? "recipient_" + done : null));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@PathParam("id") String id) {
        return pages.page(Templates.recipient(find(rights.recipients(0, 500), Forms.matching(id, Forms.SLUG, true)),
                KINDS, APPLIES, CHANNELS));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String id, @RestForm String name, @RestForm String kind,
            @RestForm List<String> appliesTo, @RestForm String channel, @RestForm String reportedBy) {
        List<Recipient> all = rights.recipients(0, 500);
        Recipient added = recipient(Forms.matching(id, Forms.SLUG, true), name, kind, appliesTo, channel, reportedBy, true);
        if (all.stream().anyMatch(r -> r.id().equals(added.id()))) {
            throw ConsoleProblem.badRequest("recipient_exists");
        }
        List<Recipient> changed = new ArrayList<>(all);
        changed.add(added);
        rights.replaceRecipients(changed.stream().map(Recipient::body).toList());
        return Pages.seeOther("/console/recipients?done=added");
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") String id, @RestForm String name, @RestForm String kind,
            @RestForm List<String> appliesTo, @RestForm String channel, @RestForm String reportedBy,
            @RestForm boolean active) {
        List<Recipient> all = rights.recipients(0, 500);
        Recipient old = find(all, Forms.matching(id, Forms.SLUG, true));
        Recipient now = recipient(old.id(), name, kind, appliesTo, channel, reportedBy, active);
        rights.replaceRecipients(all.stream().map(r -> r.id().equals(old.id()) ? now : r).map(Recipient::body).toList());
        return Pages.seeOther("/console/recipients?done=changed");
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") String id) {
        List<Recipient> all = rights.recipients(0, 500);
        Recipient old = find(all, Forms.matching(id, Forms.SLUG, true));
        Recipient off = new Recipient(old.id(), old.name(), old.kind(), old.appliesTo(), old.channel(), false,
                old.reportedBy());
        rights.replaceRecipients(all.stream().map(r -> r.id().equals(old.id()) ? off : r).map(Recipient::body).toList());
        return Pages.seeOther("/console/recipients?done=deactivated");
    }

    private static Recipient find(List<Recipient> all, String id) {
        return all.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new ConsoleProblem(404, "no_such_recipient"));
    }

    private static Recipient recipient(String id, String name, String kind, List<String> appliesTo, String channel,
            String reportedBy, boolean active) {
        List<String> applies = appliesTo == null ? List.of()
                : appliesTo.stream().distinct().map(a -> Forms.oneOf(a, APPLIES, true)).toList();
        if (applies.isEmpty()) {
            throw ConsoleProblem.badRequest("form_missing");
        }
        String ch = Forms.oneOf(channel, CHANNELS, true);
        String by = Forms.matching(reportedBy, java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}"), false);
        if ("REST".equals(ch) && by == null) {
            throw ConsoleProblem.badRequest("recipient_reported_by");
        }
        return new Recipient(id, Forms.text(name, Forms.SHORT, true), Forms.oneOf(kind, KINDS, true), applies, ch, active,
                "REST".equals(ch) ? by : null);
    }

}
