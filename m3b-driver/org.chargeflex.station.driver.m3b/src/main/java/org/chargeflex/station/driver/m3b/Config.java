package org.chargeflex.station.driver.m3b;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "ChargeFlex M3B driver",
        description = "Defaults for every M3B board; a device's settings override them (docs/m3b-protocol.md).")
@interface Config {

    @AttributeDefinition(name = "Request timeout (ms)", description = "How long to wait for the board's answer to"
            + " one request before retrying it.", min = "20", max = "10000")
    int requestTimeoutMillis() default 300;

    @AttributeDefinition(name = "Retries", description = "How often a request is sent again after a timeout"
            + " before the channel is flagged TIMEOUT.", min = "0", max = "10")
    int retries() default 2;

    @AttributeDefinition(name = "Heartbeat interval (ms)", description = "How often the host sends a heartbeat;"
            + " must be well below the board heartbeat timeout.", min = "50", max = "30000")
    int heartbeatIntervalMillis() default 1000;

    @AttributeDefinition(name = "Board heartbeat timeout (ms)", description = "Sent to the board in the handshake:"
            + " after this long without a frame from the host the board opens its contactors and stops the PWM.",
            min = "200", max = "60000")
    int boardHeartbeatTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Meter interval (ms)", description = "How often the board pushes meter samples;"
            + " 0 = never (sampling only).", min = "0", max = "60000")
    int meterIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeouts before link loss", description = "Requests in a row that get no answer"
            + " (after their retries) before the connection counts as broken and is reopened.", min = "1", max = "100")
    int maxConsecutiveTimeouts() default 3;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "TCP connect timeout.", min = "100",
            max = "60000")
    int connectTimeoutMillis() default 3000;
}
