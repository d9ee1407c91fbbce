package org.privacyplatform.commons.problem;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Failures that happen before a request reaches a resource (a path that cannot be decoded, a body over the
 * limit) are answered as problem+json too, instead of Quarkus' default error page or Vert.x's empty 413.
 */
@ApplicationScoped
public class RouteFailures {

    private static final Logger LOG = Logger.getLogger(RouteFailures.class);

    /** Just before Quarkus' own body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), which answers an empty 413. */
    private static final int BODY_LIMIT_ORDER = -3;

    private final long maxBodySize;

    public RouteFailures(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        router.route().order(BODY_LIMIT_ORDER).handler(this::refuseDeclaredOversizeBody);
    }

    /** A body whose declared length is over the limit is refused before a byte of it is read. */
    private void refuseDeclaredOversizeBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared > maxBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(tooLarge().withInstance(java.net.URI.create(context.request().path()))));
            return;
        }
        context.next();
    }

    /** The answer to a body over the limit, whether its length was declared or it came in chunks. */
    Problem tooLarge() {
        return Problem.of(413, "Content Too Large", "the request body is over the limit of " + maxBodySize
                + " bytes (quarkus.http.limits.max-body-size)");
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
        } else if (status == 413) {
            problem = tooLarge();
        } else {
            problem = Problem.of(status, io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase(), null);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }
}
