package org.chargeflex.station.datamanager.routing;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** What every device handler shares: the scheduler (sampling, timeouts, retries), the clock and the time limits. */
public record DeviceContext(ScheduledExecutorService scheduler, Clock clock, Supplier<DeviceTiming> timing) {
}
