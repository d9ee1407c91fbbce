package org.privacyplatform.portal.centre;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.api.PostMortem;
import org.privacyplatform.portal.api.RightsApi;
import org.privacyplatform.portal.web.Pages;
import org.privacyplatform.portal.web.Viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The subject's post-mortem instructions (art. 85 loi Informatique et Libertés): what happens to their data after
 * their death. Not a request on the Art. 12 clock: they register, replace or revoke them at any time, each a version
 * the page lists; always for the viewer's own subject id.
 */
@Path("/centre/post-mortem")
public class PostMortemResource {

    static final Set<String> DONE = Set.of("registered", "revoked");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance postMortem(PostMortem onFile, List<PostMortem.Version> versions,
                PostMortemForm form, String done, String problem);
    }

    private final Pages pages;
    private final Viewer viewer;
    private final ObjectMapper json;
    private final RightsApi rights;

    public PostMortemResource(Pages pages, Viewer viewer, ObjectMapper json, @RestClient RightsApi rights) {
        this.pages = pages;
        this.viewer = viewer;
        this.json = json;
        this.rights = rights;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String done) {
        PostMortem onFile = onFile();
        return pages.page(Templates.postMortem(onFile, newestFirst(onFile), PostMortemForm.of(onFile.current()),
                done != null && DONE.contains(done) ? "pm_done_" + done : null, null));
    }

    /** Registers new instructions, replacing those in force; the page again, with what was typed, on a refusal. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(@BeanParam PostMortemForm form) {
        String subject = viewer.getSubjectId();
        Map<String, Object> body = form.body(subject);
        if (!form.isValid()) {
            return again(400, form, null);
        }
        try {
            rights.registerPostMortemInstructions(subject, body);
        } catch (WebApplicationException refused) {
            return refusal(refused, form);
        }
        return Pages.seeOther("/centre/post-mortem?done=registered");
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revoke() {
        try {
            rights.revokePostMortemInstructions(viewer.getSubjectId());
        } catch (WebApplicationException refused) {
            return refusal(refused, null);
        }
        return Pages.seeOther("/centre/post-mortem?done=revoked");
    }

    private Response refusal(WebApplicationException refused, PostMortemForm form) {
        ServiceAnswer answer = ServiceAnswer.of(refused, json);
        if (!answer.isRefusal()) {
            throw refused;
        }
        return again(answer.status(), form, answer.detail() == null ? "" : answer.detail());
    }

    private Response again(int status, PostMortemForm form, String problem) {
        PostMortem onFile = onFile();
        TemplateInstance page = Templates.postMortem(onFile, newestFirst(onFile),
                form == null ? PostMortemForm.of(onFile.current()) : form, null, problem);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(pages.page(page).render()).build();
    }

    private PostMortem onFile() {
        JsonNode answer = rights.postMortemInstructions(viewer.getSubjectId());
        try {
            return json.treeToValue(answer, PostMortem.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new IllegalStateException("rights-request-service answered unreadable post-mortem instructions", unreadable);
        }
    }

    private static List<PostMortem.Version> newestFirst(PostMortem onFile) {
        return onFile.versions() == null ? List.of()
                : onFile.versions().stream().sorted((a, b) -> Integer.compare(b.version(), a.version())).toList();
    }
}
