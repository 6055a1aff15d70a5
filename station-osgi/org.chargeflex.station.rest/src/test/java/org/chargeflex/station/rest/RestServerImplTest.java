package org.chargeflex.station.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestServerImplTest {
    @Test
    void normalizesTheServletPattern() {
        assertThat(RestServerImpl.servletPattern("/rest/*")).isEqualTo("/rest/*");
        assertThat(RestServerImpl.servletPattern("/rest")).isEqualTo("/rest/*");
        assertThat(RestServerImpl.servletPattern("/api/v1/")).isEqualTo("/api/v1/*");
        assertThat(RestServerImpl.servletPattern("rest")).isEqualTo("/rest/*");
        assertThat(RestServerImpl.servletPattern(" ")).isEqualTo("/rest/*");
        assertThat(RestServerImpl.servletPattern(null)).isEqualTo("/rest/*");
    }
}
