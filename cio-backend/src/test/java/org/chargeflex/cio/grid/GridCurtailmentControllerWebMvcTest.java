package org.chargeflex.cio.grid;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chargeflex.cio.grid.GridCommand.Outcome;
import org.chargeflex.cio.schedule.ScheduleRepository;
import org.chargeflex.cio.schedule.SessionReplanner;
import org.chargeflex.cio.security.CioSecuritySlice;
import org.chargeflex.cio.station.GridConnectionPoint;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.PlanningLocks;
import org.chargeflex.cio.station.StationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The curtailment API's checks and roles, with the real controller and {@link CurtailmentService} (everything behind
 * them mocked): refused commands are logged and answered with problem bodies, and nothing is stored or re-planned.
 */
@WebMvcTest(GridCurtailmentController.class)
@CioSecuritySlice
@Import(CurtailmentService.class)
@MockitoBean(types = {CurtailmentRepository.class, CommandLogRepository.class, CurtailedLimits.class,
        SessionReplanner.class, ScheduleRepository.class, EmergencyLimitWriter.class, TransactionTemplate.class,
        Clock.class, PlanningLocks.class})
class GridCurtailmentControllerWebMvcTest {
    private static final String STATION_PATH = "/api/v1/admin/grid/curtailments/stations/ST-1";
    private static final String POINT_PATH = "/api/v1/admin/grid/curtailments/grid-connection-points/GCP-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    StationRepository stations;

    @Autowired
    CurtailmentRepository curtailments;

    @Autowired
    CommandLogRepository log;

    @Autowired
    SessionReplanner replanner;

    @BeforeEach
    void registry() {
        when(stations.find("ST-1")).thenReturn(Optional.of(new Station("ST-1", "Station 1", null, null, "GCP-1", 22_000,
                null, true, false, null, Instant.EPOCH, List.of())));
        when(stations.gridConnectionPoint("GCP-1")).thenReturn(Optional.of(new GridConnectionPoint("GCP-1", "F", 50_000)));
    }

    private static MockHttpServletRequestBuilder putJson(String path, String body) {
        return put(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"limitW\":-1,\"origin\":\"test\"}",
            "{\"limitW\":\"NaN\",\"origin\":\"test\"}",
            "{\"limitW\":1e400,\"origin\":\"test\"}",
            "{\"emergency\":true,\"origin\":\"test\"}",
            "{\"limitW\":null,\"origin\":\"test\"}",
            "{\"limitW\":22000.5,\"origin\":\"test\"}"})
    @WithMockUser(username = "dno-1", roles = "DNO")
    void invalidLimitIsA400ProblemThatIsLoggedAndChangesNothing(String body) throws Exception {
        mvc.perform(putJson(STATION_PATH, body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:chargeflex:problem:invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limitW")));
        verify(log).append(isNull(), any(), eq(Outcome.REFUSED), anyString(), isNull(), isNull());
        verifyNothingApplied();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void limitAboveTheGridConnectionPointsRegisteredMaximumIsRefused() throws Exception {
        mvc.perform(putJson(POINT_PATH, "{\"limitW\":50001}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "limitW 50001.0 W exceeds the grid connection point's registered maximum of 50000.0 W"));
        verifyNothingApplied();
    }

    @Test
    @WithMockUser(roles = "DNO")
    void nonNumericLimitAndMissingBodyAre400ProblemsToo() throws Exception {
        mvc.perform(putJson(STATION_PATH, "{\"limitW\":NaN}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(putJson(STATION_PATH, "{\"limitW\":\"much\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limitW")));
        mvc.perform(put(STATION_PATH).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNothingApplied();
    }

    @Test
    @WithMockUser(roles = "DNO")
    void unknownStationOrGridConnectionPointIsA404ProblemThatIsLogged() throws Exception {
        mvc.perform(putJson("/api/v1/admin/grid/curtailments/stations/NOPE", "{\"limitW\":1000,\"origin\":\"o\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("station 'NOPE' does not exist"));
        mvc.perform(delete("/api/v1/admin/grid/curtailments/grid-connection-points/NOPE"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("grid connection point 'NOPE' does not exist"));
        verify(log, org.mockito.Mockito.times(2)).append(isNull(), any(), eq(Outcome.NOT_FOUND), anyString(), isNull(),
                isNull());
        verifyNothingApplied();
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void commandLogLimitOutOfRangeIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/grid/commands").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be 1 to 1000, not 0"));
    }

    @Test
    void withoutCredentialsEverythingIs401() throws Exception {
        mvc.perform(putJson(STATION_PATH, "{\"limitW\":1000}").with(anonymous()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:chargeflex:problem:unauthenticated"));
        mvc.perform(get("/api/v1/admin/grid/curtailments").with(anonymous())).andExpect(status().isUnauthorized());
        verifyNothingApplied();
    }

    @ParameterizedTest
    @ValueSource(strings = {"READ_ONLY", "FLEET_OPERATOR"})
    void otherRolesMayNeitherCurtailNorRead(String role) throws Exception {
        org.springframework.test.web.servlet.request.RequestPostProcessor user =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("u")
                        .roles(role);
        mvc.perform(putJson(STATION_PATH, "{\"limitW\":1000}").with(user))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:chargeflex:problem:forbidden"));
        mvc.perform(putJson(POINT_PATH, "{\"limitW\":1000}").with(user)).andExpect(status().isForbidden());
        mvc.perform(delete(STATION_PATH).with(user)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/grid/curtailments").with(user)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/grid/commands").with(user)).andExpect(status().isForbidden());
        verifyNothingApplied();
    }

    @Test
    @WithMockUser(roles = "DNO")
    void dnoMayReadTheCurtailmentsAndTheLog() throws Exception {
        mvc.perform(get("/api/v1/admin/grid/curtailments")).andExpect(status().isOk()).andExpect(content().json("[]"));
        mvc.perform(get("/api/v1/admin/grid/commands")).andExpect(status().isOk()).andExpect(content().json("[]"));
    }

    private void verifyNothingApplied() {
        verify(curtailments, never()).upsert(any());
        verify(curtailments, never()).delete(any(), anyString());
        verify(replanner, never()).replan(any());
        verify(log, never()).append(any(Long.class), any(), any(), any(), any(), any());
    }
}
