package org.chargeflex.cio.station;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.chargeflex.cio.security.CioSecuritySlice;
import org.chargeflex.cio.system.SecretBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(StationController.class)
@CioSecuritySlice
class StationControllerWebMvcTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    StationRepository stations;

    @MockitoBean
    SecretBox secretBox;

    @MockitoBean
    Clock clock;

    @Test
    @WithMockUser(roles = "OPERATOR")
    void invalidFieldsAreListedAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/v1/admin/stations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"id":"ST 1","station":{"name":" ","maxPowerW":0,"longitude":200},
                         "outlets":[{"id":"1","maxPowerW":11000,"phases":4}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "id", "station.name", "station.maxPowerW", "station.longitude", "outlets[0].phases")));
        verify(stations, never()).insert(anyString(), any(), any());
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void duplicateOutletIdsAreRefused() throws Exception {
        mvc.perform(post("/api/v1/admin/stations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"id":"ST-1","station":{"name":"a","maxPowerW":1000},
                         "outlets":[{"id":"1","maxPowerW":11000,"phases":3},{"id":"1","maxPowerW":11000,"phases":3}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("outlet ids must be distinct"));
        verify(stations, never()).insert(anyString(), any(), any());
    }

    @Test
    @WithMockUser(roles = "FLEET_OPERATOR")
    void fleetOperatorMayNotRegisterStations() throws Exception {
        mvc.perform(post("/api/v1/admin/stations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:chargeflex:problem:forbidden"));
    }
}
