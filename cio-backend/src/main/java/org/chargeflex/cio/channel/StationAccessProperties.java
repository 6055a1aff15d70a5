package org.chargeflex.cio.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param timeout the deadline of one call to a station's REST server */
@ConfigurationProperties("cio.station-access")
record StationAccessProperties(@DefaultValue("5s") Duration timeout) {
}
