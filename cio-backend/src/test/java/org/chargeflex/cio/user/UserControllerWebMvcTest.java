package org.chargeflex.cio.user;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.chargeflex.cio.security.CioSecuritySlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UserController.class)
@CioSecuritySlice
class UserControllerWebMvcTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    UserRepository users;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void adminIsTheOnlyOperator() {
        when(users.find("admin")).thenReturn(Optional.of(new Account("admin", "{noop}x", Set.of(Role.OPERATOR))));
        when(users.countOtherOperators("admin")).thenReturn(0);
    }

    @Test
    @WithMockUser(username = "admin", roles = "OPERATOR")
    void lastOperatorCannotBeDeleted() throws Exception {
        mvc.perform(delete("/api/v1/admin/users/admin"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("'admin' is the last account with role OPERATOR"));
        verify(users, never()).delete(anyString());
    }

    @Test
    @WithMockUser(username = "admin", roles = "OPERATOR")
    void lastOperatorCannotLoseTheOperatorRole() throws Exception {
        mvc.perform(put("/api/v1/admin/users/admin/roles").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"READ_ONLY\"]}"))
                .andExpect(status().isConflict());
        verify(users, never()).replaceRoles(anyString(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    @WithMockUser(username = "admin", roles = "OPERATOR")
    void unknownRoleIsA400() throws Exception {
        mvc.perform(put("/api/v1/admin/users/admin/roles").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"KING\"]}"))
                .andExpect(status().isBadRequest());
    }
}
