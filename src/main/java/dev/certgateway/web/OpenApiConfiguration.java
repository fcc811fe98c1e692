package dev.certgateway.web;

import dev.certgateway.error.ErrorCode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs} and committed as {@code docs/openapi.yaml}: the bearer
 * scheme, and for every operation each problem+json answer it can give, with the codes behind each status.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    /** Codes every API operation can answer with. */
    private static final List<ErrorCode> EVERY_OPERATION = List.of(ErrorCode.Unauthenticated,
            ErrorCode.AccessDeniedException, ErrorCode.InternalFailure, ErrorCode.ServiceUnavailable);

    /** The further codes each operation can answer with, by operation id. */
    private static final Map<String, List<ErrorCode>> BY_OPERATION = Map.of(
            "issueCertificate", List.of(ErrorCode.MalformedCSRException, ErrorCode.InvalidArgsException,
                    ErrorCode.InvalidArnException, ErrorCode.PolicyViolation, ErrorCode.ResourceNotFoundException,
                    ErrorCode.InvalidStateException, ErrorCode.IdempotencyTokenInProgress, ErrorCode.RequestTooLarge,
                    ErrorCode.UnsupportedMediaType, ErrorCode.IdempotencyTokenReused, ErrorCode.ThrottlingException,
                    ErrorCode.RequestFailedException),
            "previewCertificate", List.of(ErrorCode.MalformedCSRException, ErrorCode.InvalidArgsException,
                    ErrorCode.InvalidArnException, ErrorCode.ResourceNotFoundException,
                    ErrorCode.InvalidStateException, ErrorCode.RequestTooLarge, ErrorCode.UnsupportedMediaType),
            "getCertificate", List.of(ErrorCode.ResourceNotFoundException),
            "listCertificates", List.of(ErrorCode.InvalidArgsException),
            "listAuditEvents", List.of(ErrorCode.InvalidArgsException));

    @Bean
    OpenAPI certGatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("cert-gateway")
                        .version("v1")
                        .description("Issues X.509 certificates with AWS ACM Private CA's IssueCertificate semantics, "
                                + "checked against each team's policy, idempotent per team and token, recorded "
                                + "before they are returned. Every error is RFC 9457 application/problem+json with "
                                + "a stable `code`."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT naming the caller's team (claim `team` by default) with scopes "
                                + "certificates:issue, certificates:read or audit:read as the operation needs.")))
                // A fixed server keeps the committed description independent of the port it was served on.
                .servers(List.of(new Server().url("http://localhost:8080").description("development run")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemDocumentation() {
        return openApi -> {
            // Problems are written by the exception handler, not returned by a controller: add their schemas.
            ModelConverters.getInstance().read(Problem.class).forEach(openApi.getComponents()::addSchemas);
            ModelConverters.getInstance().read(Problem.ProblemViolation.class)
                    .forEach(openApi.getComponents()::addSchemas);
            Schema<?> problem = openApi.getComponents().getSchemas().get("Problem");
            if (problem != null && problem.getProperties() != null) {
                @SuppressWarnings("unchecked")
                Schema<String> code = (Schema<String>) problem.getProperties().get("code");
                code.setEnum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
            }
            for (PathItem path : openApi.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    List<ErrorCode> codes = new ArrayList<>(BY_OPERATION.getOrDefault(operation.getOperationId(),
                            List.of()));
                    codes.addAll(EVERY_OPERATION);
                    addProblems(operation, codes);
                }
            }
        };
    }

    private static void addProblems(Operation operation, List<ErrorCode> codes) {
        Map<Integer, List<ErrorCode>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toList()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        byStatus.forEach((status, statusCodes) -> responses.addApiResponse(Integer.toString(status),
                new ApiResponse()
                        .description(statusCodes.stream().map(c -> "`" + c.name() + "`: " + c.title())
                                .collect(Collectors.joining("; ")))
                        .content(new Content().addMediaType(ProblemResponses.PROBLEM_JSON.toString(),
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        operation.setResponses(responses);
    }
}
