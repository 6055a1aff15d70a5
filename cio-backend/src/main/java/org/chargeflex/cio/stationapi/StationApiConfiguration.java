package org.chargeflex.cio.stationapi;

import java.util.List;
import org.chargeflex.cio.station.StationActivity;
import org.chargeflex.cio.system.StationEndpoint;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The station API's servlet at {@code /api/v1/stations/*}, serving every {@link StationEndpoint} bean. */
@Configuration(proxyBeanMethods = false)
class StationApiConfiguration {
    static final String MAPPING = "/api/v1/stations/*";

    @Bean
    StationRoutes stationRoutes(List<StationEndpoint> endpoints) {
        return new StationRoutes(endpoints);
    }

    @Bean
    ServletRegistrationBean<StationApiServlet> stationApiServlet(StationRoutes routes, JsonMapper json,
            StationActivity activity) {
        ServletRegistrationBean<StationApiServlet> registration = new ServletRegistrationBean<>(
                new StationApiServlet(routes, json, activity), MAPPING);
        registration.setName("stationApi");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    StationApiDocumentation stationApiDocumentation(StationRoutes routes) {
        return new StationApiDocumentation(routes);
    }
}
