package org.privacyplatform.portal.centre;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.api.Paging;
import org.privacyplatform.portal.api.Purpose;
import org.privacyplatform.portal.api.Purposes;
import org.privacyplatform.portal.api.Request;
import org.privacyplatform.portal.api.RightsApi;
import org.privacyplatform.portal.web.Lang;
import org.privacyplatform.portal.web.Pages;
import org.privacyplatform.portal.web.PortalProblem;
import org.privacyplatform.portal.web.Viewer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The subject's rights requests in their privacy centre: the list with each request's clock, a form per right,
 * one request with its steps and outcomes, and the download of an access or portability export (a paid copy only
 * once the person agreed to its fee, Art. 15(3)). Everything goes through rights-request-service with the person's
 * own token, which decides what they may see: another subject's request is the service's refusal, never its data.
 */
@Path("/centre")
public class RequestsResource {

    /** A request id is a UUID; anything else is not looked up. */
    static final Pattern REQUEST_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The service lists a subject's requests oldest first, pages of at most 500: read them all, within a bound. */
    static final Paging PAGING = new Paging(500, 10);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(List<RequestCard> cards, List<String> types);

        static native TemplateInstance form(String type, RequestForm form, List<Purpose> objectable, String problem);

        static native TemplateInstance request(RequestCard card, String done);

        static native TemplateInstance fee(String id, String typeKey, int copy, String amount);
    }

    private final Pages pages;
    private final Lang lang;
    private final Viewer viewer;
    private final Purposes purposes;
    private final ObjectMapper json;
    private final RightsApi rights;

    public RequestsResource(Pages pages, Lang lang, Viewer viewer, Purposes purposes, ObjectMapper json,
            @RestClient RightsApi rights) {
        this.pages = pages;
        this.lang = lang;
        this.viewer = viewer;
        this.purposes = purposes;
        this.json = json;
        this.rights = rights;
    }

    @GET
    @Path("/requests")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance requests() {
        String subject = viewer.getSubjectId();
        List<Request> all = PAGING.all((page, size) -> rights.ofSubject(subject, page, size));
        ReqMsg words = words();
        List<RequestCard> cards = all.stream().sorted(RequestCard.NEWEST_FIRST)
                .map(r -> new RequestCard(r, words, lang.getLocale(), Map.of())).toList();
        return pages.page(Templates.requests(cards, RequestForm.TYPES));
    }

    @GET
    @Path("/requests/new")
    @Produces(MediaType.TEXT_HTML)
    public Response newRequest(@RestQuery String type, @RestQuery String purposeId) {
        if (type == null || type.isEmpty()) {
            return Pages.seeOther("/centre/requests#new");
        }
        if ("POST_MORTEM_INSTRUCTIONS".equals(type)) {
            return Pages.seeOther("/centre/post-mortem");
        }
        if (!RequestForm.TYPES.contains(type)) {
            throw PortalProblem.notFound("error_not_found");
        }
        RequestForm form = RequestForm.of(type);
        if ("OBJECTION".equals(type) && purposeId != null && purposeId.matches("^[a-z0-9][a-z0-9-]{0,63}$")) {
            // from the consents page: an objection to that one use, for the DPO to review
            form.objectTo = "SELECTED";
            form.purposeIds = List.of(purposeId);
        }
        return html(200, form(form, null));
    }

    /** Files the request for the viewer (never a subject id from the form); the form again on a refusal. */
    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response file(@BeanParam RequestForm form) {
        if (form.type == null || !RequestForm.TYPES.contains(form.type)) {
            throw PortalProblem.badRequest("error_bad_request");
        }
        List<Purpose> objectable = "OBJECTION".equals(form.type) ? objectable() : List.of();
        Map<String, Object> details = form.details(objectable.stream().map(Purpose::id).collect(Collectors.toSet()),
                objectable.stream().filter(Purpose::directMarketing).map(Purpose::id).collect(Collectors.toSet()));
        if (!form.isValid()) {
            return html(400, form(form, null));
        }
        Request filed;
        try {
            filed = rights.file(Map.of("subjectId", viewer.getSubjectId(), "type", form.type, "details", details));
        } catch (WebApplicationException refused) {
            ServiceAnswer answer = ServiceAnswer.of(refused, json);
            if (!answer.isRefusal()) {
                throw refused;
            }
            return html(answer.status(), form(form, answer.detail() == null ? "" : answer.detail()));
        }
        return Pages.seeOther("/centre/requests/" + filed.id() + "?done=filed");
    }

    @GET
    @Path("/requests/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance request(@PathParam("id") String id, @RestQuery String done) {
        Request request = rights.get(requireId(id));
        Map<String, String> names = "OBJECTION".equals(request.type())
                ? purposes.all().stream().collect(Collectors.toMap(Purpose::id, Purpose::name, (a, b) -> a))
                : Map.of();
        RequestCard card = new RequestCard(request, words(), lang.getLocale(), names);
        String filed = "filed".equals(done) ? words().done_filed(card.day(request.dueAt())) : null;
        return pages.page(Templates.request(card, filed));
    }

    /**
     * The export as a JSON attachment; a paid copy the person has not agreed to is the page that states its fee
     * (402), whose form agrees to it (POST, below).
     */
    @GET
    @Path("/requests/{id}/export")
    public Response export(@PathParam("id") String id) {
        requireId(id);
        try {
            return download(id, rights.export(id, null));
        } catch (WebApplicationException refused) {
            if (ServiceAnswer.status(refused) != 402) {
                throw refused;
            }
            return feePage(id, ServiceAnswer.of(refused, json));
        }
    }

    /** The person agreed to the fee the page stated: the paid copy. A form, so CSRF-protected. */
    @POST
    @Path("/requests/{id}/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response exportPaid(@PathParam("id") String id, @RestForm String acceptFee) {
        requireId(id);
        if (!"true".equals(acceptFee)) {
            throw PortalProblem.badRequest("error_bad_request");
        }
        return download(id, rights.export(id, true));
    }

    private Response download(String id, Response answer) {
        try (answer) {
            if (answer.getStatus() == 402) {
                return feePage(id, ServiceAnswer.of(answer, json));
            }
            byte[] bundle = answer.readEntity(byte[].class);
            return Response.ok(bundle, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"export-" + id + ".json\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
    }

    private Response feePage(String id, ServiceAnswer answer) {
        ServiceAnswer.Fee fee = answer.fee();
        if (fee == null) {
            throw PortalProblem.badRequest("error_bad_request");
        }
        Request request = rights.get(id);
        return html(402, Templates.fee(id, "type_" + request.type(), fee.copy(), fee.shown(lang.getLocale())));
    }

    private TemplateInstance form(RequestForm form, String problem) {
        return Templates.form(form.type, form, "OBJECTION".equals(form.type) ? objectable() : List.of(), problem);
    }

    /** What one may object to: the uses resting on a legitimate interest, and direct marketing. */
    private List<Purpose> objectable() {
        return purposes.all().stream().filter(p -> p.isLegitimateInterest() || p.directMarketing()).toList();
    }

    private Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(pages.page(page).render()).build();
    }

    private ReqMsg words() {
        return "en".equals(lang.getCode()) ? MessageBundles.get(ReqMsg.class)
                : MessageBundles.get(ReqMsg.class, Localized.Literal.of(lang.getCode()));
    }

    static String requireId(String id) {
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            throw PortalProblem.notFound("error_not_found");
        }
        return id;
    }
}
