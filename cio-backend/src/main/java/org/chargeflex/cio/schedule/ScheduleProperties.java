package org.chargeflex.cio.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval  how often stations should poll for schedule updates (sent in every schedule)
 * @param planningLanes how many batches of charging requests are planned at the same time per instance (each holds a
 *                      database connection while it runs; requests sharing a limit always share a lane). Two on
 *                      a 2-core machine: fewer, larger batches did more per second than four (bench/RESULTS.md,
 *                      issue 5, session 8)
 * @param maxBatch      the most charging requests planned in one transaction
 */
@ConfigurationProperties("cio.schedule")
record ScheduleProperties(@DefaultValue("60s") Duration pollInterval, @DefaultValue("2") int planningLanes,
        @DefaultValue("64") int maxBatch) {
}
