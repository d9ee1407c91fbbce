package org.privacyplatform.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every failure as a page in the person's language, with its HTTP status: the portal's own refusals, a platform
 * service's RFC 9457 problem (its detail is shown: the services never put personal data in one), a service that did
 * not answer (502). Nothing is logged but the status and the kind of failure.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String messageKey, String detail);
    }

    private final Lang lang;
    private final ObjectMapper json;

    public ErrorPages(Lang lang, ObjectMapper json) {
        this.lang = lang;
        this.json = json;
    }

    @ServerExceptionMapper
    public Response portal(PortalProblem problem) {
        return page(problem.status(), problem.messageKey(), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused) {
        return page(403, "error_forbidden", null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException refused) {
        return page(401, "error_login_again", null);
    }

    /** A platform service answered with an error (the REST clients throw it). */
    @ServerExceptionMapper
    public Response service(WebApplicationException failure) {
        Response answer = failure.getResponse();
        int status = answer == null ? 502 : answer.getStatus();
        if (failure.getClass().getName().startsWith("jakarta.ws.rs") && !isClientFailure(failure)) {
            // the portal's own 404, 405, 415...: the status as it is
            return page(status, status == 404 ? "error_not_found" : "error_bad_request", null);
        }
        String detail = problemDetail(answer);
        LOG.debugf("a platform service answered %d", status);
        return switch (status) {
            case 401 -> page(401, "error_login_again", null);
            case 403 -> page(403, "error_forbidden", detail);
            case 404 -> page(404, "error_not_found", detail);
            case 409, 400, 402, 422, 429 -> page(status, "error_refused", detail);
            default -> page(502, "error_service", null);
        };
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException failure) {
        LOG.warnf("a platform service could not be reached: %s", failure.getClass().getSimpleName());
        return page(502, "error_service", null);
    }

    private static boolean isClientFailure(WebApplicationException failure) {
        return failure.getClass().getName().contains("Client");
    }

    private String problemDetail(Response answer) {
        if (answer == null || !answer.hasEntity()) {
            return null;
        }
        try {
            String body = answer.readEntity(String.class);
            JsonNode problem = json.readTree(body);
            String detail = problem.path("detail").asText(null);
            return detail == null ? problem.path("title").asText(null) : detail;
        } catch (RuntimeException | java.io.IOException unreadable) {
            return null;
        }
    }

    private Response page(int status, String messageKey, String detail) {
        String html = Templates.error(status, messageKey, detail).setLocale(lang.getLocale()).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
