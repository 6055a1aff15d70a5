package org.chargeflex.cio.stationapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.chargeflex.cio.system.StationEndpoint;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;

/**
 * The station API in the OpenAPI document: springdoc describes Spring MVC's controllers only, so the endpoints of the
 * station API's servlet are added here, from the same {@link StationEndpoint} beans that the servlet serves.
 */
final class StationApiDocumentation implements OpenApiCustomizer {
    private static final String TAG = "station API";
    private final StationRoutes routes;

    StationApiDocumentation(StationRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            openApi.setPaths(new Paths());
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        schema(ProblemDetail.class, openApi.getComponents());
        for (StationEndpoint e : routes.endpoints()) {
            PathItem item = openApi.getPaths().computeIfAbsent(e.template(), t -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(e.method()), operation(e, openApi.getComponents()));
        }
    }

    private static Operation operation(StationEndpoint e, Components components) {
        Operation op = new Operation().summary(e.summary()).addTagsItem(TAG)
                .operationId(operationId(e));
        for (String segment : e.template().split("/")) {
            if (segment.startsWith("{")) {
                op.addParametersItem(new Parameter().in("path").required(true).schema(new StringSchema())
                        .name(segment.substring(1, segment.length() - 1)));
            }
        }
        if (e.body() != null) {
            op.requestBody(new RequestBody().required(true).content(json(schema(e.body(), components))));
        }
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("OK")
                        .content(json(schema(e.answer(), components))));
        if (e.method().equals("GET")) {
            responses.addApiResponse("304", new ApiResponse().description("not modified (If-None-Match)"));
        }
        responses.addApiResponse("400", problem("invalid body or request"))
                .addApiResponse("401", problem("no valid station credential"))
                .addApiResponse("403", problem("another station's resource"))
                .addApiResponse("404", problem("no such resource"))
                .addApiResponse("409", problem("conflicts with the stored state"));
        return op.responses(responses);
    }

    /** E.g. {@code postChargingRequests}, {@code getSessionsSessionIdSchedule}. */
    static String operationId(StationEndpoint e) {
        StringBuilder id = new StringBuilder(e.method().toLowerCase());
        for (String word : e.path().split("[^a-zA-Z]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> schema(Class<?> type, Components components) {
        Map<String, Schema> all = ModelConverters.getInstance().readAll(type);
        all.forEach((name, s) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchemas(name, s);
            }
        });
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(StationApiServlet.JSON, new MediaType().schema(schema));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(StationApiServlet.PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(
                        "#/components/schemas/ProblemDetail"))));
    }
}
