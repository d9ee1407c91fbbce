package org.privacyplatform.portal.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.privacyplatform.portal.web.Lang;

/** The console's own refusals (a form out of bounds) as a page in the person's language; the rest is ErrorPages'. */
public class ConsoleErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(int status, String messageKey);
    }

    private final Lang lang;

    public ConsoleErrors(Lang lang) {
        this.lang = lang;
    }

    @ServerExceptionMapper
    public Response problem(ConsoleProblem problem) {
        String html = Templates.problem(problem.status, problem.messageKey).setLocale(lang.getLocale()).render();
        return Response.status(problem.status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
