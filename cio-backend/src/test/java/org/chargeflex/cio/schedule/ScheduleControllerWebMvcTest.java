package org.chargeflex.cio.schedule;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chargeflex.cio.contract.SchedulePeriod;
import org.chargeflex.cio.optimizer.PlannedSchedule;
import org.chargeflex.cio.security.CioSecuritySlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ScheduleController.class)
@CioSecuritySlice
class ScheduleControllerWebMvcTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final String VALID = """
            {"stationId":"ST-1","outletId":"1","sessionId":"s1","user":{"type":"RFID","token":"04A1"},
             "ev":{"energyDemandWh":10000,"maxPowerW":11000,"phases":3,"plannedDeparture":"2026-11-25T12:00:00Z"}}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ScheduleService service;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void stopTheClock() {
        when(clock.instant()).thenReturn(T0); // the station-activity interceptor notes when the station was seen
    }

    @Test
    @WithMockUser(username = "ST-1", roles = "STATION")
    void validRequestAnswersTheScheduleWithItsEtag() throws Exception {
        PlannedSchedule plan = new PlannedSchedule(T0, List.of(new SchedulePeriod(0, 2500)), T0.plusSeconds(14_400));
        when(service.request(any())).thenReturn(new StoredSchedule("abc", "ST-1", "s1", 1, plan, 60,
                ScheduleOrigin.PLANNER, null, T0));
        mvc.perform(post("/api/v1/stations/ST-1/charging-requests").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"abc\""))
                .andExpect(jsonPath("$.periods[0].maxPowerW").value(2500.0))
                .andExpect(jsonPath("$.startTime").value("2026-11-25T08:00:00Z"));
    }

    @Test
    @WithMockUser(username = "ST-1", roles = "STATION")
    void missingEvLimitIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/stations/ST-1/charging-requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"maxPowerW\":11000,", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:chargeflex:problem:invalid-body"))
                .andExpect(jsonPath("$.detail").value("ev.maxPowerW or ev.maxCurrentA is required"));
        verify(service, never()).request(any());
    }

    @Test
    @WithMockUser(username = "ST-1", roles = "STATION")
    void wrongTypeNamesThePath() throws Exception {
        mvc.perform(post("/api/v1/stations/ST-1/charging-requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"phases\":3", "\"phases\":\"three\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("ev.phases: ")));
    }

    @Test
    @WithMockUser(username = "ST-1", roles = "STATION")
    void requestForAnotherStationInTheBodyIs403() throws Exception {
        mvc.perform(post("/api/v1/stations/ST-1/charging-requests").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"stationId\":\"ST-1\"", "\"stationId\":\"ST-2\"")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("station 'ST-1' may not send data for station 'ST-2'"));
        verify(service, never()).request(any());
    }

    @Test
    @WithMockUser(username = "ST-1", roles = "STATION")
    void otherStationsPathIs403Problem() throws Exception {
        mvc.perform(get("/api/v1/stations/ST-2/sessions/s1/schedule"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(username = "admin", roles = "OPERATOR")
    void operatorMayNotUseTheStationApi() throws Exception {
        mvc.perform(get("/api/v1/stations/admin/sessions/s1/schedule")).andExpect(status().isForbidden());
    }

    @Test
    void anonymousIs401Problem() throws Exception {
        mvc.perform(get("/api/v1/stations/ST-1/sessions/s1/schedule"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"ChargeFlex CIO\""))
                .andExpect(jsonPath("$.status").value(401));
    }
}
