package org.chargeflex.cio.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (springdoc; authenticated like every endpoint). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI cioOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ChargeFlex CIO API").version("v1")
                        .description("Station API (/api/v1/stations/{stationId}/...: charging requests, schedules with "
                                + "ETag, meter values, session records; station credentials only) and operator admin API "
                                + "(/api/v1/admin/...). Errors are RFC 9457 problem bodies.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
