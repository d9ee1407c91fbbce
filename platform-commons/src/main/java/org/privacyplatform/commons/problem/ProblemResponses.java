package org.privacyplatform.commons.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares in every service's OpenAPI document what every operation answers when it fails: an RFC 9457
 * {@code application/problem+json} body (schema {@code Problem}). Each operation gets 400 if it takes input, 401 and
 * 403 if it needs a token, 404 if its path names a resource, and {@code default} for any other failure (409, 413,
 * 502, 503, ...); an error response an operation already declares gets the problem body too, unless it declares a
 * problem+json schema of its own (a problem with extension members, e.g. the fee of a paid copy). A client generated from
 * the document thus parses every error the platform returns.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /**
     * An operation that needs no token in a class that does ({@code @PermitAll} beside a class-level
     * {@code @RolesAllowed}) says so with {@code @Extension(name = PUBLIC, value = "true")}: SmallRye would otherwise
     * give it the class's security requirement.
     */
    public static final String PUBLIC = "x-public";

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        components.addSchema(SCHEMA, problemSchema());
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            boolean pathParameters = path.getKey().contains("{");
            boolean itemParameters = item.getParameters() != null && !item.getParameters().isEmpty();
            for (Operation operation : item.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                boolean input = itemParameters || operation.getRequestBody() != null
                        || operation.getParameters() != null && !operation.getParameters().isEmpty();
                if (operation.getExtensions() != null && operation.getExtensions().containsKey(PUBLIC)) {
                    operation.removeExtension(PUBLIC);
                    operation.setSecurity(List.of());
                }
                boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
                if (input) {
                    declare(responses, "400", "Bad Request: a parameter or the body is invalid; errors names each field");
                }
                if (secured) {
                    declare(responses, "401", "Not Authorized: no valid bearer token");
                    declare(responses, "403", "Forbidden: the token's role or calling system may not do this");
                } else if (operation.getSecurity() != null) {
                    // declared public (@PermitAll in a secured class): no token is asked for, none refused
                    responses.removeAPIResponse("401");
                    responses.removeAPIResponse("403");
                }
                if (pathParameters) {
                    declare(responses, "404", "Not Found: no such resource");
                }
                if (responses.getDefaultValue() == null) {
                    responses.setDefaultValue(OASFactory.createAPIResponse().description("Any other failure (a conflict, "
                            + "a body too large, a service that did not answer, ...), with its status"));
                }
                problemBody(responses.getDefaultValue());
                if (responses.getAPIResponses() != null) {
                    responses.getAPIResponses().forEach((code, response) -> {
                        if (isError(code)) {
                            problemBody(response);
                        }
                    });
                }
            }
        }
    }

    private static void problemBody(APIResponse response) {
        // an operation that declares its own problem+json schema (a problem with extension members) keeps it
        if (response.getRef() == null && !declaresProblemSchema(response)) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
        }
    }

    private static boolean declaresProblemSchema(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaType(Problem.MEDIA_TYPE) != null
                && response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema() != null;
    }

    private static boolean isError(String code) {
        return APIResponses.DEFAULT.equals(code) || code.startsWith("4") || code.startsWith("5");
    }

    private static void declare(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the parameter or body field, e.g. subjectId or body.purposeId"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, served as " + Problem.MEDIA_TYPE)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("about:blank unless a more specific type applies"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("what went wrong, for a person; never personal data"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("one entry per invalid field; absent when none"))
                .required(List.of("title", "status"));
    }
}
