package org.chargeflex.cio.dashboard;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.dashboard.DashboardSummary.GridPointView;
import org.chargeflex.cio.dashboard.DashboardSummary.PowerPoint;
import org.chargeflex.cio.dashboard.DashboardSummary.PowerSeries;
import org.chargeflex.cio.dashboard.DashboardSummary.StationView;
import org.chargeflex.cio.security.CioSecuritySlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DashboardController.class)
@CioSecuritySlice
class DashboardControllerWebMvcTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DashboardService dashboard;

    @MockitoBean
    Clock clock;

    @Test
    void withoutCredentialsPageAndDataAre401Problems() throws Exception {
        for (String path : List.of("/dashboard", "/dashboard/index.html", "/dashboard/app.js",
                "/api/v1/admin/dashboard/summary")) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Basic realm=\"ChargeFlex CIO\""))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(dashboard, never()).summary(any(), anyInt(), any());
    }

    @Test
    @WithMockUser(roles = "STATION")
    void aPrincipalWithoutAReadingRoleIsForbidden() throws Exception {
        mvc.perform(get("/dashboard/index.html")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/dashboard/summary")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:chargeflex:problem:forbidden"));
    }

    @Test
    @WithMockUser(roles = "READ_ONLY")
    void readerGetsTheSummaryForTheRequestedWindow() throws Exception {
        when(dashboard.summary(Duration.ofHours(24), 5, new SessionKey("ST-1", "s-9"))).thenReturn(new DashboardSummary(NOW, NOW.minusSeconds(86_400),
                NOW, 480,
                List.of(new StationView("ST-1", "Depot", 52.5, 13.4, "G1", 22_000, NOW, true, 1, 7_400)),
                List.of(new GridPointView("G1", "Feeder 1", 40_000, 1, 7_400)),
                List.of(new PowerSeries("G1", false, 40_000.0, List.of(new PowerPoint(NOW.minusSeconds(480), 7_000)))),
                List.of()));

        mvc.perform(get("/api/v1/admin/dashboard/summary").param("hours", "24").param("sessions", "5")
                        .param("session", "ST-1/s-9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations[0].id").value("ST-1"))
                .andExpect(jsonPath("$.stations[0].latitude").value(52.5))
                .andExpect(jsonPath("$.gridConnectionPoints[0].maxPowerW").value(40_000.0))
                .andExpect(jsonPath("$.aggregatePower[0].limitW").value(40_000.0))
                .andExpect(jsonPath("$.aggregatePower[0].points[0].at").value("2026-11-25T09:52:00Z"));
    }

    @Test
    @WithMockUser(roles = "FLEET_OPERATOR")
    void readerGetsThePageAndARedirectToIt() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().isFound())
                .andExpect(header().string("Location", "/dashboard/index.html"));
        mvc.perform(get("/dashboard/index.html")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("default-src 'self'")));
    }

    @Test
    @WithMockUser(roles = "DNO")
    void windowAndSessionCountOutOfRangeAreRefused() throws Exception {
        for (String[] bad : List.of(new String[] {"hours", "0"}, new String[] {"hours", "169"},
                new String[] {"sessions", "0"}, new String[] {"sessions", "101"}, new String[] {"hours", "x"},
                new String[] {"session", "ST-1"}, new String[] {"session", "ST-1/a/b"})) {
            mvc.perform(get("/api/v1/admin/dashboard/summary").param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(dashboard, never()).summary(any(), anyInt(), any());
    }
}
