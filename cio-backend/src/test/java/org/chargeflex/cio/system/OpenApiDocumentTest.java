package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentTest extends IntegrationTest {

    @Test
    void openApiDocumentDescribesTheStationAndAdminApis() throws Exception {
        Api.Response r = api.get("/v3/api-docs", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.propertyNames()).contains(
                "/api/v1/stations/{stationId}/charging-requests",
                "/api/v1/stations/{stationId}/sessions/{sessionId}/schedule",
                "/api/v1/stations/{stationId}/meter-values",
                "/api/v1/stations/{stationId}/session-records",
                "/api/v1/admin/stations",
                "/api/v1/admin/management-services",
                "/api/v1/admin/forwarding-log");
        assertThat(r.json().get("components").get("schemas").propertyNames())
                .contains("ChargingRequest", "ChargingSchedule", "MeterValueBatch", "SessionRecord");
        // keep a copy with the build output for readers of the API
        Path out = Path.of("target", "openapi", "cio-api.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, r.body(), StandardCharsets.UTF_8);
    }
}
