package org.chargeflex.cio.system;

import java.time.Duration;
import org.chargeflex.cio.optimizer.PlanningGrid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The planning time grid from {@code cio.planning.*} (see {@link PlanningGrid}; a bad value stops the start). */
@Configuration
@EnableConfigurationProperties(PlanningConfiguration.PlanningProperties.class)
class PlanningConfiguration {

    /**
     * {@code cio.planning.*}.
     *
     * @param slotLength the optimiser's longest slot (15m)
     * @param minHorizon the shortest time a schedule covers (15m)
     */
    @ConfigurationProperties("cio.planning")
    record PlanningProperties(@DefaultValue("15m") Duration slotLength, @DefaultValue("15m") Duration minHorizon) {
    }

    @Bean
    PlanningGrid planningGrid(PlanningProperties properties) {
        return new PlanningGrid(properties.slotLength(), properties.minHorizon());
    }
}
