package org.privacyplatform.commons.problem;

import java.util.UUID;

import org.jboss.logging.Logger;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Failures that happen before a request reaches a resource (a path that cannot be decoded, say) are
 * answered as problem+json too, instead of Quarkus' default error page.
 */
@ApplicationScoped
public class RouteFailures {

    private static final Logger LOG = Logger.getLogger(RouteFailures.class);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        // exceptions of resources are mapped by ProblemMappers; an IllegalArgumentException that reaches the
        // router comes from decoding the request itself
        int status = failure instanceof IllegalArgumentException ? 400
                : context.statusCode() > 0 ? context.statusCode() : 500;
        Problem problem;
        if (status == 400) {
            problem = Problem.of(400, "Bad Request", "the request cannot be read: its path or query is malformed");
        } else if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(failure, "unexpected error %s on %s", errorId, context.request().path());
            problem = Problem.of(status, "Internal Server Error",
                    "an unexpected error occurred; quote error id " + errorId + " to the operators");
        } else {
            problem = Problem.of(status, io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase(), null);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }
}
