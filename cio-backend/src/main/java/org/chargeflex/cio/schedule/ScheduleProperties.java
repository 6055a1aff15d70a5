package org.chargeflex.cio.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param pollInterval how often stations should poll for schedule updates (sent in every schedule) */
@ConfigurationProperties("cio.schedule")
record ScheduleProperties(@DefaultValue("60s") Duration pollInterval) {
}
