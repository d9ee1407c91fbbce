package org.privacyplatform.rights.rest;

import java.net.URI;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.rights.service.FeeNotAgreed;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A paid copy not agreed to leaves as 402 problem+json with its fee (FeeProblem); every other problem as usual. */
public class FeeProblemMapper {

    @ServerExceptionMapper
    public Response feeNotAgreed(FeeNotAgreed e, UriInfo uri) {
        FeeProblem problem = new FeeProblem(URI.create("about:blank"), "Payment Required", 402, e.getMessage(),
                uri == null ? null : URI.create(uri.getPath()), new FeeProblem.FeeAsked(e.copy(), e.amount(), e.currency()));
        return Response.status(402).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
